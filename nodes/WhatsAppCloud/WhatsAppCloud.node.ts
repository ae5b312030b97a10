import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { GRAPH_BASE_URL } from '../shared/graphApi';
import { withGraphAnswerHandling } from './hooks/graphResponse';
import { RESOURCES } from './descriptions';
import { testWhatsAppCloudApi } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getTemplateVariables, searchTemplates } from './methods/templates';
import {
	requestOptionsProperty,
	sendAndWaitCustomOperations,
	sendAndWaitTooltip,
	sendAndWaitWebhook,
	sendAndWaitWebhooks,
} from './sendAndWait';
import { operationSubtitle } from './subtitle';
import { messageCustomOperations } from './send';

export class WhatsAppCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud',
		name: 'whatsAppCloud',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(RESOURCES),
		description: 'Send WhatsApp messages and templates and manage a WhatsApp Business account through the Cloud API',
		defaults: { name: 'WhatsApp Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppCloudApi', required: true, testedBy: 'testWhatsAppCloudApi' }],
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip: sendAndWaitTooltip,
		requestDefaults: {
			baseURL: GRAPH_BASE_URL,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		// Every routed operation turns a Graph error answer into a NodeApiError before anything reads it (hooks/graphResponse.ts).
		properties: withGraphAnswerHandling([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map(({ name, value }) => ({ name, value })),
				default: 'message',
			},
			...RESOURCES.flatMap((resource) => [resource.operations, ...resource.fields]),
			requestOptionsProperty,
		]),
	};

	webhook = sendAndWaitWebhook;

	methods = {
		listSearch: { searchPhoneNumbers, searchTemplates },
		resourceMapping: { getTemplateVariables },
		credentialTest: { testWhatsAppCloudApi },
	};

	// Sending works across the items of a run (checks first, pacing, retries): n8n runs these instead of the routing.
	customOperations = { message: { ...messageCustomOperations, ...sendAndWaitCustomOperations } };
}
