import { readFileSync } from 'fs';
import { resolve } from 'path';

import { NodeApiError, type INode } from 'n8n-workflow';

import {
	GRAPH_ERROR_CODES,
	graphErrorToNodeApiError,
	lookupGraphError,
	parseGraphError,
	redactSecrets,
	SAFE_TO_REPEAT,
	type RetryClass,
} from '../../nodes/shared/GraphErrors';

// Copies of the code tables of doc 86 and of every page's codes (each file names its source).
const FIXTURES = resolve(__dirname, '../fixtures/docs/errors');
const DOC_86 = resolve(FIXTURES, '86-error-codes.md');
const INVENTORY = resolve(FIXTURES, 'error-codes-all-pages.md');

const node: INode = {
	id: 'a1b2c3',
	name: 'WhatsApp Cloud',
	type: 'n8n-nodes-whatsapp-cloud.whatsAppCloud',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The exact sample response of doc 86. */
const SAMPLE_130429 = {
	error: {
		message: '(#130429) Rate limit hit',
		type: 'OAuthException',
		code: 130429,
		error_data: {
			messaging_product: 'whatsapp',
			details:
				'Message failed to send because there were too many messages sent from this phone number in a short period of time',
		},
		error_subcode: 2494055,
		fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
	},
};

interface DocRow {
	from: number;
	to?: number;
	title: string;
	http: number;
}

/** Rows of the code tables in doc 86: "| `131047`<br>Re-engagement message | ... | `400`<br>Bad Request |". */
function doc86Rows(): DocRow[] {
	const rows: DocRow[] = [];
	for (const line of readFileSync(DOC_86, 'utf8').split('\n')) {
		const match = /^\| `(\d+)(?:-(\d+))?`<br>(.+?) \| .* \| `(\d{3})`<br>[^|]*\|$/.exec(line);
		if (!match) continue;
		rows.push({
			from: Number(match[1]),
			to: match[2] ? Number(match[2]) : undefined,
			title: match[3],
			http: Number(match[4]),
		});
	}
	return rows;
}

/** Rows of the table of every page's codes: "| Code | Title | Meaning | HTTP | Channel | Class | Source |". */
function inventoryRows(): Array<{ code: number; codeTo?: number; klass: string }> {
	const text = readFileSync(INVENTORY, 'utf8');
	return text
		.split('\n')
		.filter((line) => /^\| \d/.test(line))
		.map((line) => {
			const cells = line.split('|').map((cell) => cell.trim());
			const [, from, to] = /^(\d+)(?:–(\d+))?/.exec(cells[1]) as RegExpExecArray;
			return { code: Number(from), codeTo: to ? Number(to) : undefined, klass: cells[cells.length - 3] };
		});
}

function thrown(body: unknown, statusCode: number | undefined = 400, itemIndex?: number): NodeApiError {
	return graphErrorToNodeApiError(node, { statusCode, body }, itemIndex);
}

describe('GRAPH_ERROR_CODES', () => {
	const rows = doc86Rows();

	it('reads all 55 code rows of doc 86', () => {
		expect(rows).toHaveLength(55);
	});

	it.each(rows.map((row) => [row.to ? `${row.from}-${row.to}` : String(row.from), row] as const))(
		'has doc 86 code %s with its title and HTTP status',
		(_, row) => {
			const info = lookupGraphError(row.from);
			expect(info).toBeDefined();
			expect(info?.title).toBe(row.title);
			expect(info?.httpStatus).toBe(row.http);
			expect(info?.codeTo).toBe(row.to);
		},
	);

	it('treats 200-299 as one range', () => {
		const range = lookupGraphError(200);
		expect(lookupGraphError(250)).toBe(range);
		expect(lookupGraphError(299)).toBe(range);
		expect(lookupGraphError(300)).toBeUndefined();
		expect(lookupGraphError(199)).toBeUndefined();
	});

	it('has every code any page documents, with its retry class', () => {
		const rows = inventoryRows();
		expect(rows.length).toBe(67);
		const expected = (klass: string) => (klass.startsWith('RS') ? 'safe' : klass.startsWith('RM') ? 'maybe' : 'never');
		// 'safe' is every class where Meta accepted nothing (throughput, pair, rate, transient, later).
		const safety = (retry?: RetryClass) => (retry && SAFE_TO_REPEAT.has(retry) ? 'safe' : retry);
		for (const row of rows) {
			const info = lookupGraphError(row.code);
			expect({ code: row.code, retry: safety(info?.retry) }).toEqual({ code: row.code, retry: expected(row.klass) });
			expect(info?.codeTo).toBe(row.codeTo);
		}
	});

	it('has one entry per code, each with a short actionable hint', () => {
		const codes = GRAPH_ERROR_CODES.map((e) => e.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const entry of GRAPH_ERROR_CODES) {
			expect(entry.hint).toMatch(/^[A-Z].{10,250}[.)]$/);
			expect(['throughput', 'pair', 'rate', 'transient', 'later', 'maybe', 'never']).toContain(entry.retry);
		}
	});

	it('gives the 24-hour window hint for 131047', () => {
		expect(lookupGraphError(131047)?.hint).toBe(
			'More than 24 hours have passed since the customer last wrote. Send an approved template instead.',
		);
	});
});

describe('parseGraphError', () => {
	const expected = {
		code: 130429,
		title: 'Rate limit hit',
		message: '(#130429) Rate limit hit',
		details: SAMPLE_130429.error.error_data.details,
		type: 'OAuthException',
		fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
		subcode: 2494055,
	};

	it('reads the Graph error object', () => {
		expect(parseGraphError(SAMPLE_130429)).toEqual(expected);
	});

	it('reads JSON strings and Buffers', () => {
		expect(parseGraphError(JSON.stringify(SAMPLE_130429))).toEqual(expected);
		expect(parseGraphError(Buffer.from(JSON.stringify(SAMPLE_130429)))).toEqual(expected);
	});

	it('reads the On-Premises style errors array', () => {
		expect(
			parseGraphError({ errors: [{ code: 500, title: 'Generic error', details: 'System error. Please try again.' }] }),
		).toEqual({ code: 500, title: 'Generic error', details: 'System error. Please try again.' });
	});

	it('reads webhook error objects', () => {
		expect(
			parseGraphError({
				code: 131047,
				title: 'Re-engagement message',
				message: 'Re-engagement message',
				error_data: { details: 'Message failed to send because more than 24 hours have passed' },
			}),
		).toEqual({
			code: 131047,
			title: 'Re-engagement message',
			message: 'Re-engagement message',
			details: 'Message failed to send because more than 24 hours have passed',
		});
	});

	it('reads error_data sent as a JSON string and codes sent as strings', () => {
		expect(
			parseGraphError({
				error: { message: 'Invalid parameter', code: '100', error_data: '{"details":"Param to is invalid"}' },
			}),
		).toEqual({ code: 100, title: 'Invalid parameter', message: 'Invalid parameter', details: 'Param to is invalid' });
	});

	it('returns undefined for bodies without an error', () => {
		expect(parseGraphError('<html>Bad Gateway</html>')).toBeUndefined();
		expect(parseGraphError({ id: '1' })).toBeUndefined();
		expect(parseGraphError(undefined)).toBeUndefined();
	});
});

describe('graphErrorToNodeApiError', () => {
	it('turns the doc 86 sample (130429) into a NodeApiError', () => {
		const error = thrown(SAMPLE_130429, 400, 2);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WhatsApp error 130429: Rate limit hit');
		expect(error.description).toBe(
			[
				'Message failed to send because there were too many messages sent from this phone number in a short period of time.',
				"The phone number's throughput limit (80 messages per second by default) was reached. The node slows down and sends again by itself; if this persists, lower Options > Messages Per Second or raise Retry Attempts.",
				'Meta error code 130429 (type OAuthException, subcode 2494055).',
				'fbtrace_id: Az8or2yhqkZfEZ-_4Qn_Bam',
			].join('\n'),
		);
		// n8n's editor shows `httpCode` as "Error code": Meta's code; the HTTP status stays in the context.
		expect(error.httpCode).toBe('130429');
		expect(error.context.httpStatus).toBe(400);
		expect(error.context.itemIndex).toBe(2);
		expect(error.errorResponse).toEqual(SAMPLE_130429);
		expect(error.messages).toContain('(#130429) Rate limit hit');
		expect(error.failure).toEqual({ cause: 'rate-limited' });
		expect(error.node).toBe(node);
	});

	it('explains 131047 with Meta details and the hint', () => {
		const error = thrown({
			error: {
				message: '(#131047) Re-engagement message',
				type: 'OAuthException',
				code: 131047,
				error_data: {
					messaging_product: 'whatsapp',
					details:
						'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
				},
				fbtrace_id: 'AbCdEf',
			},
		});
		expect(error.message).toBe('WhatsApp error 131047: Re-engagement message');
		expect(error.description).toContain(
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.\n',
		);
		expect(error.description).toContain('Send an approved template instead.');
		expect(error.description).toContain('fbtrace_id: AbCdEf');
		expect(error.httpCode).toBe('131047');
		expect(error.failure).toBeUndefined();
	});

	it('marks expired tokens as a dead credential', () => {
		const error = thrown(
			{ error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } },
			401,
		);
		expect(error.message).toBe('WhatsApp error 190: Error validating access token: Session has expired');
		expect(error.httpCode).toBe('190');
		expect(error.context.httpStatus).toBe(401);
		expect(error.failure).toEqual({ cause: 'credential-invalid' });
	});

	it('falls back to the table title when Meta sends no message', () => {
		expect(thrown({ error: { code: 132001 } }, 404).message).toBe('WhatsApp error 132001: Template does not exist');
		expect(thrown({ error: { code: 250 } }, 403).message).toBe('WhatsApp error 250: API Permission');
	});

	it('produces "WhatsApp error <code>: <title>" for every code of the table', () => {
		for (const entry of GRAPH_ERROR_CODES) {
			const error = thrown({ error: { message: `(#${entry.code}) ${entry.title}`, code: entry.code } });
			expect(error.message).toBe(`WhatsApp error ${entry.code}: ${entry.title}`);
			expect(error.description).toContain(entry.hint);
		}
	});

	it("keeps Meta's own text for unknown codes", () => {
		const error = thrown(
			{
				error: {
					message: '(#987654) Brand new problem',
					code: 987654,
					error_data: { details: 'Something we have never seen' },
					fbtrace_id: 'XyZ',
				},
			},
			400,
		);
		expect(error.message).toBe('WhatsApp error 987654: Brand new problem');
		expect(error.description).toBe(
			[
				'Something we have never seen.',
				'Meta error code 987654.',
				"This code is not in the node's table; see https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes",
				'fbtrace_id: XyZ',
			].join('\n'),
		);
		expect(error.httpCode).toBe('987654');
	});

	it('handles the On-Premises shape', () => {
		const error = thrown(
			{ errors: [{ code: 500, title: 'Generic error', details: 'System error. Please try again.' }] },
			500,
		);
		expect(error.message).toBe('WhatsApp error 500: Generic error');
		expect(error.description).toBe(
			['System error. Please try again.', 'System error at Meta. Try again.', 'Meta error code 500.'].join('\n'),
		);
		expect(error.httpCode).toBe('500');
	});

	it('handles a body given as a JSON string or Buffer', () => {
		for (const body of [JSON.stringify(SAMPLE_130429), Buffer.from(JSON.stringify(SAMPLE_130429))]) {
			const error = thrown(body, 400);
			expect(error.message).toBe('WhatsApp error 130429: Rate limit hit');
			expect(error.description).toContain('fbtrace_id: Az8or2yhqkZfEZ-_4Qn_Bam');
			expect(error.errorResponse).toEqual(SAMPLE_130429);
		}
	});

	it('still gives a clean error for a non-JSON body', () => {
		const error = thrown('<html><body>502 Bad Gateway</body></html>', 502);
		expect(error.message).toBe('WhatsApp request failed with HTTP 502');
		expect(error.description).toBe('<html><body>502 Bad Gateway</body></html>.');
		expect(error.httpCode).toBe('502');
	});

	it("shows Meta's code as the error code, and no HTTP status it was not given", () => {
		const error = graphErrorToNodeApiError(node, { body: SAMPLE_130429 });
		expect(error.httpCode).toBe('130429');
		expect(error.context.httpStatus).toBeUndefined();
		expect(error.message).toBe('WhatsApp error 130429: Rate limit hit');
	});

	it('redacts access tokens everywhere', () => {
		const token = 'EAAJBxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef';
		const error = thrown(
			{
				error: {
					message: `(#190) Invalid token https://graph.facebook.com/v22.0/me?access_token=${token}&x=1`,
					code: 190,
					error_data: { details: `Header was Bearer secret-bearer-value; token ${token} rejected` },
					fbtrace_id: 'T1',
				},
			},
			401,
		);
		const everything = JSON.stringify({
			message: error.message,
			description: error.description,
			messages: error.messages,
			errorResponse: error.errorResponse,
		});
		expect(everything).not.toContain(token);
		expect(everything).not.toContain('EAAJBxyz');
		expect(everything).not.toContain('secret-bearer-value');
		expect(error.message).toBe(
			'WhatsApp error 190: Invalid token https://graph.facebook.com/v22.0/me?access_token=[redacted]&x=1',
		);
		expect(error.description).toContain('Header was Bearer [redacted]; token [redacted] rejected.');
	});

	it('redacts JSON-style and bare tokens', () => {
		expect(redactSecrets('{"access_token": "abc123", "ok": 1}')).toBe('{"access_token": "[redacted]", "ok": 1}');
		expect(redactSecrets('client_secret=s3cr3t')).toBe('client_secret=[redacted]');
		expect(redactSecrets('short EAA word stays')).toBe('short EAA word stays');
	});
});
