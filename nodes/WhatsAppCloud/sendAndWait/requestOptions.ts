import type { INodeProperties } from 'n8n-workflow';

/**
 * n8n adds a "Request Options" collection (batching, proxy, timeout, SSL) to every declarative node, except to
 * nodes that have a webhook() method: Send and Wait's webhook() would take it away from every routed operation
 * (and n8n would drop the saved values of existing workflows). So the node declares it itself, under the name
 * and with the keys n8n's RoutingNode reads (`requestOptions.batching.batch.batchSize`, `…batchInterval`,
 * `…proxy`, `…timeout`, `…allowUnauthorizedCerts`).
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	// No Message operation reads them: the send pipeline has its own Options (rate, retries, timeout).
	displayOptions: { hide: { resource: ['message'] } },
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description: 'Number of items whose requests are sent together. -1 sends all at once.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Milliseconds to wait between batches',
						},
					],
				},
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description: 'HTTP proxy to send the requests through, e.g. http://username:password@myproxy:3128',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description: 'Milliseconds to wait for the response headers before giving up',
		},
	],
};
