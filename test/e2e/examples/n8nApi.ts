/**
 * What a user does in n8n's editor, through the same HTTP API the editor uses (`/rest`, signed in as the owner), and
 * reading an execution's data back through the public API (`/api/v1`, with an API key): create a credential, import a
 * workflow and save it, activate it, click "Execute workflow".
 */
import type { ExampleWorkflow } from './examples';

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
}

export interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message: string };
}

export interface Execution extends ExecutionSummary {
	data: { resultData: { error?: { message: string }; lastNodeExecuted?: string; runData: Record<string, NodeRun[]> } };
}

const BROWSER_ID = 'examples-e2e-browser';

export class N8nApi {
	private constructor(
		readonly url: string,
		private readonly cookie: string,
		private readonly apiKey: string,
	) {}

	/** Creates the owner account (first start) and an API key that reads executions. */
	static async asNewOwner(url: string): Promise<N8nApi> {
		const setup = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({
				email: 'owner@example.com',
				firstName: 'Example',
				lastName: 'Owner',
				password: 'Examples-Passw0rd',
			}),
		});
		if (setup.status !== 200) throw new Error(`Owner setup answered ${setup.status}: ${await setup.text()}`);
		const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
		const signedIn = new N8nApi(url, cookie, '');
		const key = await signedIn.rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label: 'examples e2e',
			scopes: ['execution:read', 'execution:list'],
			expiresAt: null,
		});
		return new N8nApi(url, cookie, key.rawApiKey);
	}

	/** A call of the editor's API; resolves to its `data`. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path} answered ${response.status}: ${text}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	private async publicApi<T>(path: string): Promise<T> {
		const response = await fetch(`${this.url}/api/v1${path}`, { headers: { 'X-N8N-API-KEY': this.apiKey } });
		const text = await response.text();
		if (!response.ok) throw new Error(`GET /api/v1${path} answered ${response.status}: ${text}`);
		return JSON.parse(text) as T;
	}

	/** Credentials > Create: returns the new credential's ID. */
	async createCredential(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<{ id: string; name: string }> {
		const created = await this.rest<{ id: string; name: string }>('POST', '/credentials', { name, type, data });
		return { id: created.id, name: created.name };
	}

	/** Import from File, then Save. */
	async saveWorkflow(workflow: ExampleWorkflow): Promise<{ id: string; versionId: string }> {
		return await this.rest<{ id: string; versionId: string }>('POST', '/workflows', workflow);
	}

	/** The Publish (activate) button: registers the workflow's webhooks and triggers. */
	async activate(workflow: { id: string; versionId: string }): Promise<void> {
		await this.rest('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
	}

	/** "Execute workflow" from the given trigger; returns the execution's ID. */
	async executeManually(workflowId: string, triggerName: string): Promise<string> {
		const started = await this.rest<{ executionId?: string }>('POST', `/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: triggerName },
		});
		if (!started.executionId)
			throw new Error(`Executing ${workflowId} started no execution: ${JSON.stringify(started)}`);
		return started.executionId;
	}

	/** The workflow's executions, newest first, running ones included (the editor's list). */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.rest<{ results: ExecutionSummary[] }>('GET', `/executions?limit=100&filter=${filter}`);
		return list.results.filter((execution) => execution.workflowId === workflowId);
	}

	async execution(id: string): Promise<Execution> {
		return await this.publicApi<Execution>(`/executions/${id}?includeData=true`);
	}
}

/** The JSON of the items a node output (first output, last run) in an execution. */
export function nodeOutput(execution: Execution, nodeName: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run in execution ${execution.id}`);
	return (runs[runs.length - 1].data?.main[output] ?? []).map((item) => item.json);
}
