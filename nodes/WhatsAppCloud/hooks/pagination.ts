import type { IDataObject, IN8nRequestOperations, INodeProperties } from 'n8n-workflow';

/**
 * Graph's cursor paging as n8n's generic pagination: the same request again with `after` set to the last
 * page's `paging.cursors.after`, while the answer has a `paging.next` and records. `$request.qs` stays the
 * first request's query (filters, fields); on the first request `$response` is empty and `after` is left out.
 */
export const graphCursorPagination: IN8nRequestOperations['pagination'] = {
	type: 'generic',
	properties: {
		continue:
			'={{ !!$response.body?.paging?.next && !!$response.body?.paging?.cursors?.after && ($response.body?.data?.length ?? 0) > 0 }}',
		request: {
			qs: '={{ Object.assign({}, $request.qs, { after: $response.body?.paging?.cursors?.after }) }}' as unknown as IDataObject,
		},
	},
};

/**
 * "Return All" and "Limit" for a Graph list operation. Return All pages through Graph's cursors (or the
 * given pagination); Limit sends `limit` and keeps at most that many records.
 */
export function listFields(
	show: IDataObject,
	pagination: IN8nRequestOperations['pagination'] = graphCursorPagination,
): INodeProperties[] {
	const displayOptions = { show } as INodeProperties['displayOptions'];
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
			routing: { send: { paginate: '={{ $value }}' }, operations: { pagination } },
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
