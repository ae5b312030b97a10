import type { INodeProperties } from 'n8n-workflow';

import { blockedUserFields, blockedUserOperations } from './BlockedUserDescription';
import { businessAccountFields, businessAccountOperations } from './BusinessAccountDescription';
import { businessProfileFields, businessProfileOperations } from './BusinessProfileDescription';
import { commerceSettingsFields, commerceSettingsOperations } from './CommerceSettingsDescription';
import { flowsEncryptionFields, flowsEncryptionOperations } from './FlowsEncryptionDescription';
import { mediaFields, mediaOperations } from './MediaDescription';
import { messageFields, messageOperations } from './MessageDescription';
import { paymentFields, paymentOperations } from './PaymentDescription';
import { phoneNumberFields, phoneNumberOperations } from './PhoneNumberDescription';
import { templateFields, templateOperations } from './TemplateDescription';

export interface ResourceDescription {
	name: string;
	value: string;
	/** The resource's Operation dropdown (displayed only for this resource). */
	operations: INodeProperties;
	/** Every field of the resource's operations, each with its own displayOptions. */
	fields: INodeProperties[];
}

/** The node's resources, one description file each, in the order of the Resource dropdown. */
export const RESOURCES: ResourceDescription[] = [
	{ name: 'Message', value: 'message', operations: messageOperations, fields: messageFields },
	{ name: 'Template', value: 'template', operations: templateOperations, fields: templateFields },
	{ name: 'Media', value: 'media', operations: mediaOperations, fields: mediaFields },
	{ name: 'Phone Number', value: 'phoneNumber', operations: phoneNumberOperations, fields: phoneNumberFields },
	{
		name: 'Business Profile',
		value: 'businessProfile',
		operations: businessProfileOperations,
		fields: businessProfileFields,
	},
	{ name: 'Blocked User', value: 'blockedUser', operations: blockedUserOperations, fields: blockedUserFields },
	{
		name: 'Commerce Settings',
		value: 'commerceSettings',
		operations: commerceSettingsOperations,
		fields: commerceSettingsFields,
	},
	{
		name: 'Flows Encryption',
		value: 'flowsEncryption',
		operations: flowsEncryptionOperations,
		fields: flowsEncryptionFields,
	},
	{ name: 'Payment', value: 'payment', operations: paymentOperations, fields: paymentFields },
	{
		name: 'WhatsApp Business Account',
		value: 'businessAccount',
		operations: businessAccountOperations,
		fields: businessAccountFields,
	},
];
