import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/graphApi';
import { eventsFromWebhook } from './events';
import { isValidSignature } from './signature';
import { answerVerification } from './verification';

export class WhatsAppCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud Trigger',
		name: 'whatsAppCloudTrigger',
		icon: 'file:whatsapp.svg',
		group: ['trigger'],
		version: 1,
		subtitle: 'WhatsApp Cloud API webhooks',
		description: 'Starts the workflow when WhatsApp Cloud API webhooks arrive: messages, statuses and account events',
		defaults: { name: 'WhatsApp Cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'In App Dashboard > WhatsApp > Configuration, set the Callback URL to this node\'s Production URL and the Verify Token below, then subscribe to the "messages" field. A Meta app has only one callback URL.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Verify Token',
				name: 'verifyToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description: 'Any secret string; enter the same one in the App Dashboard so Meta can verify the callback URL',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials(CREDENTIAL_TYPE);
				if (!String(credentials.appSecret ?? '')) {
					throw new NodeOperationError(
						this.getNode(),
						'The WhatsApp Cloud API credential has no App Secret, so webhook signatures cannot be checked',
						{ description: 'Add the App Secret (App Dashboard > App settings > Basic) to the credential.' },
					);
				}
				// Manual set-up: the callback URL is configured in the App Dashboard, nothing to create at Meta.
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();

		if (this.getWebhookName() === 'setup') {
			const answer = answerVerification(req.query as IDataObject, this.getNodeParameter('verifyToken') as string);
			if (answer.status === 200) {
				res.status(200).type('text/plain').send(answer.challenge);
			} else {
				res.status(403).type('text/plain').send('Forbidden');
			}
			return { noWebhookResponse: true };
		}

		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const rawBody = req.rawBody ?? Buffer.from(JSON.stringify(req.body ?? {}));
		if (!isValidSignature(rawBody, req.headers['x-hub-signature-256'], String(credentials.appSecret ?? ''))) {
			res.status(401).type('text/plain').send('Invalid signature');
			return { noWebhookResponse: true };
		}

		let body: unknown;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			res.status(400).type('text/plain').send('Body is not JSON');
			return { noWebhookResponse: true };
		}

		// Meta retries anything but a 200, so answer at once; the workflow runs after the answer.
		res.status(200).type('text/plain').send('EVENT_RECEIVED');
		const events = eventsFromWebhook(body);
		if (events.length === 0) return { noWebhookResponse: true };
		return {
			noWebhookResponse: true,
			workflowData: [events.map((event) => ({ json: event as unknown as IDataObject }))],
		};
	}
}
