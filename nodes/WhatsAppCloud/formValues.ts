import type { IDataObject } from 'n8n-workflow';

import { InputError, parseJsonInput, requireText } from '../shared/InputError';

/**
 * Reading what n8n hands over from the form: a collection or fixedCollection value, a JSON string or array
 * from an expression, numbers where text was expected. Used by message types, templates, orders and hooks alike.
 */

export const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value as text: strings as they are, null/undefined as '', anything else through String(). */
export const text = (value: unknown): string =>
	value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);

/** Reads an entry's string field; non-strings (numbers from JSON) are turned into strings, absent ones into ''. */
export function entryString(entry: unknown, key: string): string {
	if (entry === null || typeof entry !== 'object') return '';
	const value = (entry as IDataObject)[key];
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : String(value);
}

/**
 * Entries of a (possibly nested) fixedCollection value, or a JSON array given instead.
 * Accepts `{ [itemName]: [...] }`, `{ [itemName]: {...} }`, an array, a JSON string of either, or nothing.
 */
export function collectionItems(field: string, value: unknown, itemName: string): unknown[] {
	const parsed = parseJsonInput(field, value);
	if (parsed === undefined || parsed === null || parsed === '') return [];
	if (Array.isArray(parsed)) return parsed;
	if (typeof parsed === 'object') {
		const inner = (parsed as IDataObject)[itemName];
		if (inner === undefined) return Object.keys(parsed).length === 0 ? [] : [parsed];
		if (Array.isArray(inner)) return inner;
		if (inner !== null && typeof inner === 'object') return [inner];
	}
	throw new InputError(field, `${field} must be a list (JSON array)`);
}

/** Checks that `value` is an absolute http:// or https:// URL. */
export function requireHttpUrl(field: string, value: unknown): string {
	const url = requireText(field, value).trim();
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		// not a URL at all: reported below like any other scheme
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw new InputError(field, `${field} must be an http:// or https:// URL; got "${url}"`);
	}
	return url;
}

/** Throws when two entries share a value (compared exactly, as WhatsApp does). */
export function checkUnique(field: string, values: readonly string[]): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) throw new InputError(field, `${field} must be unique; "${value}" is used more than once`);
		seen.add(value);
	}
}
