import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { ItemGate } from './itemGate';

export type RequestBuilder = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	gate: ItemGate | undefined,
) => Promise<IHttpRequestOptions>;

/** Turns an InputError into the NodeOperationError the user sees, naming the field and the item. */
export function inputErrorToNodeError(ctx: IExecuteSingleFunctions, error: unknown): Error {
	const itemIndex = ctx.getItemIndex();
	if (error instanceof InputError) {
		return new NodeOperationError(ctx.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.description,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Wraps a preSend hook that checks and builds one item's request so that the run is all-or-nothing:
 * the request leaves only once every item of the run has been checked (see ItemGate).
 */
export function allOrNothing(build: RequestBuilder) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const gate = ItemGate.for(this);
		const itemIndex = this.getItemIndex();
		let built: IHttpRequestOptions;
		try {
			built = await build.call(this, requestOptions, gate);
		} catch (error) {
			const nodeError = inputErrorToNodeError(this, error);
			gate?.fail(itemIndex, error instanceof InputError ? error.message : nodeError.message);
			throw nodeError;
		}
		await gate?.pass(itemIndex);
		return built;
	};
}
