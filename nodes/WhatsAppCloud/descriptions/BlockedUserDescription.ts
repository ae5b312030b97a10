import type { INodeProperties } from 'n8n-workflow';

import {
	blockedUsersPagination,
	blockedUsersUrl,
	blockUsersRequest,
	flattenBlockedUsers,
	sendBlockUsers,
} from '../hooks/blockedUsers';
import { listFields, listRouting } from '../hooks/pagination';
import { phoneNumberIdProperty } from './common';

const resource = ['blockedUser'];
const list = listRouting({ url: '' });

// Block and Unblock send through their own "pagination" function: see sendBlockUsers for why.
const blockRouting = (method: 'POST' | 'DELETE') => ({
	request: { method },
	send: { preSend: [blockUsersRequest], paginate: true },
	operations: { pagination: sendBlockUsers },
});

export const blockedUserOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	options: [
		{
			name: 'Block',
			value: 'block',
			action: 'Block users',
			description: 'Block one or more users who messaged this number in the last 24 hours',
			routing: blockRouting('POST'),
		},
		{
			name: 'List',
			value: 'list',
			action: 'List blocked users',
			description: "List the users on this number's block list",
			routing: {
				...list,
				send: { ...list.send, preSend: [blockedUsersUrl] },
				operations: { pagination: blockedUsersPagination },
				output: { postReceive: [flattenBlockedUsers] },
			},
		},
		{
			name: 'Unblock',
			value: 'unblock',
			action: 'Unblock users',
			description: 'Remove one or more users from the block list',
			routing: blockRouting('DELETE'),
		},
	],
	default: 'block',
};

export const blockedUserFields: INodeProperties[] = [
	phoneNumberIdProperty({ resource }, 'Business Phone Number'),
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+16505551234, 16505555678',
		description:
			'Phone numbers with country code or WhatsApp IDs, separated by commas or new lines (or a list from an expression, e.g. {{ $json.contact.wa_id }})',
		displayOptions: { show: { resource, operation: ['block', 'unblock'] } },
	},
	{
		displayName: 'Fail When',
		name: 'onUserFailure',
		type: 'options',
		default: 'failIfAllFail',
		description: 'When a failure for some users stops the node. Each user gets an output item with its status either way.',
		options: [
			{
				name: 'All Users Fail',
				value: 'failIfAllFail',
				description: 'Output the per-user results while at least one user succeeded',
			},
			{
				name: 'Any User Fails',
				value: 'failIfAnyFails',
				description: 'Stop on the first failed user (the others may already be done)',
			},
			{
				name: 'Never',
				value: 'neverFail',
				description: 'Always output the per-user results, failures included',
			},
		],
		displayOptions: { show: { resource, operation: ['block', 'unblock'] } },
	},
	...listFields({ resource, operation: ['list'] }),
];
