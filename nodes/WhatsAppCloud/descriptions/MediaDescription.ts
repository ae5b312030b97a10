import type { INodeProperties } from 'n8n-workflow';

import { checkInput } from '../hooks/checkInput';
import { checkMediaId, checkMediaOwner, downloadMediaFile, mediaUploadRequest } from '../hooks/mediaFiles';
import { field, PHONE_NUMBER_ID, phoneNumberIdProperty, toQuery } from './common';

const show = (operation: string[]) => ({ resource: ['media'], operation });
/** Doc 68: `/{media-id}`, with `phone_number_id` from the options when set. */
const mediaObject = `=/${field('mediaObjectId')}`;
const checkMediaObject = checkInput(checkMediaId, checkMediaOwner);

export const mediaOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['media'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a media file',
			description: 'Delete an uploaded media file from WhatsApp',
			routing: { request: { method: 'DELETE', url: mediaObject }, send: { preSend: [checkMediaObject] } },
		},
		{
			name: 'Download',
			value: 'download',
			action: 'Download a media file',
			description: "Download a media file (e.g. one a customer sent) into the item's binary data",
			routing: {
				request: { method: 'GET', url: mediaObject },
				send: { preSend: [checkMediaObject] },
				output: { postReceive: [downloadMediaFile] },
			},
		},
		{
			name: 'Get URL',
			value: 'getUrl',
			action: 'Get the URL of a media file',
			description: 'Get the download URL (valid for 5 minutes), MIME type, size and SHA-256 hash of a media file',
			routing: { request: { method: 'GET', url: mediaObject }, send: { preSend: [checkMediaObject] } },
		},
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a media file',
			description: "Upload the item's binary data to WhatsApp and get a media ID to send (kept for 30 days)",
			routing: {
				request: { method: 'POST', url: `=/${PHONE_NUMBER_ID}/media` },
				send: { preSend: [mediaUploadRequest] },
			},
		},
	],
	default: 'upload',
};

export const mediaFields: INodeProperties[] = [
	phoneNumberIdProperty(show(['upload']), 'Phone Number'),
	{
		displayName: 'Input Binary Field',
		name: 'mediaBinaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
		displayOptions: { show: show(['upload']) },
	},
	{
		displayName: 'Media Type',
		name: 'mediaKind',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'AAC, AMR, MP3, M4A or OGG (Opus), up to 16 MB' },
			{ name: 'Detect From MIME Type', value: 'auto', description: "Use the binary data's MIME type" },
			{ name: 'Document', value: 'document', description: 'TXT, PDF, Word, Excel or PowerPoint, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'JPEG or PNG, up to 5 MB' },
			{ name: 'Sticker', value: 'sticker', description: 'WebP, up to 500 KB (100 KB if not animated)' },
			{ name: 'Video', value: 'video', description: '3GP or MP4 (H.264 and AAC), up to 16 MB' },
		],
		default: 'auto',
		description: 'Kind of media, which sets the allowed file types and the size limit',
		displayOptions: { show: show(['upload']) },
	},
	{
		displayName: 'Media ID',
		name: 'mediaObjectId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1037543291543636',
		description: 'The media ID, from an upload or from an incoming message',
		hint: 'From the trigger: {{ $json.message.image.id }}',
		displayOptions: { show: show(['delete', 'download', 'getUrl']) },
	},
	{
		displayName: 'Options',
		name: 'mediaOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: show(['delete', 'download', 'getUrl']) },
		options: [
			{
				displayName: 'Only for Phone Number ID',
				name: 'ownerPhoneNumberId',
				type: 'string',
				default: '',
				placeholder: '106540352242922',
				description: 'Only act if the media was uploaded on this business phone number',
				routing: toQuery('phone_number_id'),
			},
		],
	},
	{
		displayName: 'Download Options',
		name: 'downloadOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: show(['download']) },
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description:
					'Name of the downloaded file. Default: the name WhatsApp gives, else the media ID with the extension of its MIME type.',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyOutput',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the file in',
			},
		],
	},
];
