import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { GRAPH_ERROR_CODES, RETRIED_IN_RUN } from '../../../nodes/shared/GraphErrors';
import { judge, retryAfterMs, retryWaitMs } from '../../../nodes/WhatsAppCloud/send/retry';

const sent = (answer: IDataObject) => typeof (answer.messages as IDataObject[] | undefined)?.[0]?.id === 'string';
const response = (statusCode: number, body: unknown, headers: IDataObject = {}): IN8nHttpFullResponse => ({
	statusCode,
	body: body as IDataObject,
	headers,
});
const graph = (code: number, status = 400) =>
	response(status, { error: { message: `(#${code}) Title`, code, fbtrace_id: 'T' } });

describe('judge: what an answer means for the message', () => {
	it('accepts a 200 with a message ID', () => {
		const answer = {
			messaging_product: 'whatsapp',
			contacts: [{ input: '1', wa_id: '1' }],
			messages: [{ id: 'wamid.A' }],
		};
		expect(judge(response(200, answer), sent)).toEqual({ outcome: 'accepted', answer });
		expect(judge(response(200, JSON.stringify(answer)), sent)).toEqual({ outcome: 'accepted', answer });
	});

	it.each([
		['an empty 200', response(200, '')],
		['truncated JSON', response(200, '{"messaging_product":"whatsapp","messa')],
		['a 200 without a message ID', response(200, { success: true })],
		['a 5xx without a Graph error (a proxy page)', response(502, '<html>Bad Gateway</html>')],
		['a 5xx with an unknown code', graph(987654, 500)],
		['131000 (Something went wrong)', graph(131000, 500)],
		['1 (API Unknown)', graph(1)],
	])('cannot tell whether Meta accepted %s', (_name, answer) => {
		expect(judge(answer, sent).outcome).toBe('unknown');
	});

	it.each([
		[130429, 'throughput'],
		[131056, 'pair'],
		[80007, 'rate'],
		[4, 'rate'],
		[133004, 'transient'],
		[2, 'transient'],
		[131057, 'transient'],
	])('repeats %s (%s)', (code, retry) => {
		expect(judge(graph(code), sent)).toEqual({ outcome: 'retry', retry, retryAfterMs: undefined });
	});

	it('treats a 429 without a Graph error as a rate limit, with its Retry-After', () => {
		expect(judge(response(429, 'Too Many Requests', { 'retry-after': '3' }), sent)).toEqual({
			outcome: 'retry',
			retry: 'rate',
			retryAfterMs: 3000,
		});
	});

	it.each([131047, 131049, 100, 132001, 190, 368])('does not repeat %s', (code) => {
		expect(judge(graph(code), sent)).toEqual({ outcome: 'refused' });
	});

	it("follows the error table's retry column for every code", () => {
		for (const { code, retry } of GRAPH_ERROR_CODES) {
			const expected = RETRIED_IN_RUN.has(retry) ? 'retry' : retry === 'maybe' ? 'unknown' : 'refused';
			expect([code, judge(graph(code), sent).outcome]).toEqual([code, expected]);
		}
	});
});

describe('retryAfterMs', () => {
	it('reads seconds and HTTP dates', () => {
		expect(retryAfterMs(response(429, '', { 'retry-after': '2' }))).toBe(2000);
		expect(
			retryAfterMs(
				response(429, '', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:05 GMT' }),
				Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'),
			),
		).toBe(5000);
		expect(retryAfterMs(response(429, ''))).toBeUndefined();
	});
});

describe('retryWaitMs', () => {
	it("waits 4^X seconds for the pair rate limit, X the recipient's earlier 131056s (Meta's advice, doc 86)", () => {
		expect([0, 1, 2, 3].map((x) => retryWaitMs('pair', 1, x))).toEqual([1000, 4000, 16000, 64000]);
	});

	it('doubles from twenty sending intervals for throughput (0.1 s to 0.25 s), from a second otherwise, with at most 10 % jitter', () => {
		for (const [retry, failures, rate, base] of [
			['throughput', 1, 80, 250],
			['throughput', 3, 80, 1000],
			['throughput', 1, 1000, 100],
			['throughput', 2, 160, 250],
			['rate', 1, 1000, 1000],
			['transient', 4, 80, 8000],
		] as const) {
			const wait = retryWaitMs(retry, failures, 0, undefined, rate);
			expect(wait).toBeGreaterThanOrEqual(base * 0.9);
			expect(wait).toBeLessThanOrEqual(base * 1.1);
		}
	});

	it("honours Meta's Retry-After", () => {
		expect(retryWaitMs('throughput', 1, 0, 7000)).toBe(7000);
		expect(retryWaitMs('pair', 1, 2, 500)).toBe(500);
	});
});
