import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { throwOnGraphError } from './hooks/graphResponse';
import { RESOURCES } from './descriptions';
import { searchPhoneNumbers } from './methods/listSearch';
import { getTemplateVariables, searchTemplates } from './methods/templates';
import { messageCustomOperations } from './send';

export class WhatsAppCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud',
		name: 'whatsAppCloud',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and templates and manage a WhatsApp Business account through the Cloud API',
		defaults: { name: 'WhatsApp Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppCloudApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{$credentials.apiVersion}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				// Always shown to RoutingNode and first in line, so Graph errors are turned into readable errors before any other output handling.
				displayName: 'Graph Error Handling',
				name: 'graphErrorHandling',
				type: 'hidden',
				default: '',
				routing: { output: { postReceive: [throwOnGraphError] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map(({ name, value }) => ({ name, value })),
				default: 'message',
			},
			...RESOURCES.flatMap((resource) => [resource.operations, ...resource.fields]),
		],
	};

	methods = {
		listSearch: { searchPhoneNumbers, searchTemplates },
		resourceMapping: { getTemplateVariables },
	};

	// Sending works across the items of a run (checks first, pacing, retries): n8n runs these instead of the routing.
	customOperations = { message: messageCustomOperations };
}
