import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodeRequestOutput,
} from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';
import { CREDENTIAL_TYPE } from '../../shared/graphApi';

interface GraphPage {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * "Return All" over Graph's cursor paging: follows `paging.cursors.after` while `paging.next` exists.
 * One output item per record of every page's `data`.
 */
export async function graphCursorPagination(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	const qs: IDataObject = { ...requestData.options.qs };
	delete qs.limit;
	const options = { ...requestData.options, qs } as IHttpRequestOptions;
	for (let page = 0; page < 10_000; page++) {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		if (response.statusCode >= 400) throw graphErrorToNodeApiError(this.getNode(), response, this.getItemIndex());
		const body = (response.body ?? {}) as GraphPage;
		const records = body.data ?? [];
		items.push(...records.map((json) => ({ json })));
		const after = body.paging?.cursors?.after;
		if (!body.paging?.next || !after || records.length === 0) break;
		options.qs = { ...options.qs, after };
	}
	return items;
}

/** Routing for a Graph list endpoint: `data[]` becomes one item per record; Return All pages through cursors. */
export function listRouting(request: { url: string; qs?: IDataObject }): {
	request: IDataObject;
	send: { paginate: string };
	operations: { pagination: typeof graphCursorPagination };
	output: INodeRequestOutput;
} {
	return {
		request: { method: 'GET', ...request },
		send: { paginate: '={{ $parameter.returnAll }}' },
		operations: { pagination: graphCursorPagination },
		output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
	};
}

/** "Return All" and "Limit" fields for a list operation. */
export function listFields(show: IDataObject): INodeProperties[] {
	const displayOptions = { show } as INodeProperties['displayOptions'];
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } } as INodeProperties['displayOptions'],
			routing: {
				send: { type: 'query', property: 'limit' },
				output: { maxResults: '={{ $value }}' },
			},
		},
	];
}
