import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { lookupGraphError, parseGraphError, RETRIED_IN_RUN, type RetryClass } from '../../shared/GraphErrors';

/** What one answer from Meta means for the message. */
export type Verdict =
	/** Meta accepted it: `answer` is its JSON. */
	| { outcome: 'accepted'; answer: IDataObject }
	/** Meta accepted nothing and the same request may succeed after waiting. */
	| { outcome: 'retry'; retry: RetryClass; retryAfterMs?: number }
	/** Meta refused it; sending it again as it is would fail again (or only after minutes to days). */
	| { outcome: 'refused' }
	/** The answer does not say whether Meta accepted it: it may have been sent, and is never sent again. */
	| { outcome: 'unknown'; reason: string };

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const key = Object.keys(response.headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : (response.headers as IDataObject)[key];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(response: IN8nHttpFullResponse, now = Date.now()): number | undefined {
	const value = header(response, 'retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function answerOf(body: unknown): IDataObject | undefined {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as IDataObject;
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	try {
		const parsed = JSON.parse(body) as unknown;
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * Reads Meta's answer to a send. Whether a refusal is repeated is decided by the error table's retry column
 * (nodes/shared/GraphErrors.ts) alone; a 429 without a Graph code is a rate limit, any other 5xx without one unknown.
 */
export function judge(response: IN8nHttpFullResponse, accepted: (answer: IDataObject) => boolean): Verdict {
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) {
		const answer = answerOf(response.body);
		if (answer && accepted(answer)) return { outcome: 'accepted', answer };
		return {
			outcome: 'unknown',
			reason: `Meta answered HTTP ${statusCode} without the expected JSON (${answer ? 'no message ID' : 'empty or unreadable'})`,
		};
	}
	const wait = retryAfterMs(response);
	const code = parseGraphError(response.body)?.code;
	const retry: RetryClass | undefined =
		code !== undefined
			? (lookupGraphError(code)?.retry ?? (statusCode >= 500 ? 'maybe' : 'never'))
			: statusCode === 429
				? 'rate'
				: undefined;
	if (retry !== undefined && RETRIED_IN_RUN.has(retry)) return { outcome: 'retry', retry, retryAfterMs: wait };
	if (retry === 'maybe' || (retry === undefined && statusCode >= 500)) {
		return {
			outcome: 'unknown',
			reason: `Meta answered HTTP ${statusCode}${code !== undefined ? ` with error ${code}` : ' without a Graph error'}`,
		};
	}
	return { outcome: 'refused' };
}

/**
 * How long to wait before sending again after the `failures`-th refusal of one message: Meta's `Retry-After` when
 * it sent one; 4^X seconds for the pair rate limit (131056, X = earlier 131056s for this recipient in the run);
 * for the throughput limit, twenty sending intervals at the current rate (¼ s at 80 msg/s, at least 0.1 s),
 * doubling: the pacer has slowed down already, and a throttled message must not trail the run by much; otherwise
 * 1, 2, 4, 8, ... seconds. A little jitter keeps throttled messages from coming back together.
 */
export function retryWaitMs(
	retry: RetryClass,
	failures: number,
	pairFailures: number,
	retryAfter?: number,
	messagesPerSecond = 80,
): number {
	if (retryAfter !== undefined) return retryAfter;
	if (retry === 'pair') return 4 ** pairFailures * 1000;
	const first = retry === 'throughput' ? Math.min(250, Math.max(100, 20_000 / messagesPerSecond)) : 1000;
	const base = first * 2 ** Math.min(failures - 1, 10);
	return Math.round(base * (0.9 + Math.random() * 0.2));
}
