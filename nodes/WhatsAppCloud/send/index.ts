import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { MESSAGE_TYPES } from '../messages';
import { sendMessages } from './run';

type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** Every operation of the Message resource runs through the send pipeline: n8n's custom operations, by resource. */
export const messageCustomOperations: Record<string, CustomOperation> = Object.fromEntries(
	[...MESSAGE_TYPES.map((type) => type.operation), 'markAsRead'].map((operation) => [operation, sendMessages]),
);

export { buildEnvelope } from './envelope';
export { SENDING_OPTIONS } from './options';
export { sendOneMessage } from './single';
