/**
 * Delivers webhook POSTs to any trigger node (ours or n8n's built-in WhatsApp Trigger) the way n8n's
 * production webhook path does before the execution: a new Workflow per request, n8n-core's WebhookContext,
 * the node's webhook(). Only the HTTP server and the database are absent. For benchmarks, so both triggers
 * pay exactly the same n8n-side cost.
 */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

class OneCredential extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(_c: ICredentialDataDecryptedObject, _t: string, requestOptions: never): Promise<never> {
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return this.data;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}
}

export interface Delivery {
	status?: number;
	items?: INodeExecutionData[];
}

export interface TriggerUnderTest {
	type: INodeType;
	typeName: string;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	parameters: IDataObject;
}

/** A function that delivers one signed POST body to the trigger and resolves to its answer and items. */
export function webhookRunner(
	trigger: TriggerUnderTest,
): (rawBody: Buffer, headers: Record<string, string>, staticData?: IDataObject) => Promise<Delivery> {
	const nodeTypes: INodeTypes = {
		getByName: () => trigger.type,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(trigger.type),
		getKnownTypes: () => ({}),
	};
	const credentialsHelper = new OneCredential(trigger.credentials);
	return async (rawBody, headers, staticData) => {
		const node: INode = {
			id: 'b3c9e5a4-0000-4000-8000-000000000009',
			name: 'Trigger',
			type: trigger.typeName,
			typeVersion: 1,
			position: [0, 0],
			webhookId: '6d4c8d2f-7e3a-4b9f-8c2b-000000000009',
			parameters: JSON.parse(JSON.stringify(trigger.parameters)) as INode['parameters'],
			credentials: { [trigger.credentialType]: { id: 'bench-credential', name: 'Bench' } },
		};
		const workflow = new Workflow({
			id: 'wf-bench',
			name: 'bench',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
		});
		const result: Delivery = {};
		const res = {
			headersSent: false,
			status(code: number) {
				result.status = code;
				return res;
			},
			type: () => res,
			setHeader: () => res,
			end: () => res,
			json: () => res,
			send() {
				res.headersSent = true;
				return res;
			},
		};
		let body: unknown = {};
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			// n8n's body parser would have refused it; the trigger sees the raw body only
		}
		const additionalData = {
			credentialsHelper,
			httpRequest: { method: 'POST', query: {}, headers, body, rawBody, params: {} },
			httpResponse: res,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' } as never,
			workflowId: 'wf-bench',
			workflowExecuteAdditionalData: {} as never,
			webhookId: node.webhookId,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const answer = await trigger.type.webhook!.call(context);
		// The built-in answers through n8n (no workflow data: "Webhook call received"), ours itself.
		result.status ??= 200;
		result.items = answer.workflowData?.[0];
		return result;
	};
}
