import type { IExecuteSingleFunctions, PreSendAction } from 'n8n-workflow';

import { allOrNothing } from './allOrNothing';

/** One check of an item's input; throws InputError (field + message) when the input cannot be sent. */
export type InputCheck = (ctx: IExecuteSingleFunctions) => unknown;

/**
 * preSend of an operation whose request is stated in its routing but whose input must be checked first
 * (IDs that end up in the URL, names, limits): runs the checks, changes nothing, and lets the request go
 * only once every item of the run has passed (allOrNothing).
 */
export function checkInput(...checks: InputCheck[]): PreSendAction {
	return allOrNothing(async function (requestOptions) {
		for (const check of checks) await check(this);
		return requestOptions;
	});
}
