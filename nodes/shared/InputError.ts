import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * A problem with what the user entered, found before any request is sent.
 * `field` is the label the user sees in the node form (e.g. "Body", "Buttons > Title").
 * The action node turns it into a NodeOperationError carrying the item index.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`;

/** Counts what WhatsApp counts: Unicode code points, so an emoji is one character. */
export function textLength(value: string): number {
	let n = 0;
	for (const _ of value) n++;
	return n;
}

export function requireText(field: string, value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InputError(field, `${field} is required`);
	}
	return value;
}

export function checkLength(field: string, value: string | undefined, max: number, min = 0): void {
	if (value === undefined) return;
	const length = textLength(value);
	if (length > max) {
		throw new InputError(field, `${field} is too long: ${characters(length)}, the limit is ${max}`);
	}
	if (length < min) {
		throw new InputError(field, `${field} is too short: ${characters(length)}, at least ${min} needed`);
	}
}

export function checkCount(field: string, items: readonly unknown[], min: number, max: number, noun = 'entries'): void {
	if (items.length > max) {
		throw new InputError(field, `${field} has ${items.length} ${noun}, the limit is ${max}`);
	}
	if (items.length < min) {
		throw new InputError(field, `${field} needs at least ${min} ${noun}, got ${items.length}`);
	}
}

export function checkOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
	if (!allowed.includes(value as T)) {
		throw new InputError(field, `${field} must be one of ${allowed.join(', ')}; got "${value}"`);
	}
	return value as T;
}

/** For fields that accept either the fixedCollection UI value or a JSON string/array built by an expression. */
export function parseJsonInput<T = unknown>(field: string, value: unknown): T {
	if (typeof value !== 'string') return value as T;
	let problem: string;
	try {
		return JSON.parse(value) as T;
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new InputError(field, `${field} is not valid JSON: ${problem}`);
}

/**
 * The error n8n shows for a problem found before sending: the node's own NodeOperationError naming the field and
 * the item (`Text is too long: 4100 characters, the limit is 4096 [item 0]`), never a NodeApiError, which would read
 * as if Meta had answered. Errors that already are n8n node errors (e.g. an expression error) keep their text.
 */
export function toItemError(node: INode, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
	if (error instanceof InputError) {
		return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.description,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The error of an all-or-nothing run that one item's invalid input stopped before anything was sent
 * (`sends`: what each item would have sent, a request or a message).
 */
export function nothingSentError(
	node: INode,
	invalidItem: number,
	problem: string,
	options: { itemIndex: number; sends: 'request' | 'message'; detail?: string | null },
): NodeOperationError {
	return new NodeOperationError(node, `Nothing was sent: item ${invalidItem} has invalid input (${problem})`, {
		itemIndex: options.itemIndex,
		description: [
			`All items are checked before any ${options.sends} is sent. Fix that item, or enable "Continue On Fail" to send the valid items anyway.`,
			options.detail,
		]
			.filter(Boolean)
			.join('\n'),
	});
}
