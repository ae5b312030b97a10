import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { graphId, MAX_MESSAGE_ID } from '../../shared/graphApi';
import { checkLength, requireText } from '../../shared/InputError';
import { graphRequest } from '../../shared/transport';
import type { BuildContext, MessageType } from '../messages/MessageType';
import { buildEnvelope } from './envelope';
import type { ParameterReader } from './params';
import { checkBinary, type PendingUpload } from './uploads';

/** What one run shares while it checks and builds its items. */
export interface PlanContext {
	ctx: IExecuteFunctions;
	credentials: ICredentialDataDecryptedObject;
	params: ParameterReader;
	/** The message type of the operation; undefined for Mark as Read. */
	messageType?: MessageType;
	/** Graph reads (template definitions), each made once per run. */
	graphGet: BuildContext['graphGet'];
}

/** One item's request, checked and built, ready to send. */
export interface SendJob {
	itemIndex: number;
	phoneNumberId: string;
	/** The recipient's digits: messages to one recipient leave one after another, in input order. */
	recipient?: string;
	body: IDataObject;
	uploads: PendingUpload[];
}

/** Graph GETs through the run's credential, each path and query read once per run. */
export function runGraphGet(
	ctx: IExecuteFunctions,
	credentials: ICredentialDataDecryptedObject,
): BuildContext['graphGet'] {
	const reads = new Map<string, Promise<IDataObject>>();
	return async (path, qs) => {
		const key = `${path}?${JSON.stringify(qs ?? {})}`;
		let read = reads.get(key);
		if (!read) {
			read = graphRequest(ctx, { url: path, qs, credentials });
			reads.set(key, read);
		}
		return await read;
	};
}

/**
 * A field that holds an ID: a resource locator's value (its modes have no extraction rule) or a plain string. Read
 * without n8n's `extractValue`, which looks the field up among all the node's properties on every call.
 */
function idParameter(plan: PlanContext, name: string, itemIndex: number): unknown {
	const value = plan.params.get<unknown>(name, itemIndex, '');
	return typeof value === 'object' && value !== null ? (value as IDataObject).value : value;
}

/** Checks and builds one item (validation first, no request except template reads); throws on any problem. */
export async function planJob(plan: PlanContext, itemIndex: number): Promise<SendJob> {
	const { params, credentials, messageType } = plan;
	const phoneNumberId = graphId(
		idParameter(plan, 'phoneNumberId', itemIndex),
		credentials.phoneNumberId,
		'Phone Number ID',
	);
	if (!messageType) {
		// Mark as Read (doc 25).
		const messageId = requireText('Message ID', params.get('messageId', itemIndex, '')).trim();
		checkLength('Message ID', messageId, MAX_MESSAGE_ID);
		const body = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
		return { itemIndex, phoneNumberId, body, uploads: [] };
	}
	const values: IDataObject = {};
	for (const property of messageType.properties) {
		values[property.name] = params.get(property.name, itemIndex, property.default);
	}
	const uploads: PendingUpload[] = [];
	const context: BuildContext = {
		uploadBinary: async (propertyName, kind) => {
			const placeholder = `__n8n_upload_${itemIndex}_${uploads.length}__`;
			uploads.push(await checkBinary(plan.ctx, itemIndex, propertyName, kind, placeholder));
			return placeholder;
		},
		binaryFileName: (propertyName) => {
			const fileName = plan.ctx.getInputData()[itemIndex]?.binary?.[propertyName]?.fileName;
			return typeof fileName === 'string' && fileName.trim() !== '' ? fileName.trim() : undefined;
		},
		graphGet: plan.graphGet,
		businessAccountId: async () =>
			graphId(
				idParameter(plan, 'businessAccountId', itemIndex),
				credentials.businessAccountId,
				'WhatsApp Business Account ID',
			),
	};
	const part = await messageType.build(values, context);
	const options = params.get<IDataObject>('messageOptions', itemIndex, {});
	const envelope = buildEnvelope(String(part.type), params.get('recipient', itemIndex, ''), options);
	const recipient = String(envelope.to).replace(/\D/g, '');
	return { itemIndex, phoneNumberId, recipient, body: { ...envelope, ...part }, uploads };
}
