/**
 * The parts of n8n that run a waiting execution, around n8n-core's real WorkflowExecute and WebhookContext:
 * a store of executions (saved as JSON, as n8n's database does), the waiting-webhook endpoint over HTTP
 * (`/webhook-waiting/:executionId/:nodeId`, following n8n 2.41's WaitingWebhooks: the HMAC signature of
 * send-and-wait URLs, the execution's status, the node's restart webhook, the node disabled on resume)
 * and the wait tracker's timeout. The WhatsApp Cloud Trigger can be pointed at it to resume executions.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	InstanceSettings,
	validateUrlSignature,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IConnections,
	IRun,
	IRunExecutionData,
	IWebhookData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { parseMultipart } from '../sandbox/multipart';
import { createSandbox, SANDBOX_IDS, type GraphSandbox } from '../sandbox';
import {
	ACTION_TYPE,
	additionalData,
	callTriggerWebhook,
	credentialRef,
	NodeTypes,
	sandboxCredentials,
	type WebhookResult,
} from './n8n';

export const WAITING_NODE_ID = 'b1f7c3e2-0000-4000-8000-0000000000aa';
export const WAITING_NODE_NAME = 'Ask';

export interface StoredExecution {
	id: string;
	status: IRun['status'];
	mode: WorkflowExecuteMode;
	/** The run data as n8n keeps it in its database (JSON). */
	data: IRunExecutionData;
	nodes: INode[];
	connections: IConnections;
	waitTill?: Date;
}

export interface HttpAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function recorder() {
	const answer = { status: 200, headers: {} as Record<string, string>, body: '', sent: false };
	const res = {
		get headersSent() {
			return answer.sent;
		},
		status(code: number) {
			answer.status = code;
			return res;
		},
		setHeader(name: string, value: string) {
			answer.headers[name.toLowerCase()] = String(value);
			return res;
		},
		type(value: string) {
			answer.headers['content-type'] = value;
			return res;
		},
		send(body?: unknown) {
			answer.body = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
			answer.sent = true;
			return res;
		},
		json(body?: unknown) {
			answer.headers['content-type'] ??= 'application/json';
			return res.send(JSON.stringify(body));
		},
		end(body?: unknown) {
			return res.send(body);
		},
	};
	return { res, answer };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** The body as n8n's webhook handler parses it: JSON, urlencoded, or multipart as `{ data, files }`. */
function parseBody(raw: Buffer, contentType: string): unknown {
	if (!raw.length) return {};
	if (contentType.startsWith('application/json')) return JSON.parse(raw.toString('utf8'));
	if (contentType.startsWith('application/x-www-form-urlencoded')) return { ...parseQuery(raw.toString('utf8')) };
	if (contentType.startsWith('multipart/form-data')) {
		const data: Record<string, string | string[]> = {};
		for (const part of parseMultipart(raw, contentType) ?? []) {
			const value = part.data.toString('utf8');
			const known = data[part.name];
			data[part.name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
		}
		return { data, files: {} };
	}
	return raw.toString('utf8');
}

export class WaitingN8n {
	readonly executions = new Map<string, StoredExecution>();

	/** Every HTTP request this n8n received (`METHOD /path`), e.g. the trigger's resume calls. */
	readonly calls: string[] = [];

	private server?: Server;

	private nextId = 1001;

	constructor(private readonly credentials: ICredentialDataDecryptedObject) {}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			void (async () => {
				const raw = await readBody(req);
				const url = new URL(req.url ?? '/', this.origin);
				this.calls.push(`${req.method} ${url.pathname}`);
				const contentType = String(req.headers['content-type'] ?? '')
					.split(';')[0]
					.trim();
				const answer = await this.waitingWebhook(
					req.method ?? 'GET',
					url,
					contentType,
					parseBody(raw, String(req.headers['content-type'] ?? '')),
				);
				res.writeHead(answer.status, answer.headers);
				res.end(answer.body);
			})().catch((error) => {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(String((error as Error).stack ?? error));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	get origin(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('WaitingN8n is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	private baseUrls() {
		return {
			webhookBaseUrl: `${this.origin}/webhook`,
			webhookWaitingBaseUrl: `${this.origin}/webhook-waiting`,
			formWaitingBaseUrl: `${this.origin}/form-waiting`,
		};
	}

	private workflow(execution: StoredExecution): Workflow {
		// n8n builds the workflow anew from its saved JSON for every run and every resume call.
		return new Workflow({
			id: 'wf-waiting',
			name: 'waiting',
			nodes: roundTrip(execution.nodes),
			connections: execution.connections,
			active: true,
			nodeTypes: new NodeTypes(),
		});
	}

	private async execute(execution: StoredExecution, data: IRunExecutionData): Promise<StoredExecution> {
		const workflow = this.workflow(execution);
		const hooks = new ExecutionLifecycleHooks(execution.mode, execution.id, {
			id: workflow.id,
			name: workflow.name,
			nodes: execution.nodes,
			connections: execution.connections,
			active: true,
			settings: {},
		} as never);
		let finished: IRun | undefined;
		hooks.addHandler('workflowExecuteAfter', (run) => {
			finished = run;
		});
		execution.status = 'running';
		const extra = { hooks, executionId: execution.id, ...this.baseUrls() };
		const run = await new WorkflowExecute(
			additionalData(this.credentials, extra),
			execution.mode,
			data,
		).processRunExecutionData(workflow);
		const result = finished ?? run;
		execution.status = result.status;
		execution.waitTill = result.waitTill ?? undefined;
		execution.data = roundTrip(result.data);
		return execution;
	}

	/** Runs a workflow of one Send and Wait node (optionally looping into itself) until it waits or ends. */
	async run(options: {
		parameters: IDataObject;
		items?: INodeExecutionData[];
		loop?: boolean;
		mode?: WorkflowExecuteMode;
		/** Node settings, e.g. `{ onError: 'continueRegularOutput' }`. */
		settings?: Partial<INode>;
	}): Promise<StoredExecution> {
		const node: INode = {
			id: WAITING_NODE_ID,
			name: WAITING_NODE_NAME,
			type: ACTION_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'message', operation: 'sendAndWait', ...options.parameters } as INode['parameters'],
			credentials: credentialRef(),
			...options.settings,
		};
		const connections: IConnections = options.loop
			? { [node.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } }
			: {};
		const execution: StoredExecution = {
			id: String(this.nextId++),
			status: 'new',
			mode: options.mode ?? 'webhook',
			data: createRunExecutionData({}),
			nodes: [node],
			connections,
		};
		this.executions.set(execution.id, execution);
		const items = options.items ?? [{ json: { orderId: 'A-1001' } }];
		const data = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node, data: { main: [items.map((item, i) => ({ pairedItem: { item: i }, ...item }))] }, source: null },
				],
			},
		});
		return await this.execute(execution, data);
	}

	get(id: string): StoredExecution {
		const execution = this.executions.get(id);
		if (!execution) throw new Error(`No execution ${id}`);
		return execution;
	}

	/** The runs of the Send and Wait node so far, each as the items it output. */
	outputs(id: string): INodeExecutionData[][] {
		return (this.get(id).data.resultData.runData[WAITING_NODE_NAME] ?? []).map((task) => task.data?.main?.[0] ?? []);
	}

	/** The wait tracker when the wait time is up: the execution goes on from the waiting node, without an answer. */
	async timeOut(id: string): Promise<StoredExecution> {
		const execution = this.get(id);
		if (execution.status !== 'waiting') throw new Error(`Execution ${id} is ${execution.status}, not waiting`);
		return await this.execute(execution, roundTrip(execution.data));
	}

	/** An HTTP request to this n8n, e.g. the resume URL of a question. */
	async request(
		method: 'GET' | 'POST',
		url: string,
		body?: string | URLSearchParams | FormData | IDataObject,
	): Promise<HttpAnswer> {
		const init: RequestInit = { method };
		if (body instanceof URLSearchParams || body instanceof FormData || typeof body === 'string') init.body = body;
		else if (body !== undefined) {
			init.body = JSON.stringify(body);
			init.headers = { 'content-type': 'application/json' };
		}
		const response = await fetch(url, init);
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => (headers[name] = value));
		return { status: response.status, headers, body: await response.text() };
	}

	/** A signed Meta webhook delivered to a WhatsApp Cloud Trigger of this n8n (static data kept by the caller). */
	async deliver(
		payload: unknown,
		options: { parameters?: IDataObject; staticData?: IDataObject } = {},
	): Promise<WebhookResult> {
		const rawBody = Buffer.from(JSON.stringify(payload));
		return await callTriggerWebhook({
			parameters: { verifyToken: 'verify-me', ...options.parameters },
			credentials: this.credentials,
			staticData: options.staticData,
			webhookBaseUrl: this.baseUrls().webhookBaseUrl,
			call: {
				webhookName: 'default',
				rawBody,
				headers: { 'x-hub-signature-256': signPayload(rawBody, SANDBOX_IDS.appSecret) },
			},
		});
	}

	/** n8n 2.41's WaitingWebhooks.executeWebhook + getWebhookExecutionData, for one request. */
	private async waitingWebhook(method: string, url: URL, contentType: string, body: unknown): Promise<HttpAnswer> {
		const html = (status: number, text: string): HttpAnswer => ({
			status,
			headers: { 'content-type': 'text/html' },
			body: text,
		});
		const json = (status: number, value: unknown): HttpAnswer => ({
			status,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(value),
		});
		const [endpoint, executionId, suffix] = url.pathname.split('/').filter(Boolean);
		if (endpoint !== 'webhook-waiting') return json(404, { message: 'not a waiting webhook' });
		const execution = this.executions.get(executionId);
		if (!execution) return json(404, { message: `The execution "${executionId}" does not exist.` });
		const isSendAndWait = execution.nodes.some(
			(node) => node.id === suffix && node.parameters.operation === 'sendAndWait',
		);
		if (execution.data.resumeToken) {
			const signature = url.searchParams.get('signature');
			const valid = isSendAndWait
				? Boolean(signature) &&
					validateUrlSignature(signature!, url, Container.get(InstanceSettings).hmacSignatureSecret)
				: signature === execution.data.resumeToken;
			if (!valid) return isSendAndWait ? html(401, 'form-invalid-token') : json(401, { error: 'Invalid token' });
		}
		if (execution.status === 'running')
			return json(409, { message: `The execution "${executionId}" is running already.` });
		if (execution.data.resultData.error)
			return json(409, { message: `The execution "${executionId}" has finished with error.` });
		if (execution.status !== 'waiting') {
			return isSendAndWait ? html(200, 'send-and-wait-no-action-required') : json(409, { message: 'finished already' });
		}

		const workflow = this.workflow(execution);
		const lastNodeExecuted = execution.data.resultData.lastNodeExecuted!;
		const node = workflow.getNode(lastNodeExecuted)!;
		const nodeType = new NodeTypes().getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.find(
			(webhook) =>
				webhook.httpMethod === method &&
				webhook.restartWebhook === true &&
				(webhook.path === '={{ $nodeId }}' ? node.id : webhook.path) === suffix,
		);
		if (!description || !nodeType.webhook) {
			return isSendAndWait
				? html(200, 'send-and-wait-no-action-required')
				: json(404, { message: 'no waiting webhook with a matching path/method' });
		}
		if (
			method === 'POST' &&
			node.parameters.operation === 'sendAndWait' &&
			node.parameters.responseType === 'customForm' &&
			contentType !== 'multipart/form-data'
		) {
			return json(415, { message: 'Expected multipart/form-data' });
		}

		// What n8n hands to the webhook and then to the resumed run: the saved data, node disabled, wait cleared.
		const data = roundTrip(execution.data);
		data.executionData!.nodeExecutionStack[0].node.disabled = true;
		data.waitTill = undefined;
		data.resultData.runData[lastNodeExecuted].pop();

		const { res, answer } = recorder();
		const request = {
			method,
			url: `${url.pathname}${url.search}`,
			query: Object.fromEntries(url.searchParams.entries()),
			headers: { 'content-type': contentType },
			body,
			params: {},
		};
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'],
			node: node.name,
			path: suffix,
			webhookDescription: description,
			workflowId: workflow.id!,
			workflowExecuteAdditionalData: {} as never,
		};
		const context = new WebhookContext(
			workflow,
			node,
			additionalData(this.credentials, {
				httpRequest: request,
				httpResponse: res,
				executionId: execution.id,
				...this.baseUrls(),
			}),
			execution.mode,
			webhookData,
			[],
			data,
		);
		const result = await nodeType.webhook.call(context);
		if (result.workflowData) {
			const entry = data.executionData!.nodeExecutionStack[0];
			entry.data.main = result.workflowData;
			entry.metadata = { ...entry.metadata, forwardAllOutputs: true } as never;
			await this.execute(execution, data);
		}
		if (answer.sent) return { status: answer.status, headers: answer.headers, body: answer.body };
		return json(200, result.webhookResponse ?? { message: 'Webhook call received' });
	}
}

/** A sandbox and a WaitingN8n using it, for one test file; the sandbox is reset before each test. */
export function waitingTestBed(): { sandbox: GraphSandbox; n8n: WaitingN8n } {
	const bed = {} as { sandbox: GraphSandbox; n8n: WaitingN8n };
	beforeAll(async () => {
		bed.sandbox = await createSandbox().start();
		bed.n8n = await new WaitingN8n(sandboxCredentials(bed.sandbox.baseUrl)).start();
	});
	afterAll(async () => {
		await bed.n8n?.stop();
		await bed.sandbox?.stop();
	});
	beforeEach(() => bed.sandbox.reset());
	return bed;
}
