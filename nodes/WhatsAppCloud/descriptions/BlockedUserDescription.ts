import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { resolvePhoneNumberId } from '../hooks/accountIds';
import { blockedUsersPagination, blockUsersBody, readBlockUsersAnswer } from '../hooks/blockedUsers';
import { checkInput } from '../hooks/checkInput';
import { listFields } from '../hooks/pagination';
import { PHONE_NUMBER_ID, phoneNumberIdProperty } from './common';

const resource = ['blockedUser'];
const url = `=/${PHONE_NUMBER_ID}/block_users`;

/** Doc 04: Block and Unblock send the same body, with POST and DELETE. */
const blockUsers = (method: 'POST' | 'DELETE'): INodePropertyRouting => ({
	request: { method, url },
	send: { preSend: [blockUsersBody] },
	output: { postReceive: [readBlockUsersAnswer] },
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
			routing: blockUsers('POST'),
		},
		{
			name: 'Get Many',
			value: 'list',
			action: 'Get many blocked users',
			description: "List the users on this number's block list",
			routing: {
				request: { method: 'GET', url },
				send: { preSend: [checkInput(resolvePhoneNumberId)] },
				// Doc 04 nests the users: data[].block_users[]; one item per blocked user.
				output: {
					postReceive: [
						{ type: 'rootProperty', properties: { property: 'data' } },
						{ type: 'rootProperty', properties: { property: 'block_users' } },
					],
				},
			},
		},
		{
			name: 'Unblock',
			value: 'unblock',
			action: 'Unblock users',
			description: 'Remove one or more users from the block list',
			routing: blockUsers('DELETE'),
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
			'Phone numbers with country code or WhatsApp IDs, separated by commas or new lines, or a list from an expression',
		hint: 'From the trigger: {{ $json.contact.wa_id }}',
		displayOptions: { show: { resource, operation: ['block', 'unblock'] } },
	},
	{
		displayName: 'Fail When',
		name: 'onUserFailure',
		type: 'options',
		default: 'failIfAllFail',
		description:
			'When a failure for some users stops the node. Each user gets an output item with its status either way.',
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
	// Doc 04: when the list changes while paging, Graph asks to start over; blockedUsersPagination does.
	...listFields({ resource, operation: ['list'] }, blockedUsersPagination),
];
