import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The routing of the Send and Wait operation, for n8n versions that do not run `customOperations` of
 * declarative nodes: there RoutingNode would take the operation for a plain request. Where n8n runs the
 * custom operation (n8n 1.82 and later), this routing is never used.
 */
export async function needsCustomOperations(
	this: IExecuteSingleFunctions,
	_options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	throw new NodeOperationError(this.getNode(), 'Send and Wait for Response is not available in this n8n version', {
		itemIndex: this.getItemIndex(),
		description:
			"It needs n8n to run custom operations of declarative nodes and to put executions to wait, as n8n 1.82 and later do. Update n8n, or use n8n's own WhatsApp Business Cloud node for this step.",
	});
}
