import type { INodeProperties } from 'n8n-workflow';

import { resolvePhoneNumberId } from '../hooks/accountIds';
import { checkProfileFields, PROFILE_FIELDS, PROFILE_LIMITS, profileUpdateBody } from '../hooks/businessProfile';
import { checkInput } from '../hooks/checkInput';
import { JOINED_OR_NOTHING, PHONE_NUMBER_ID, phoneNumberIdProperty, toQuery } from './common';

const show = (operation: string[]) => ({ resource: ['businessProfile'], operation });
const profile = `=/${PHONE_NUMBER_ID}/whatsapp_business_profile`;

const FIELD_NAMES: Record<(typeof PROFILE_FIELDS)[number], string> = {
	about: 'About',
	address: 'Address',
	description: 'Description',
	email: 'Email',
	profile_picture_url: 'Profile Picture URL',
	vertical: 'Vertical',
	websites: 'Websites',
};

const VERTICALS: Array<{ name: string; value: string }> = [
	{ name: 'Alcoholic Beverages', value: 'ALCOHOL' },
	{ name: 'Automotive', value: 'AUTO' },
	{ name: 'Beauty, Spa and Salon', value: 'BEAUTY' },
	{ name: 'Clothing and Apparel', value: 'APPAREL' },
	{ name: 'Education', value: 'EDU' },
	{ name: 'Entertainment', value: 'ENTERTAIN' },
	{ name: 'Event Planning and Service', value: 'EVENT_PLAN' },
	{ name: 'Finance and Banking', value: 'FINANCE' },
	{ name: 'Food and Grocery', value: 'GROCERY' },
	{ name: 'Hotel and Lodging', value: 'HOTEL' },
	{ name: 'Medical and Health', value: 'HEALTH' },
	{ name: 'Non-Online Gambling & Gaming', value: 'PHYSICAL_GAMBLING' },
	{ name: 'Non-Profit', value: 'NONPROFIT' },
	{ name: 'None (Clear the Category)', value: '' },
	{ name: 'Online Gambling & Gaming', value: 'ONLINE_GAMBLING' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'Over-the-Counter Drugs', value: 'OTC_DRUGS' },
	{ name: 'Professional Services', value: 'PROF_SERVICES' },
	{ name: 'Public Service', value: 'GOVT' },
	{ name: 'Restaurant', value: 'RESTAURANT' },
	{ name: 'Shopping and Retail', value: 'RETAIL' },
	{ name: 'Travel and Transportation', value: 'TRAVEL' },
];

export const businessProfileOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['businessProfile'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the business profile',
			description: 'Get the business profile WhatsApp users see for a phone number',
			routing: {
				// The Fields field replaces `fields` when it has any selected.
				request: { method: 'GET', url: profile, qs: { fields: PROFILE_FIELDS.join(',') } },
				send: { preSend: [checkInput(resolvePhoneNumberId, checkProfileFields)] },
				// Graph answers { data: [profile] }: the item is the profile.
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update the business profile',
			description: 'Change the about text, address, description, email, category, websites or picture',
			routing: { request: { method: 'POST', url: profile }, send: { preSend: [profileUpdateBody] } },
		},
	],
	default: 'get',
};

export const businessProfileFields: INodeProperties[] = [
	phoneNumberIdProperty(show(['get', 'update']), 'Phone Number'),
	{
		displayName: 'Fields',
		name: 'profileFields',
		type: 'multiOptions',
		options: PROFILE_FIELDS.map((value) => ({ name: FIELD_NAMES[value], value })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		default: [...PROFILE_FIELDS],
		description: 'Profile fields to return. None selected returns all of them.',
		displayOptions: { show: show(['get']) },
		routing: toQuery('fields', JOINED_OR_NOTHING),
	},
	{
		displayName: 'Update Fields',
		name: 'profileUpdateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: show(['update']) },
		options: [
			{
				displayName: 'About',
				name: 'about',
				type: 'string',
				default: '',
				description: `Text under the profile picture, 1 to ${PROFILE_LIMITS.about} characters. Links are not clickable, markdown is not supported.`,
			},
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				description: `Address of the business, up to ${PROFILE_LIMITS.address} characters`,
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: `Description of the business, up to ${PROFILE_LIMITS.description} characters`,
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: `Contact email address, up to ${PROFILE_LIMITS.email} characters`,
			},
			{
				displayName: 'Profile Picture Handle',
				name: 'profilePictureHandle',
				type: 'string',
				default: '',
				description: "Handle of a picture uploaded with Meta's Resumable Upload API",
			},
			{
				displayName: 'Vertical',
				name: 'vertical',
				type: 'options',
				options: VERTICALS,
				default: 'OTHER',
				description: 'Business category shown in the profile',
			},
			{
				displayName: 'Websites',
				name: 'websites',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, maxAllowedFields: PROFILE_LIMITS.websites },
				default: {},
				placeholder: 'Add website',
				description: `Up to ${PROFILE_LIMITS.websites} URLs (website, Facebook Page, Instagram), each with http:// or https://, up to ${PROFILE_LIMITS.website} characters`,
				options: [
					{
						displayName: 'Website',
						name: 'website',
						values: [
							{
								displayName: 'URL',
								name: 'url',
								type: 'string',
								default: '',
								placeholder: 'https://www.example.com',
							},
						],
					},
				],
			},
			{
				displayName: 'Websites (JSON)',
				name: 'websitesJson',
				type: 'json',
				default: '["https://www.example.com"]',
				description: 'Websites as a JSON array of URLs, e.g. from an expression. Same limits as Websites.',
			},
		],
	},
];
