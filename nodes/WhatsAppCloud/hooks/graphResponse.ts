import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodePropertyRouting,
	PostReceiveAction,
} from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';

/**
 * What happens to every Graph answer of a routed operation. Requests go out with `ignoreHttpStatusErrors`
 * (see requestDefaults), so a Graph error arrives here as an answer, and n8n's generic "Request failed
 * with status code 400" never replaces Meta's code, details and fbtrace_id.
 */

/** Turns a Graph error answer into the NodeApiError the user sees (Meta's code, title, details, hint). */
export async function throwOnGraphError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		throw graphErrorToNodeApiError(this.getNode(), response, this.getItemIndex());
	}
	return items;
}

/** Pairs every output item with the input item its request came from (n8n only guesses when counts match). */
export async function pairWithInputItem(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	return items.map((item) => (item.pairedItem === undefined ? { ...item, pairedItem: { item: itemIndex } } : item));
}

const OWN_ERROR_READERS = new WeakSet<PostReceiveAction>();

/**
 * Marks a postReceive that reads Graph error answers itself, e.g. Block Users, whose partial failure is an
 * HTTP 400 carrying the per-user results (doc 04). It then runs first instead of throwOnGraphError.
 */
export function readsGraphErrors<T extends PostReceiveAction>(action: T): T {
	OWN_ERROR_READERS.add(action);
	return action;
}

function handleAnswers(routing: INodePropertyRouting, operation: boolean): INodePropertyRouting {
	const own = routing.output?.postReceive ?? [];
	if (!operation && own.length === 0) return routing;
	const check = own.length > 0 && OWN_ERROR_READERS.has(own[0]) ? [] : [throwOnGraphError];
	const pair = operation ? [pairWithInputItem] : [];
	return { ...routing, output: { ...routing.output, postReceive: [...check, ...own, ...pair] } };
}

function withAnswerHandling<T extends INodeProperties | INodePropertyOptions | INodePropertyCollection>(
	entry: T,
	operation: boolean,
): T {
	const copy: T = { ...entry };
	if ('routing' in copy && copy.routing) copy.routing = handleAnswers(copy.routing, operation);
	if ('values' in copy && Array.isArray(copy.values)) {
		copy.values = copy.values.map((value) => withAnswerHandling(value, false));
	}
	if ('options' in copy && Array.isArray(copy.options)) {
		const isOperation = 'name' in copy && copy.name === 'operation' && 'type' in copy && copy.type === 'options';
		copy.options = (copy.options as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>).map(
			(option) => withAnswerHandling(option, isOperation),
		) as typeof copy.options;
	}
	return copy;
}

/**
 * Gives every routed operation of the node the same answer handling, whatever the order of the properties:
 * its postReceive chain starts with throwOnGraphError (unless its first step reads Graph errors itself) and
 * ends with pairWithInputItem. A field's own postReceive chain, if any, also starts with the error check,
 * so no step anywhere reads an error answer as data.
 */
export function withGraphAnswerHandling(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => withAnswerHandling(property, false));
}
