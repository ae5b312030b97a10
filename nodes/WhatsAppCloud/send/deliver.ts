import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';
import { graphResponse, GraphNetworkError } from '../../shared/transport';
import type { SendSettings } from './options';
import type { Pacer } from './pacer';
import type { SendJob } from './plan';
import { maybeSent, type ItemResult, type NodeFailure } from './report';
import { judge, retryWaitMs, type Verdict } from './retry';

/** What the deliveries of one run share. */
export interface DeliveryRun {
	ctx: IExecuteFunctions;
	credentials: ICredentialDataDecryptedObject;
	settings: SendSettings;
	signal?: AbortSignal;
	/** Whether Meta's JSON answer means the request was accepted (a message ID; `success` for Mark as Read). */
	accepted(answer: IDataObject): boolean;
	/** True once the run starts no more sends (a failure with Continue On Fail off). */
	stopped(): boolean;
	/** 131056 answers so far in this run, per sender and recipient: the X of Meta's 4^X seconds. */
	pairFailures: Map<string, number>;
}

function answerError(run: DeliveryRun, job: SendJob, response: IN8nHttpFullResponse, verdict: Verdict): NodeFailure {
	if (response.statusCode < 300) {
		const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		return new NodeApiError(
			run.ctx.getNode(),
			{ body: body.slice(0, 500) },
			{
				message: 'WhatsApp answered without a message ID',
				httpCode: String(response.statusCode),
				itemIndex: job.itemIndex,
				description: verdict.outcome === 'unknown' ? verdict.reason : undefined,
			},
		);
	}
	return graphErrorToNodeApiError(run.ctx.getNode(), response, job.itemIndex);
}

function gaveUp(error: NodeFailure, attempts: number, waitedMs: number): NodeFailure {
	error.description = [
		error.description,
		`Sent ${attempts} times over ${Math.round(waitedMs / 1000)} s; Meta refused each time for a passing reason, so the message was not sent. Options > Retry Attempts and Max Wait allow more.`,
	]
		.filter(Boolean)
		.join('\n');
	return error;
}

/**
 * Sends one message until Meta accepts it, refuses it for good, or the retries allowed are used up. The caller has
 * already taken the first pacer slot; every repeat takes a new one. Only answers where Meta accepted nothing are
 * repeated; a request that may have reached Meta is never sent twice.
 */
export async function deliver(run: DeliveryRun, job: SendJob, pacer: Pacer): Promise<ItemResult> {
	const { ctx, credentials, settings } = run;
	let failures = 0;
	let waitedMs = 0;
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = await graphResponse(ctx, {
				method: 'POST',
				url: `/${job.phoneNumberId}/messages`,
				body: job.body,
				itemIndex: job.itemIndex,
				credentials,
				timeout: settings.timeoutMs,
			});
		} catch (error) {
			pacer.release();
			if (error instanceof GraphNetworkError && error.maybeSent) return { state: 'maybe', error: maybeSent(error) };
			return { state: 'refused', error: error as NodeFailure };
		}
		const verdict = judge(response, run.accepted);
		pacer.release(verdict.outcome === 'retry' && (verdict.retry === 'throughput' || verdict.retry === 'rate'));
		if (verdict.outcome === 'accepted') return { state: 'accepted', answer: verdict.answer };
		const error = answerError(run, job, response, verdict);
		if (verdict.outcome === 'unknown') return { state: 'maybe', error: maybeSent(error, verdict.reason) };
		if (verdict.outcome === 'refused') return { state: 'refused', error };

		failures++;
		const pairKey = `${job.phoneNumberId}|${job.recipient ?? ''}`;
		const pairs = run.pairFailures.get(pairKey) ?? 0;
		if (verdict.retry === 'pair') run.pairFailures.set(pairKey, pairs + 1);
		const waitMs = retryWaitMs(verdict.retry, failures, pairs, verdict.retryAfterMs, pacer.currentRate);
		if (failures > settings.retryAttempts || waitedMs + waitMs > settings.maxWaitMs) {
			return { state: 'refused', error: gaveUp(error, failures, waitedMs) };
		}
		waitedMs += waitMs;
		try {
			await sleep(waitMs, run.signal);
			if (run.stopped()) return { state: 'skipped' };
			await pacer.acquire(run.signal);
		} catch {
			return { state: 'skipped' }; // the execution was canceled
		}
		if (run.stopped()) {
			pacer.release();
			return { state: 'skipped' };
		}
	}
}
