/**
 * Graph API faults produced by the sandbox validators.
 *
 * The sandbox answers a rejected request the way Graph does (doc 86): HTTP 400 with
 * `{ error: { message: "(#<code>) <title>", type, code, error_data: { messaging_product, details }, fbtrace_id } }`.
 *
 * Code taxonomy used by every validator (doc 86):
 * - 100    "Invalid parameter": unknown / misspelled / unsupported property (Cloud API rejects
 *          unknown body properties, doc 28), wrong JSON type, and a string over its length
 *          limit (doc 86: "Ensure your parameter is under any length restriction for the type").
 * - 131008 "Required parameter is missing".
 * - 131009 "Parameter value is not valid": wrong enum value, too many / too few items,
 *          id and link both present, duplicates, totals that do not add up, bad formats, empty values.
 * - 131051 "Unsupported message type": a `type` that is not a sendable message type.
 *
 * `details` always names the exact JSON path in Graph's notation (`interactive['action']['buttons'][0]`)
 * and, where there is one, the limit.
 */

export interface GraphFault {
	httpStatus: number;
	code: number;
	title: string;
	details: string;
}

export const FAULT_CODES = {
	invalidParameter: 100,
	requiredParameterMissing: 131008,
	parameterValueNotValid: 131009,
	unsupportedMessageType: 131051,
} as const;

export const FAULT_TITLES: Readonly<Record<number, string>> = {
	100: 'Invalid parameter',
	131008: 'Required parameter is missing',
	131009: 'Parameter value is not valid',
	131051: 'Unsupported message type',
};

export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/** `['interactive', 'action', 'buttons', 0]` → `interactive['action']['buttons'][0]`. */
export function formatPath(path: JsonPath): string {
	if (path.length === 0) return '(request body)';
	let out = '';
	path.forEach((segment, index) => {
		if (typeof segment === 'number') out += `[${segment}]`;
		else if (index === 0) out += segment;
		else out += `['${segment}']`;
	});
	return out;
}

export function makeFault(code: number, details: string, httpStatus = 400): GraphFault {
	return { httpStatus, code, title: FAULT_TITLES[code] ?? 'Unknown error', details };
}

/** 100: an arbitrary invalid-parameter fault. */
export function invalidParameter(details: string): GraphFault {
	return makeFault(FAULT_CODES.invalidParameter, details);
}

/** 131008 */
export function requiredParameterMissing(details: string): GraphFault {
	return makeFault(FAULT_CODES.requiredParameterMissing, details);
}

/** 131009 */
export function parameterValueNotValid(details: string): GraphFault {
	return makeFault(FAULT_CODES.parameterValueNotValid, details);
}

/** 131051 */
export function unsupportedMessageType(details: string): GraphFault {
	return makeFault(FAULT_CODES.unsupportedMessageType, details);
}

// ---- path-aware shorthands (the wording mirrors Graph's error_data.details) ----

/** 100: `Unexpected key "foo" on param "interactive['action']".` */
export function unexpectedKey(parent: JsonPath, key: string, hint?: string): GraphFault {
	const where = parent.length === 0 ? 'the request body' : `param "${formatPath(parent)}"`;
	return invalidParameter(`Unexpected key "${key}" on ${where}.${hint ? ` ${hint}` : ''}`);
}

/** 100: `Param text['body'] must be a string.` */
export function wrongType(path: JsonPath, expected: string): GraphFault {
	return invalidParameter(`Param ${formatPath(path)} must be ${expected}.`);
}

/** 100: `Param text['body'] must be at most 4096 characters long.` */
export function tooLong(path: JsonPath, max: number): GraphFault {
	return invalidParameter(`Param ${formatPath(path)} must be at most ${max} characters long.`);
}

/** 131008: `The parameter interactive['body'] is required.` */
export function missing(path: JsonPath, why?: string): GraphFault {
	return requiredParameterMissing(`The parameter ${formatPath(path)} is required${why ? ` ${why}` : ''}.`);
}

/** 131009: `Param <path> <reason>` */
export function badValue(path: JsonPath, reason: string): GraphFault {
	return parameterValueNotValid(`Param ${formatPath(path)} ${reason}`);
}

/** The HTTP body Graph sends for a fault. */
export function toGraphErrorBody(
	fault: GraphFault,
	fbtraceId = 'AsandboxTraceId0000000',
): {
	error: {
		message: string;
		type: string;
		code: number;
		error_data: { messaging_product: 'whatsapp'; details: string };
		fbtrace_id: string;
	};
} {
	return {
		error: {
			message: `(#${fault.code}) ${fault.title}`,
			type: 'OAuthException',
			code: fault.code,
			error_data: { messaging_product: 'whatsapp', details: fault.details },
			fbtrace_id: fbtraceId,
		},
	};
}

/** Thrown inside validators to stop at the first fault; caught by the public entry points. */
export class FaultSignal extends Error {
	constructor(readonly fault: GraphFault) {
		super(`(#${fault.code}) ${fault.details}`);
		this.name = 'FaultSignal';
	}
}

export function fail(fault: GraphFault): never {
	throw new FaultSignal(fault);
}

/** Runs a throwing validator and turns the first FaultSignal into a fault (null when valid). */
export function collectFault(run: () => void): GraphFault | null {
	try {
		run();
		return null;
	} catch (error) {
		if (error instanceof FaultSignal) return error.fault;
		throw error;
	}
}
