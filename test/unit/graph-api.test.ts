import type { ICredentialDataDecryptedObject, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { GRAPH_BASE_URL, graphBaseUrl } from '../../nodes/shared/graphApi';

const type = { description: { properties: [] } } as unknown as INodeType;
const nodeTypes: INodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
const node: INode = { id: '1', name: 'WhatsApp Cloud', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });

/** What n8n makes of the routed requests' base URL for these credentials. */
const routedBase = (credentials: ICredentialDataDecryptedObject) =>
	workflow.expression.getSimpleParameterValue(node, GRAPH_BASE_URL, 'internal', { $credentials: credentials });

describe('Graph base URL', () => {
	it.each([
		[{ baseUrl: 'https://graph.facebook.com', apiVersion: 'v22.0' }, 'https://graph.facebook.com/v22.0'],
		[{ baseUrl: 'http://127.0.0.1:8080//', apiVersion: 'v23.0' }, 'http://127.0.0.1:8080/v23.0'],
		[{ baseUrl: 'https://proxy.example/graph/', apiVersion: 'v21.0' }, 'https://proxy.example/graph/v21.0'],
		[{ baseUrl: '', apiVersion: '' }, 'https://graph.facebook.com/v22.0'],
	])('is built the same way for routed requests and for requests in code: %j', (credentials, expected) => {
		expect(graphBaseUrl(credentials)).toBe(expected);
		expect(routedBase(credentials)).toBe(expected);
	});
});
