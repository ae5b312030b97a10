/**
 * Runs our nodes the way n8n runs them: the action node through n8n-core's WorkflowExecute -> RoutingNode,
 * the trigger through n8n-core's WebhookContext and HookContext. Only n8n's database, UI and HTTP server are absent.
 */
import {
	DirectoryLoader,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	RoutingNode,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { SANDBOX_IDS } from '../sandbox';

process.env.N8N_LOG_LEVEL ??= 'silent';

export const ACTION_TYPE = 'n8n-nodes-whatsapp-cloud.whatsAppCloud';
export const TRIGGER_TYPE = 'n8n-nodes-whatsapp-cloud.whatsAppCloudTrigger';

const nodeTypeList: Record<string, INodeType> = {
	[ACTION_TYPE]: new WhatsAppCloud(),
	[TRIGGER_TYPE]: new WhatsAppCloudTrigger(),
};

const credentialTypes: Record<string, ICredentialType> = { whatsAppCloudApi: new WhatsAppCloudApi() };

/**
 * Adds a node type (e.g. n8n's built-in WhatsApp node for the benchmark, or a second copy of ours that stands for
 * another n8n worker) the way n8n's loader does: declarative nodes get the "Request Options" collection.
 */
export function registerNodeType(name: string, type: INodeType, credentialType?: ICredentialType): void {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(type);
	nodeTypeList[name] = type;
	if (credentialType) credentialTypes[credentialType.name] = credentialType;
}

// n8n's loader gives every declarative node the "Request Options" collection (batching, timeout, proxy); so do we.
for (const type of Object.values(nodeTypeList)) DirectoryLoader.applyDeclarativeNodeOptionParameters(type);

/**
 * n8n's CLI `NodeTypes.getByNameAndVersion` (2.41, `shouldAssignExecuteMethod`) gives a declarative node an
 * `execute()` that runs RoutingNode; n8n-core then runs it like any programmatic node, and custom operations first.
 */
function withRoutingExecute(type: INodeType): INodeType {
	const declarative = type.description.requestDefaults !== undefined;
	const assign =
		!type.execute &&
		!type.supplyData &&
		!type.poll &&
		!type.trigger &&
		(!type.webhook || declarative) &&
		(!type.methods || declarative);
	if (assign) {
		type.execute = async function (this: IExecuteFunctions) {
			return (await new RoutingNode(this as ConstructorParameters<typeof RoutingNode>[0], type).runNode()) ?? [];
		};
	}
	return type;
}

/** The node type as n8n-core gets it during a run (with the execute() n8n gives declarative nodes). */
export function loadedNodeType(name: string, version?: number): INodeType {
	return new NodeTypes().getByNameAndVersion(name, version);
}

export class NodeTypes implements INodeTypes {
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = nodeTypeList[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return withRoutingExecute(NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version));
	}

	getKnownTypes() {
		return {};
	}
}

/** Resolves the credential's `authenticate` the way n8n's CredentialsHelper does (expressions over $credentials). */
class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [key, value] of Object.entries(authenticate.properties.headers ?? {})) {
			headers[key] =
				workflow && node && typeof value === 'string'
					? workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							value,
						)
					: value;
		}
		return { ...requestOptions, headers } as IHttpRequestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<never> {
		throw new Error('not used in tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return this.data;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}
}

export function sandboxCredentials(baseUrl: string, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		accessToken: SANDBOX_IDS.token,
		phoneNumberId: SANDBOX_IDS.phoneNumberId,
		businessAccountId: SANDBOX_IDS.businessAccountId,
		appSecret: SANDBOX_IDS.appSecret,
		apiVersion: 'v22.0',
		baseUrl,
		...overrides,
	};
}

export function additionalData(
	credentials: ICredentialDataDecryptedObject,
	extra: IDataObject = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new CredentialsHelper(credentials),
		executeWorkflow: async () => {
			throw new Error('not used in tests');
		},
		getRunExecutionData: async () => undefined,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used in tests');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function credentialRef(type = 'whatsAppCloudApi') {
	return { [type]: { id: 'cred-1', name: 'WhatsApp Cloud API' } };
}

export interface ActionRun {
	/** Output items of the node's first output (empty when it failed). */
	items: INodeExecutionData[];
	/** Every output of the node (the error output second, with "On Error: Continue (using error output)"). */
	outputs: INodeExecutionData[][];
	/** The node's error as n8n records it, if the run failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string; itemIndex?: number };
	run: IRun;
}

/** Executes the WhatsApp Cloud node once with these parameters on these input items, as n8n would. */
export async function runAction(options: {
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	settings?: Partial<INode>;
	/** Another registered node type (registerNodeType) and the credential type it uses. */
	nodeType?: { name: string; version: number; credentialType: string };
}): Promise<ActionRun> {
	const node: INode = {
		id: 'b1f7c3e2-0000-4000-8000-000000000001',
		name: 'WhatsApp Cloud',
		type: options.nodeType?.name ?? ACTION_TYPE,
		typeVersion: options.nodeType?.version ?? 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: credentialRef(options.nodeType?.credentialType),
		...options.settings,
	};
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes(),
	});
	const items = options.items ?? [{ json: {} }];
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
	} as never);
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [items.map((item, i) => ({ pairedItem: { item: i }, ...item }))] }, source: null },
			],
		},
	});
	const execute = new WorkflowExecute(additionalData(options.credentials, { hooks }), 'manual', runData);
	const run = await execute.processRunExecutionData(workflow);
	const result = finished ?? run;
	const taskData = result.data.resultData.runData[node.name]?.[0];
	const error = (result.data.resultData.error ?? taskData?.error) as ActionRun['error'];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	return { items: outputs[0] ?? [], outputs, error, run: result };
}

export interface WebhookCall {
	webhookName: 'setup' | 'default';
	query?: IDataObject;
	headers?: Record<string, string>;
	rawBody?: Buffer;
	body?: unknown;
}

export interface WebhookResult {
	status?: number;
	responseBody?: unknown;
	/** Items the trigger hands to the workflow, or undefined when it starts none. */
	items?: INodeExecutionData[];
	noWebhookResponse?: boolean;
}

function triggerNode(parameters: IDataObject): INode {
	return {
		id: 'c2a8d4f3-0000-4000-8000-000000000002',
		name: 'WhatsApp Cloud Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5c3b7c1e-6d2f-4a8e-9b1a-000000000003',
		parameters: parameters as INode['parameters'],
		credentials: credentialRef(),
	};
}

function triggerWorkflow(node: INode, staticData?: IDataObject): Workflow {
	return new Workflow({
		id: 'wf-trigger',
		name: 'trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new NodeTypes(),
		staticData,
	});
}

/** A fake Express response that records what the trigger answered. */
function responseRecorder(result: WebhookResult, onAnswer?: (result: WebhookResult) => void) {
	const res = {
		headersSent: false,
		status(code: number) {
			result.status = code;
			return res;
		},
		type() {
			return res;
		},
		setHeader() {
			return res;
		},
		send(body?: unknown) {
			result.responseBody = body;
			res.headersSent = true;
			onAnswer?.(result);
			return res;
		},
		json(body?: unknown) {
			return res.send(body);
		},
		end(body?: unknown) {
			return res.send(body);
		},
	};
	return res;
}

/** Delivers one HTTP request to the trigger's webhook() through n8n-core's WebhookContext. */
export async function callTriggerWebhook(options: {
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	call: WebhookCall;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** Called the moment the trigger sends its HTTP answer (before webhook() has returned, if it answers early). */
	onAnswer?: (result: WebhookResult) => void;
	/** n8n's production webhook base URL (default http://127.0.0.1/webhook). */
	webhookBaseUrl?: string;
}): Promise<WebhookResult> {
	const node = triggerNode(options.parameters);
	const workflow = triggerWorkflow(node, options.staticData);
	const { call } = options;
	const rawBody = call.rawBody ?? (call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body)));
	let parsed: unknown = call.body;
	if (parsed === undefined && rawBody) {
		try {
			parsed = JSON.parse(rawBody.toString('utf8'));
		} catch {
			parsed = {};
		}
	}
	const result: WebhookResult = {};
	const request = {
		method: call.webhookName === 'setup' ? 'GET' : 'POST',
		query: call.query ?? {},
		headers: Object.fromEntries(Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
		body: parsed ?? {},
		rawBody,
		params: {},
	};
	const webhookData: IWebhookData = {
		httpMethod: request.method as IWebhookData['httpMethod'],
		node: node.name,
		path: 'webhook',
		webhookDescription: { name: call.webhookName, httpMethod: request.method, path: 'webhook' } as never,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: {} as never,
		webhookId: node.webhookId,
	};
	const data = additionalData(options.credentials, {
		httpRequest: request,
		httpResponse: responseRecorder(result, options.onAnswer),
		...(options.webhookBaseUrl ? { webhookBaseUrl: options.webhookBaseUrl } : {}),
	});
	const context = new WebhookContext(workflow, node, data, options.mode ?? 'webhook', webhookData, [], null);
	const type = new WhatsAppCloudTrigger();
	const answer = await type.webhook.call(context);
	result.noWebhookResponse = answer.noWebhookResponse;
	result.items = answer.workflowData?.[0];
	return result;
}

/** Runs one of the trigger's webhookMethods (checkExists/create/delete) through n8n-core's HookContext. */
export async function callTriggerHook(options: {
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	method: 'checkExists' | 'create' | 'delete';
	webhookUrl?: string;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	activation?: 'activate' | 'update' | 'init' | 'manual' | 'leadershipChange';
	/** A test-listen webhook (default: mode is 'manual'); n8n ends a test listen with mode 'internal' and isTest. */
	isTest?: boolean;
}): Promise<boolean> {
	const node = triggerNode(options.parameters);
	const workflow = triggerWorkflow(node, options.staticData);
	const isTest = options.isTest ?? (options.mode ?? 'trigger') === 'manual';
	const base = isTest ? 'http://127.0.0.1/webhook-test' : 'http://127.0.0.1/webhook';
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' } as never,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: {} as never,
		webhookId: node.webhookId,
		isTest,
	};
	const data = additionalData(options.credentials, {
		webhookBaseUrl: options.webhookUrl ?? base,
		webhookTestBaseUrl: options.webhookUrl ?? base,
	});
	const context = new HookContext(
		workflow,
		node,
		data,
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
		webhookData,
	);
	const type = new WhatsAppCloudTrigger();
	return await type.webhookMethods.default[options.method].call(context);
}

/**
 * Calls one of the action node's editor methods (list search, resource mapping) through n8n-core's
 * LoadOptionsContext, the way the editor does with the node's current parameters.
 */
export async function callEditorMethod<T>(options: {
	kind: 'listSearch' | 'resourceMapping';
	method: string;
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	args?: unknown[];
}): Promise<T> {
	const node: INode = {
		id: 'b1f7c3e2-0000-4000-8000-000000000001',
		name: 'WhatsApp Cloud',
		type: ACTION_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: credentialRef(),
	};
	const workflow = new Workflow({
		id: 'wf-editor',
		name: 'editor',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes(),
	});
	const data = additionalData(options.credentials, { currentNodeParameters: options.parameters });
	const context = new LoadOptionsContext(workflow, node, data, '');
	const methods = (nodeTypeList[ACTION_TYPE].methods ?? {}) as Record<
		string,
		Record<string, (...args: unknown[]) => Promise<unknown>>
	>;
	const method = methods[options.kind]?.[options.method];
	if (!method) throw new Error(`The node has no ${options.kind} method ${options.method}`);
	return (await method.call(context, ...(options.args ?? []))) as T;
}
