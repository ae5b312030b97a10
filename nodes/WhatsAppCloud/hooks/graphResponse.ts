import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';

/**
 * Runs first on every response (requests are sent with `ignoreHttpStatusErrors`), so that a Graph
 * error becomes a NodeApiError carrying Meta's code, details, fbtrace_id and our hint, instead of
 * n8n's generic "Request failed with status code 400".
 */
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
