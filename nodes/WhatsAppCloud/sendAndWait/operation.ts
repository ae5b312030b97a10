import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

import { resolvePhoneNumberId } from '../hooks/accountIds';
import { InputError } from '../../shared/InputError';
import { resumePathOf } from '../../shared/waitingReplies';
import { DEFAULT_APPROVE_LABEL, DEFAULT_BUTTON_TEXT, DEFAULT_DECLINE_LABEL } from './description';
import { readFormFields } from './formFields';
import { buildQuestion } from './message';
import { sendQuestion } from './send';
import type { AnswerIn, ResponseType } from './waitRecord';
import { newWaitToken, reserveWaitRecord, resumeUrl, saveWaitRecord } from './waitRecord';

/** How long a wait without a limit is announced to the trigger (it forgets older free-text waits). */
const UNLIMITED_WAIT_SECONDS = 30 * 24 * 3600;

/** Item 0 through the single-item API that `hooks/accountIds.ts` reads (Send and Wait asks once per run, as n8n's do). */
function firstItem(ctx: IExecuteFunctions): IExecuteSingleFunctions {
	return {
		getNodeParameter: (name: string, fallback?: unknown, options?: IDataObject) =>
			ctx.getNodeParameter(name, 0, fallback, options),
		getCredentials: async (type: string) => await ctx.getCredentials(type, 0),
	} as unknown as IExecuteSingleFunctions;
}

const UNIT_SECONDS: Record<string, number> = { minutes: 60, hours: 3600, days: 86400 };

/** Options > Limit Wait Time as the date n8n resumes the execution without an answer. */
function waitUntil(ctx: IExecuteFunctions): Date {
	const limit = ctx.getNodeParameter('options.limitWaitTime.values', 0, {}) as IDataObject;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	if (limit.limitType === 'atSpecifiedTime') {
		const at = new Date(String(limit.maxDateAndTime ?? ''));
		if (Number.isNaN(at.getTime())) {
			throw new InputError(
				'Limit Wait Time',
				`Limit Wait Time > Max Date and Time is not a date; got "${String(limit.maxDateAndTime ?? '')}"`,
			);
		}
		if (at.getTime() <= Date.now()) {
			throw new InputError(
				'Limit Wait Time',
				`Limit Wait Time > Max Date and Time is in the past (${at.toISOString()})`,
			);
		}
		return at;
	}
	const amount = Number(limit.resumeAmount ?? 1);
	const unit = UNIT_SECONDS[String(limit.resumeUnit ?? 'hours')];
	if (!Number.isFinite(amount) || amount < 0 || unit === undefined) {
		throw new InputError(
			'Limit Wait Time',
			`Limit Wait Time > Amount must be a number of minutes, hours or days; got "${String(limit.resumeAmount)}"`,
		);
	}
	return new Date(Date.now() + amount * unit * 1000);
}

function toNodeError(ctx: IExecuteFunctions, error: unknown): Error {
	if (error instanceof InputError) {
		return new NodeOperationError(ctx.getNode(), `${error.message} [item 0]`, {
			itemIndex: 0,
			description: error.description,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: 0 });
}

/**
 * Message > Send and Wait for Response: sends the question for the first input item, remembers the wait
 * and puts the execution to wait. n8n resumes it through the node's webhook() (an answer) or when the
 * wait time is up (the input items then pass through unchanged).
 */
export async function sendAndWait(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	try {
		if (typeof this.putExecutionToWait !== 'function' || !this.getNode().id) {
			throw new NodeOperationError(this.getNode(), 'This n8n version cannot put an execution to wait for a node', {
				description:
					'Send and Wait for Response needs n8n 2.16 or newer (and a node ID, which n8n gives every node it saves).',
			});
		}
		const response = this.getNodeParameter('responseType', 0, 'approval') as ResponseType;
		const answerIn: AnswerIn =
			response === 'customForm' ? 'link' : (this.getNodeParameter('answerIn', 0, 'link') as AnswerIn);
		const approval = this.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const recipient = this.getNodeParameter('recipient', 0, '');
		const messageOptions = this.getNodeParameter('messageOptions', 0, {}) as IDataObject;
		const decline = response === 'approval' && approval.approvalType === 'double';

		const phoneNumberId = await resolvePhoneNumberId(firstItem(this));
		const waitTill = waitUntil(this);
		if (response === 'customForm') {
			// The form is only built when the link is opened: check now that it can be.
			readFormFields(
				this.getNodeParameter('defineForm', 0, 'fields'),
				this.getNodeParameter('formFields', 0, {}),
				this.getNodeParameter('jsonOutput', 0, '[]'),
			);
		}

		const token = newWaitToken();
		const url = resumeUrl(this, token);
		reserveWaitRecord(this);
		const expiresAt =
			waitTill === WAIT_INDEFINITELY ? Date.now() / 1000 + UNLIMITED_WAIT_SECONDS : waitTill.getTime() / 1000;
		const body = await buildQuestion({
			text: String(this.getNodeParameter('message', 0, '')),
			response,
			answerIn,
			approveLabel: String(approval.approveLabel ?? DEFAULT_APPROVE_LABEL),
			declineLabel: decline ? String(approval.disapproveLabel ?? DEFAULT_DECLINE_LABEL) : undefined,
			buttonText: String(options.messageButtonLabel ?? DEFAULT_BUTTON_TEXT),
			offerLink: options.offerLink === true,
			url,
			resumePath: resumePathOf(url),
			expiresAt,
			recipient,
			messageOptions,
		});

		const sent = await sendQuestion(this, phoneNumberId, body, messageOptions);
		saveWaitRecord(this, {
			node: this.getNode().id,
			token,
			to: sent.waId ?? String(body.to).replace(/\D/g, ''),
			message: sent.messageId,
			phone: phoneNumberId,
			response,
			answerIn,
			decline,
		});
		await this.putExecutionToWait(waitTill);
		return [items];
	} catch (error) {
		const nodeError = toNodeError(this, error);
		if (this.continueOnFail()) return [[{ json: { error: nodeError.message }, pairedItem: { item: 0 } }]];
		throw nodeError;
	}
}
