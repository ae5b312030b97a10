import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { graphError, httpStatusFor } from './graphError';
import { parseMultipart, type MultipartPart } from './multipart';
import { initialState, SANDBOX_IDS, type SandboxState } from './state';
import { Traffic } from './traffic';

export interface SandboxRequest {
	method: string;
	/** Path without the version, e.g. `/106540352242922/messages`. */
	path: string;
	version?: string;
	params: Record<string, string>;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	rawBody: Buffer;
	/** Set when the request came with an app access token (`{app-id}|{app-secret}`) of a registered app. */
	appId?: string;
	/** Parsed JSON body, when the request sent JSON. */
	json?: unknown;
	/** Parsed urlencoded body fields. */
	form?: Record<string, string>;
	multipart?: MultipartPart[];
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	raw?: Buffer;
	headers?: Record<string, string>;
}

export type Handler = (req: SandboxRequest, sandbox: GraphSandbox) => SandboxResponse | Promise<SandboxResponse>;

export interface RecordedRequest {
	/** performance.now() when the request arrived, before any injected latency: for ordering and spacing checks. */
	receivedAt: number;
	method: string;
	path: string;
	version?: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: unknown;
	rawBody: Buffer;
	multipart?: MultipartPart[];
	status: number;
	response: unknown;
}

interface Route {
	method: string;
	segments: string[];
	versioned: boolean;
	handler: Handler;
}

interface InjectedFault {
	method?: string;
	path?: RegExp;
	code: number;
	details?: string;
	title?: string;
	remaining: number;
}

export type RouteModule = (sandbox: GraphSandbox) => void;

/** What happens to one request instead of (or besides) Graph's answer: a proxy, a network or a slow server. */
export interface RequestFault {
	/** Whether Graph handles the request (accepts the message) before the fault hits. */
	process: boolean;
	/** Close the connection without answering: before Graph sees the request when `process` is false, after it otherwise. */
	drop?: boolean;
	/** Answer this instead of Graph's answer (an object is sent as JSON). */
	answer?: { status: number; body: unknown; contentType?: string; headers?: Record<string, string> };
	/** Answer this much later than Graph would. */
	delayMs?: number;
}

/** Decides per request (method, path without the version, JSON body) whether a fault hits it. */
export type FaultHook = (request: { method: string; path: string; json?: unknown }) => RequestFault | undefined;

const SEND_PATH = /^\/(\d+)\/messages$/;

function parseJson(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
}

const VERSION = /^v\d+\.\d+$/;

/** Graph's answer for an ID it does not know or a path it does not serve. */
export function unsupported(method: string, id: string): SandboxResponse {
	return {
		status: 400,
		body: graphError(
			100,
			`Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
			undefined,
			{ type: 'GraphMethodException', subcode: 33 },
		),
	};
}

/** A local stand-in for graph.facebook.com: routes, checks and answers like Graph; records every request. */
export class GraphSandbox {
	state: SandboxState = initialState();

	readonly requests: RecordedRequest[] = [];

	readonly token: string;

	private server?: Server;

	private readonly routes: Route[] = [];

	private readonly apps = new Map<string, string>();

	private faults: InjectedFault[] = [];

	private readonly objectHandlers = new Map<
		string,
		Array<
			(req: SandboxRequest, sandbox: GraphSandbox) => SandboxResponse | undefined | Promise<SandboxResponse | undefined>
		>
	>();

	private latencyMs = 0;

	private messagesPerSecond = 0;

	/** Accepted sends of the last second, per phone number ID (the throughput limit counts per number). */
	private recentSends = new Map<string, number[]>();

	private faultHook?: FaultHook;

	/** What the sandbox counted about sends: accepted per number and second, duplicates, 130429s. */
	readonly traffic = new Traffic();

	/** Whether every request is kept in `requests`; the benchmark turns it off so that its memory figures are the node's. */
	recording = true;

	constructor(modules: RouteModule[] = [], options: { token?: string } = {}) {
		this.token = options.token ?? SANDBOX_IDS.token;
		for (const register of modules) register(this);
		for (const method of ['GET', 'POST', 'DELETE']) {
			this.route(method, '/:id', async (req) => {
				for (const handler of this.objectHandlers.get(method) ?? []) {
					const answer = await handler(req, this);
					if (answer) return answer;
				}
				return unsupported(req.method, req.params.id);
			});
		}
	}

	/**
	 * Requests on a bare ID (`GET /{id}`, `POST /{id}`, `DELETE /{id}`) go to whichever family owns the ID:
	 * each handler answers for its own objects and returns undefined for the rest.
	 */
	onObject(
		method: string,
		handler: (
			req: SandboxRequest,
			sandbox: GraphSandbox,
		) => SandboxResponse | undefined | Promise<SandboxResponse | undefined>,
	): void {
		const list = this.objectHandlers.get(method.toUpperCase()) ?? [];
		list.push(handler);
		this.objectHandlers.set(method.toUpperCase(), list);
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('Sandbox is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** Lets `{app-id}|{app-secret}` app access tokens of this app through (Graph's app-level calls need them). */
	registerApp(appId: string, appSecret: string): void {
		this.apps.set(appId, appSecret);
	}

	route(method: string, pattern: string, handler: Handler, options: { versioned?: boolean } = {}): void {
		this.routes.push({
			method: method.toUpperCase(),
			segments: pattern.split('/').filter(Boolean),
			versioned: options.versioned ?? true,
			handler,
		});
	}

	async start(port = 0): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Forgets requests, faults and state changes; keeps the routes and the port. */
	reset(): void {
		this.state = initialState();
		this.requests.length = 0;
		this.faults = [];
		this.latencyMs = 0;
		this.messagesPerSecond = 0;
		this.recentSends.clear();
		this.faultHook = undefined;
		this.traffic.reset();
		this.recording = true;
	}

	/** The next `times` requests matching method/path fail with Graph error `code`. */
	injectError(
		code: number,
		options: { method?: string; path?: RegExp; details?: string; title?: string; times?: number } = {},
	): void {
		this.faults.push({
			method: options.method?.toUpperCase(),
			path: options.path,
			code,
			details: options.details,
			title: options.title,
			remaining: options.times ?? 1,
		});
	}

	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	/** Above this many sends per second from one number, `POST /messages` fails with 130429 like Cloud API's throughput limit. */
	setMessagesPerSecond(limit: number): void {
		this.messagesPerSecond = limit;
		this.recentSends.clear();
	}

	/** Lets `hook` pick a fault for each request from now on (undefined: none). */
	setFaultHook(hook?: FaultHook): void {
		this.faultHook = hook;
	}

	/** Requests to one path (without version), e.g. `sandbox.requestsTo('POST', '/106540352242922/messages')`. */
	requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
		return this.requests.filter(
			(r) => r.method === method.toUpperCase() && (typeof path === 'string' ? r.path === path : path.test(r.path)),
		);
	}

	/** POSTs a webhook to `url` the way Meta does: JSON body signed with X-Hub-Signature-256. */
	async sendWebhook(
		url: string,
		payload: unknown,
		options: { appSecret?: string; signature?: string | null; rawBody?: string | Buffer } = {},
	): Promise<{ status: number; body: string }> {
		const body = options.rawBody ?? JSON.stringify(payload);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		const signature =
			options.signature === undefined
				? signPayload(body, options.appSecret ?? SANDBOX_IDS.appSecret)
				: options.signature;
		if (signature !== null) headers['x-hub-signature-256'] = signature;
		const response = await fetch(url, {
			method: 'POST',
			headers,
			body: typeof body === 'string' ? body : new Uint8Array(body),
		});
		return { status: response.status, body: await response.text() };
	}

	newId(): string {
		return String(BigInt('0x' + randomBytes(7).toString('hex')) + 100000000000000n);
	}

	newMessageId(): string {
		return `wamid.${Buffer.from(`HBgL${randomBytes(18).toString('hex')}`).toString('base64')}`;
	}

	sha256(data: Buffer): string {
		return createHash('sha256').update(data).digest('hex');
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const receivedAt = performance.now();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query = Object.fromEntries(url.searchParams.entries());
		let segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
		const version = segments[0] && VERSION.test(segments[0]) ? segments[0] : undefined;
		if (version) segments = segments.slice(1);
		const method = (req.method ?? 'GET').toUpperCase();
		const path = '/' + segments.join('/');
		const send = method === 'POST' ? SEND_PATH.exec(path) : null;
		if (send) this.traffic.received++;
		const record = (rawBody: Buffer, status: number, response: unknown, request?: SandboxRequest) => {
			if (!this.recording) return;
			this.requests.push({
				receivedAt,
				method,
				path,
				version,
				query,
				headers: req.headers,
				body:
					request?.json ??
					request?.form ??
					(request?.multipart ? undefined : rawBody.length ? rawBody.toString('utf8') : undefined),
				rawBody,
				multipart: request?.multipart,
				status,
				response,
			});
		};
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const request: SandboxRequest = { method, path, version, params: {}, query, headers: req.headers, rawBody };
		const hook = this.faultHook;
		const json = hook && rawBody.length > 0 ? parseJson(rawBody) : undefined;
		const fault = hook ? hook({ method, path, json }) : undefined;
		// Graph does not read a request a fault keeps from it; the record still shows what was sent.
		if (fault && !fault.process) request.json = json;
		if (fault?.drop && !fault.process) {
			// The connection breaks before Graph sees the request: from the client's side, after its body was written.
			record(rawBody, 0, undefined, request);
			req.socket.destroy();
			return;
		}
		let response: SandboxResponse;
		if (fault && !fault.process) {
			response = { status: 0 };
		} else {
			try {
				response = await this.answer(request, segments);
			} catch (error) {
				response = { status: 400, body: graphError(100, 'Invalid parameter', (error as Error).message) };
			}
			if (send && response.status === 200) this.traffic.accept(send[1], request.json, Date.now());
		}
		if (fault?.answer) {
			const { status, body, contentType, headers } = fault.answer;
			const raw = typeof body === 'string' ? body : JSON.stringify(body);
			response = {
				status,
				raw: Buffer.from(raw),
				headers: { 'content-type': contentType ?? 'application/json; charset=UTF-8', ...headers },
				body,
			};
		}
		if ((response.body as { error?: { code?: unknown } } | undefined)?.error?.code === 130429) this.traffic.throttled++;
		const delay = this.latencyMs + (fault?.delayMs ?? 0);
		if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
		record(rawBody, fault?.drop ? 0 : response.status, response.body, request);
		if (fault?.drop) {
			// Graph handled the request, then the connection broke before the answer.
			req.socket.destroy();
			return;
		}
		const headers = { ...response.headers };
		if (response.raw) {
			res.writeHead(response.status, headers);
			res.end(response.raw);
		} else {
			res.writeHead(response.status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
			res.end(response.body === undefined ? '' : JSON.stringify(response.body));
		}
	}

	private async answer(request: SandboxRequest, segments: string[]): Promise<SandboxResponse> {
		const appToken = /^Bearer (\d+)\|(.+)$/.exec(String(request.headers.authorization ?? ''));
		if (appToken) {
			if (this.apps.get(appToken[1]) !== appToken[2]) {
				return { status: 401, body: graphError(190, 'Invalid OAuth access token signature.') };
			}
			request.appId = appToken[1];
		} else if (request.headers.authorization !== `Bearer ${this.token}`) {
			const missing = !request.headers.authorization;
			return {
				status: 401,
				body: graphError(
					190,
					missing
						? 'An active access token must be used to query information about the current user.'
						: 'Invalid OAuth access token - Cannot parse access token',
				),
			};
		}
		if (!this.parseBody(request)) {
			return { status: 400, body: graphError(100, 'Invalid parameter', 'The request body could not be parsed') };
		}
		const route = this.routes.find((candidate) => {
			if (candidate.method !== request.method || candidate.versioned !== Boolean(request.version)) return false;
			if (candidate.segments.length !== segments.length) return false;
			return candidate.segments.every((segment, i) => segment.startsWith(':') || segment === segments[i]);
		});
		if (!route) return unsupported(request.method, segments[0] ?? '');
		route.segments.forEach((segment, i) => {
			if (segment.startsWith(':')) request.params[segment.slice(1)] = segments[i];
		});
		const fault = this.takeFault(request);
		if (fault) {
			const title = fault.title ?? 'Injected error';
			return { status: httpStatusFor(fault.code), body: graphError(fault.code, title, fault.details ?? title) };
		}
		const send = request.method === 'POST' ? SEND_PATH.exec(request.path) : null;
		if (this.messagesPerSecond > 0 && send) {
			const now = Date.now();
			const recent = this.recentSends.get(send[1]) ?? [];
			this.recentSends.set(send[1], recent);
			while (recent.length > 0 && now - recent[0] >= 1000) recent.shift();
			if (recent.length >= this.messagesPerSecond) {
				return {
					status: 400,
					body: graphError(
						130429,
						'Rate limit hit',
						'Message failed to send because there were too many messages sent from this phone number in a short period of time',
					),
				};
			}
			recent.push(now);
		}
		return await route.handler(request, this);
	}

	private takeFault(request: SandboxRequest): InjectedFault | undefined {
		const fault = this.faults.find(
			(f) => f.remaining > 0 && (!f.method || f.method === request.method) && (!f.path || f.path.test(request.path)),
		);
		if (fault) fault.remaining--;
		return fault;
	}

	private parseBody(request: SandboxRequest): boolean {
		const type = String(request.headers['content-type'] ?? '').toLowerCase();
		if (request.rawBody.length === 0) return true;
		if (type.startsWith('application/json')) {
			try {
				request.json = JSON.parse(request.rawBody.toString('utf8'));
			} catch {
				return false;
			}
		} else if (type.startsWith('application/x-www-form-urlencoded')) {
			request.form = Object.fromEntries(new URLSearchParams(request.rawBody.toString('utf8')).entries());
		} else if (type.startsWith('multipart/form-data')) {
			// The boundary is case-sensitive: parse with the header as sent, not the lowercased copy.
			request.multipart = parseMultipart(request.rawBody, String(request.headers['content-type']));
			if (!request.multipart) return false;
		}
		return true;
	}
}
