import type { INodeProperties } from 'n8n-workflow';

import { messageFields, messageOperations } from './MessageDescription';

export interface ResourceDescription {
	name: string;
	value: string;
	/** The resource's Operation dropdown (displayed only for this resource). */
	operations: INodeProperties;
	/** Every field of the resource's operations, each with its own displayOptions. */
	fields: INodeProperties[];
}

/** The node's resources, one description file each; the Resource dropdown lists them in this order. */
export const RESOURCES: ResourceDescription[] = [
	{ name: 'Message', value: 'message', operations: messageOperations, fields: messageFields },
];
