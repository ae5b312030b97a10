import type { IDataObject } from 'n8n-workflow';

import { checkLength, InputError, requireText } from '../../shared/InputError';
import { isObject } from '../formValues';

/**
 * Money and order rules shared by order_details and order_status (docs 18, 56, 70, 71 for India, 76 for Brazil).
 * Amounts are `{ value, offset }` with integer `value` in the smallest currency unit and `offset` 100.
 */

export const AMOUNT_OFFSET = 100;
export const MAX_REFERENCE_ID = 35;
export const MIN_EXPIRATION_AHEAD_SECONDS = 300;

const REFERENCE_ID_PATTERN = /^[A-Za-z0-9_.-]+$/;

export interface Amount {
	value: number;
	offset: number;
}

/** reference_id: non-empty, at most 35 characters, English letters, digits, `_`, `-` and `.` only. */
export function checkReferenceId(field: string, value: unknown): string {
	const id = requireText(field, value);
	checkLength(field, id, MAX_REFERENCE_ID);
	if (!REFERENCE_ID_PATTERN.test(id)) {
		throw new InputError(field, `${field} may only contain English letters, digits, "_", "-" and "."; got "${id}"`);
	}
	return id;
}

/** Checks an amount object as sent: integer value >= 0 in the smallest unit, offset 100. */
export function checkAmount(field: string, amount: unknown): Amount {
	if (!isObject(amount)) {
		throw new InputError(field, `${field} is required as an object { "value": ..., "offset": ${AMOUNT_OFFSET} }`);
	}
	const { value, offset } = amount;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		throw new InputError(
			field,
			`${field} > Value must be a whole number of the smallest currency unit (paise, centavos), 0 or more; got ${JSON.stringify(value)}`,
		);
	}
	if (offset !== AMOUNT_OFFSET) {
		throw new InputError(field, `${field} > Offset must be ${AMOUNT_OFFSET}; got ${JSON.stringify(offset)}`);
	}
	return { value, offset };
}

/** An amount entered in the form: a whole number of the smallest currency unit. */
export function formAmount(field: string, value: unknown): IDataObject {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
		throw new InputError(
			field,
			`${field} must be a whole number of the smallest currency unit (paise, centavos; 12.34 is 1234), 0 or more; got ${JSON.stringify(value)}`,
		);
	}
	return { value: number, offset: AMOUNT_OFFSET };
}

export interface ItemLine {
	amount: number;
	saleAmount?: number;
	quantity: number;
}

/** Subtotal as the docs define it: sum of (sale_amount where given, else amount) × quantity. */
export function itemsSubtotal(lines: readonly ItemLine[]): number {
	return lines.reduce((sum, line) => sum + (line.saleAmount ?? line.amount) * line.quantity, 0);
}

/** total_amount = subtotal + tax + shipping − discount. */
export function orderTotal(subtotal: number, tax: number, shipping = 0, discount = 0): number {
	return subtotal + tax + shipping - discount;
}

export function checkSubtotal(subtotal: number, lines: readonly ItemLine[]): void {
	const expected = itemsSubtotal(lines);
	if (subtotal !== expected) {
		throw new InputError(
			'Subtotal',
			`Subtotal is ${subtotal} but the items add up to ${expected} (sale amount, else amount, × quantity)`,
		);
	}
}

export function checkTotal(total: number, subtotal: number, tax: number, shipping = 0, discount = 0): void {
	const expected = orderTotal(subtotal, tax, shipping, discount);
	if (total !== expected) {
		throw new InputError(
			'Total Amount',
			`Total Amount is ${total} but Subtotal + Tax + Shipping - Discount is ${expected} (${subtotal} + ${tax} + ${shipping} - ${discount})`,
		);
	}
}

interface DateLike {
	toMillis(): number;
}

/**
 * Unix time in seconds from what n8n may hand over: a number (seconds, or milliseconds when that large),
 * a number as text, an ISO date string, a Date or a Luxon DateTime. Times before 1970 are refused: every
 * timestamp of an order (expiration, payment time) is an epoch time of 0 or more (docs 18, 76).
 */
export function toUnixSeconds(field: string, value: unknown): number {
	let seconds: number | undefined;
	const number = typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
	if (typeof number === 'number' && Number.isFinite(number)) {
		seconds = number > 1e11 ? number / 1000 : number;
	} else if (typeof value === 'string' && value.trim() !== '') {
		const ms = Date.parse(value);
		if (!Number.isNaN(ms)) seconds = ms / 1000;
	} else if (value instanceof Date) {
		seconds = value.getTime() / 1000;
	} else if (value !== null && typeof value === 'object' && typeof (value as DateLike).toMillis === 'function') {
		seconds = (value as DateLike).toMillis() / 1000;
	}
	if (seconds === undefined || Number.isNaN(seconds)) {
		throw new InputError(field, `${field} must be a date or a Unix time in seconds; got ${JSON.stringify(value)}`);
	}
	if (seconds < 0) {
		throw new InputError(
			field,
			`${field} must be on or after 1970-01-01T00:00:00Z (a Unix time of 0 or more); got ${JSON.stringify(value)}`,
		);
	}
	return Math.floor(seconds);
}

/** Expiration must lie at least 300 seconds ahead (docs: "Minimum threshold is 300 seconds"). */
export function checkExpirationAhead(field: string, seconds: number, now = Date.now()): void {
	const ahead = seconds - Math.floor(now / 1000);
	if (ahead < MIN_EXPIRATION_AHEAD_SECONDS) {
		throw new InputError(
			field,
			`${field} must be at least ${MIN_EXPIRATION_AHEAD_SECONDS} seconds in the future; it is ${ahead} seconds ahead`,
		);
	}
}
