import type { IDisplayOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

/**
 * The business phone number ID in a routing URL, e.g. `=/${PHONE_NUMBER_ID}/whatsapp_business_profile`: the
 * node's field, else the credential's. The operation's preSend checks the same value (resolvePhoneNumberId).
 */
export const PHONE_NUMBER_ID =
	'{{ String($parameter.phoneNumberId ?? "").trim() || String($credentials.phoneNumberId ?? "").trim() }}';

/** The WhatsApp Business Account ID in a routing URL: the node's field, else the credential's (checked by resolveBusinessAccountId). */
export const BUSINESS_ACCOUNT_ID =
	'{{ String($parameter.businessAccountId ?? "").trim() || String($credentials.businessAccountId ?? "").trim() }}';

/** A node field's value in a routing URL or query, trimmed; numbers from expressions become text. */
export const field = (name: string) => `{{ String($parameter.${name} ?? "").trim() }}`;

/** A field's value trimmed, or nothing when empty (n8n leaves undefined out of the query and the JSON body). */
export const TRIMMED_OR_NOTHING = '={{ String($value).trim() || undefined }}';
/** A multiOptions value as one comma-separated value, or nothing when none is selected. */
export const JOINED_OR_NOTHING = '={{ $value.join(",") || undefined }}';

/** Field-level routing: the field's value as the query parameter `property`. */
export function toQuery(property: string, value = TRIMMED_OR_NOTHING): INodePropertyRouting {
	return { send: { type: 'query', property, value } };
}

/** Adds `show` conditions to a property, keeping the conditions it already has (e.g. on sibling fields). */
export function showFor(show: NonNullable<IDisplayOptions['show']>, property: INodeProperties): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, ...property.displayOptions?.show },
		},
	};
}

/** Business phone number: picked from the account's numbers, typed, or left empty for the credential's. */
export function phoneNumberIdProperty(
	show: NonNullable<IDisplayOptions['show']>,
	displayName = 'Sender Phone Number',
): INodeProperties {
	return {
		displayName,
		name: 'phoneNumberId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: "Business phone number to use. Leave empty to use the credential's Phone Number ID.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '106540352242922',
				validation: [
					{ type: 'regex', properties: { regex: '^\\d*$', errorMessage: 'A phone number ID has digits only' } },
				],
			},
		],
		displayOptions: { show },
	};
}

/** WhatsApp Business Account: picked, typed, or left empty for the credential's. */
export function businessAccountIdProperty(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName: 'WhatsApp Business Account ID',
		name: 'businessAccountId',
		type: 'string',
		default: '',
		placeholder: "Credential's WABA ID",
		description: "Leave empty to use the credential's WhatsApp Business Account ID",
		displayOptions: { show },
	};
}
