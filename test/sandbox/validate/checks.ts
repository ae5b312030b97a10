/**
 * Small throwing checkers shared by the sandbox validators. Each one either returns the
 * (narrowed) value or throws a FaultSignal carrying the Graph fault (see fault.ts for the
 * code taxonomy). Independent of the node's own validation code by design.
 */

import { badValue, fail, JsonPath, missing, tooLong, unexpectedKey, wrongType } from './fault';

export type Obj = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function has(o: Obj, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined;
}

export function at(path: JsonPath, ...more: Array<string | number>): JsonPath {
	return [...path, ...more];
}

/** Length in Unicode code points (an emoji counts once). */
export function charLength(s: string): number {
	let n = 0;
	for (const _ of s) n++;
	return n;
}

export function asObject(value: unknown, path: JsonPath): Obj {
	if (!isPlainObject(value)) fail(wrongType(path, 'a JSON object'));
	return value;
}

/** Unknown property → 100. `hints` adds an explanation for known-but-unsupported keys. */
export function allowKeys(
	o: Obj,
	path: JsonPath,
	allowed: readonly string[],
	hints: Readonly<Record<string, string>> = {},
): void {
	for (const key of Object.keys(o)) {
		if (!allowed.includes(key)) fail(unexpectedKey(path, key, hints[key]));
	}
}

export interface StrOpts {
	/** Max length in characters (→ 100). */
	max?: number;
	/** Min length in characters (→ 131009). Default 1: empty strings are not valid. */
	min?: number;
	/** Reject leading/trailing whitespace and whitespace-only values (doc 28, action/button properties). */
	noPad?: boolean;
	/** Allowed values (→ 131009). */
	oneOf?: readonly string[];
	/** Format check (→ 131009 with `formatHint`). */
	pattern?: RegExp;
	formatHint?: string;
}

export function checkStr(value: unknown, path: JsonPath, opts: StrOpts = {}): string {
	if (typeof value !== 'string') fail(wrongType(path, 'a string'));
	const min = opts.min ?? 1;
	const len = charLength(value);
	if (len < min) fail(badValue(path, min === 1 ? 'must not be empty.' : `must be at least ${min} characters long.`));
	if (opts.max !== undefined && len > opts.max) fail(tooLong(path, opts.max));
	if (opts.noPad && value.length > 0 && value.trim() !== value) {
		fail(badValue(path, 'must not have leading or trailing whitespace.'));
	}
	if (opts.oneOf && !opts.oneOf.includes(value)) {
		fail(badValue(path, `must be one of ${opts.oneOf.map((v) => `"${v}"`).join(', ')} (got "${value}").`));
	}
	if (opts.pattern && !opts.pattern.test(value)) {
		fail(badValue(path, `${opts.formatHint ?? 'has an invalid format'} (got "${value}").`));
	}
	return value;
}

export function reqStr(o: Obj, key: string, path: JsonPath, opts: StrOpts = {}): string {
	if (!has(o, key)) fail(missing(at(path, key)));
	return checkStr(o[key], at(path, key), opts);
}

export function optStr(o: Obj, key: string, path: JsonPath, opts: StrOpts = {}): string | undefined {
	if (!has(o, key)) return undefined;
	return checkStr(o[key], at(path, key), opts);
}

export function reqObj(o: Obj, key: string, path: JsonPath): Obj {
	if (!has(o, key)) fail(missing(at(path, key)));
	return asObject(o[key], at(path, key));
}

export function optObj(o: Obj, key: string, path: JsonPath): Obj | undefined {
	if (!has(o, key)) return undefined;
	return asObject(o[key], at(path, key));
}

export interface ArrOpts {
	min?: number;
	max?: number;
}

export function checkArr(value: unknown, path: JsonPath, opts: ArrOpts = {}): unknown[] {
	if (!Array.isArray(value)) fail(wrongType(path, 'a JSON array'));
	const min = opts.min ?? 1;
	if (value.length < min)
		fail(badValue(path, `must contain at least ${min} item${min === 1 ? '' : 's'} (got ${value.length}).`));
	if (opts.max !== undefined && value.length > opts.max) {
		fail(badValue(path, `must contain at most ${opts.max} items (got ${value.length}).`));
	}
	return value;
}

export function reqArr(o: Obj, key: string, path: JsonPath, opts: ArrOpts = {}): unknown[] {
	if (!has(o, key)) fail(missing(at(path, key)));
	return checkArr(o[key], at(path, key), opts);
}

export function optArr(o: Obj, key: string, path: JsonPath, opts: ArrOpts = {}): unknown[] | undefined {
	if (!has(o, key)) return undefined;
	return checkArr(o[key], at(path, key), opts);
}

export function optBool(o: Obj, key: string, path: JsonPath): boolean | undefined {
	if (!has(o, key)) return undefined;
	const v = o[key];
	if (typeof v !== 'boolean') fail(wrongType(at(path, key), 'a boolean'));
	return v;
}

export interface IntOpts {
	min?: number;
	max?: number;
}

export function checkInt(value: unknown, path: JsonPath, opts: IntOpts = {}): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) fail(wrongType(path, 'a number'));
	if (!Number.isInteger(value)) fail(badValue(path, `must be an integer (got ${value}).`));
	if (opts.min !== undefined && value < opts.min) fail(badValue(path, `must be at least ${opts.min} (got ${value}).`));
	if (opts.max !== undefined && value > opts.max) fail(badValue(path, `must be at most ${opts.max} (got ${value}).`));
	return value;
}

export function reqInt(o: Obj, key: string, path: JsonPath, opts: IntOpts = {}): number {
	if (!has(o, key)) fail(missing(at(path, key)));
	return checkInt(o[key], at(path, key), opts);
}

export function optInt(o: Obj, key: string, path: JsonPath, opts: IntOpts = {}): number | undefined {
	if (!has(o, key)) return undefined;
	return checkInt(o[key], at(path, key), opts);
}

/** http:// or https:// URL with a host. */
export function isHttpUrl(s: string): boolean {
	try {
		const u = new URL(s);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
	} catch {
		return false;
	}
}

export function checkHttpUrl(value: unknown, path: JsonPath, opts: StrOpts = {}): string {
	const s = checkStr(value, path, opts);
	if (!isHttpUrl(s)) fail(badValue(path, `must be an HTTP or HTTPS URL (got "${s}").`));
	return s;
}

/** Exactly one of `keys` present: none → 131008, several → 131009. Returns the present key. */
export function exactlyOne(o: Obj, path: JsonPath, keys: readonly string[]): string {
	const present = keys.filter((k) => has(o, k));
	if (present.length === 0) fail(missing(at(path, keys[0]), `(one of ${keys.join(', ')} is required)`));
	if (present.length > 1)
		fail(badValue(path, `must contain only one of ${keys.join(', ')} (got ${present.join(' and ')}).`));
	return present[0];
}

/** Duplicate values in a list (→ 131009). */
export function unique(values: Array<{ value: string; path: JsonPath }>, what: string): void {
	const seen = new Map<string, JsonPath>();
	for (const { value, path } of values) {
		if (seen.has(value))
			fail(badValue(path, `duplicates ${what} "${value}"; ${what}s must be unique within the message.`));
		seen.set(value, path);
	}
}

/**
 * `action.parameters`: an object, or (when `allowString`) a stringified JSON object.
 * Docs: docs 56 and 71 say "The `parameters` value is a stringified JSON object" while every example sends an object — both accepted there.
 */
export function reqParameters(action: Obj, path: JsonPath, allowString: boolean): Obj {
	const p = at(path, 'parameters');
	if (!has(action, 'parameters')) fail(missing(p));
	let value = action.parameters;
	if (allowString && typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			fail(badValue(p, 'must be a JSON object or a stringified JSON object.'));
		}
	}
	return asObject(value, p);
}
