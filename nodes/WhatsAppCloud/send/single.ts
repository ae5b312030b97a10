import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../shared/graphApi';
import { deliver } from './deliver';
import { readSendSettings } from './options';
import { pacerFor } from './pacer';
import { sentJson } from './report';

/**
 * Sends one message body that is already built (e.g. the question of Send and Wait) the way every send goes:
 * paced with the other sends of its phone number, repeated only where Meta accepted nothing. Resolves to Meta's
 * answer with `messageId` and `waId` first; throws the item's NodeApiError / NodeOperationError otherwise
 * (a message that may have been sent says so in its message: "May have been sent: …").
 */
export async function sendOneMessage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: { phoneNumberId: string; body: IDataObject; options?: IDataObject },
): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const settings = readSendSettings(request.options ?? {});
	const pacer = pacerFor(String(credentials.baseUrl ?? '').replace(/\/+$/, ''), request.phoneNumberId);
	const leave = pacer.join(settings.messagesPerSecond);
	try {
		await pacer.acquire(ctx.getExecutionCancelSignal?.());
		const recipient = typeof request.body.to === 'string' ? request.body.to.replace(/\D/g, '') : undefined;
		const result = await deliver(
			{
				ctx,
				credentials,
				settings,
				signal: ctx.getExecutionCancelSignal?.(),
				accepted: (answer) => typeof (answer.messages as IDataObject[] | undefined)?.[0]?.id === 'string',
				stopped: () => false,
				pairFailures: new Map(),
			},
			{ itemIndex, phoneNumberId: request.phoneNumberId, recipient, body: request.body, uploads: [] },
			pacer,
		);
		if (result.state === 'accepted') return sentJson(result.answer);
		if (result.state === 'skipped')
			throw new NodeOperationError(ctx.getNode(), 'The execution was canceled before the message was sent', {
				itemIndex,
			});
		throw result.error;
	} finally {
		leave();
	}
}
