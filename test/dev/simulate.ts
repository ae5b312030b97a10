/**
 * `npm run simulate -- <kind> --to <trigger URL> [options]`: asks the sandbox started by `npm start` to deliver a
 * signed inbound webhook (a user's message, a reply, or a status of a message the sandbox sent) to a trigger URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ROOT } from '../e2e/n8nInstance';
import { SANDBOX_IDS } from '../sandbox/state';
import { MESSAGE_STATUSES, SIMULATE_KINDS } from '../sandbox/routes/simulator';
import { DEV_STATE_FILE, type DevState } from './devState';

const HELP = `Usage: npm run simulate -- <kind> --to <trigger URL> [options]

Kinds: ${SIMULATE_KINDS.join(', ')}

  --to <url>               the WhatsApp Cloud Trigger's Test or Production URL (required)
  --text <text>            message text, image caption, or quick-reply button label
  --from <phone>           the user writing in (default 16505551234)     --name <name>  their profile name
  --reply-to <wamid>       make the message a reply (button, reaction: default the last message the sandbox sent)
  --id, --title, --description   the chosen reply button / list row; --id is the payload of a quick-reply button
  --emoji <emoji>          reaction emoji          --latitude, --longitude, --place-name, --address   location
  --status <status>        ${MESSAGE_STATUSES.join(' | ')} (default delivered)
  --message-id <wamid>     the message a status is about (default the last message the sandbox sent)
  --phone-number-id <id>   the business number written to (default ${SANDBOX_IDS.phoneNumberId})
  --app-secret <secret>    sign with this App Secret (default the sandbox's, ${SANDBOX_IDS.appSecret})
  --sandbox <url>          the sandbox (default: the one npm start runs)
  --json                   print the delivered webhook body

Examples:
  npm run simulate -- message --to http://127.0.0.1:5678/webhook-test/<id>/webhook --text "hi"
  npm run simulate -- button_reply --to <url> --id confirm --title Confirm --reply-to <wamid>
  npm run simulate -- status --to <url> --status read`;

const STRING_OPTIONS = [
	'to',
	'sandbox',
	'text',
	'from',
	'name',
	'id',
	'title',
	'description',
	'emoji',
	'reply-to',
	'status',
	'message-id',
	'phone-number-id',
	'app-secret',
	'address',
	'place-name',
	'latitude',
	'longitude',
] as const;

const camel = (flag: string) => flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

function sandboxUrl(given?: string): { url: string; token: string } {
	if (given) return { url: given, token: SANDBOX_IDS.token };
	if (process.env.SANDBOX_URL) return { url: process.env.SANDBOX_URL, token: SANDBOX_IDS.token };
	const file = join(ROOT, DEV_STATE_FILE);
	if (!existsSync(file)) fail('No sandbox found: start one with `npm start` (or give --sandbox <url>).');
	const state = JSON.parse(readFileSync(file, 'utf8')) as DevState;
	return { url: state.sandboxUrl, token: state.token };
}

/** n8n's error answers carry a stack trace: their message is enough. */
function shortly(body: string): string {
	try {
		const { message } = JSON.parse(body) as { message?: unknown };
		if (typeof message === 'string') return message;
	} catch {
		// not JSON
	}
	return body.length > 300 ? `${body.slice(0, 300)}…` : body;
}

/** What to do about a trigger's answer other than 200. */
function hint(status: number): string {
	if (status === 401)
		return "The trigger refused the signature: its credential's App Secret differs; pass it with --app-secret.";
	if (status === 404)
		return "Nothing listens at this URL: for a Test URL click 'Listen for test event' first; for a Production URL activate the workflow.";
	return '';
}

async function main(): Promise<void> {
	const { values: flags, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			...Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: 'string' as const }])),
			json: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const values = flags as Partial<Record<(typeof STRING_OPTIONS)[number], string>> & { json?: boolean; help?: boolean };
	if (values.help) return void process.stdout.write(`${HELP}\n`);
	const [kind] = positionals;
	if (!kind || !(SIMULATE_KINDS as readonly string[]).includes(kind))
		fail(`${kind ? `Unknown kind "${kind}". ` : ''}${HELP}`);
	if (!values.to)
		fail('--to <trigger URL> is required: copy the Test or Production URL from the WhatsApp Cloud Trigger node.');

	const input: Record<string, unknown> = { url: values.to };
	for (const name of STRING_OPTIONS) {
		const value = values[name];
		if (value === undefined || name === 'to' || name === 'sandbox') continue;
		if (name === 'latitude' || name === 'longitude') {
			if (!Number.isFinite(Number(value))) fail(`--${name} must be a number`);
			input[name] = Number(value);
		} else input[camel(name)] = value;
	}

	const sandbox = sandboxUrl(values.sandbox);
	const response = await fetch(`${sandbox.url}/_simulate/${kind}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
		body: JSON.stringify(input),
	}).catch((error: Error) =>
		fail(`The sandbox at ${sandbox.url} does not answer (${error.message}). Is npm start running?`),
	);
	const answer = (await response.json()) as {
		delivered?: { status: number; body: string };
		payload?: unknown;
		error?: { error_data?: { details?: string } };
	};
	if (!answer.delivered) fail(answer.error?.error_data?.details ?? `The sandbox answered ${response.status}`);

	const value = (
		answer.payload as {
			entry: Array<{
				changes: Array<{
					value: { messages?: Array<{ id: string }>; statuses?: Array<{ id: string; status: string }> };
				}>;
			}>;
		}
	).entry[0].changes[0].value;
	const what = value.statuses
		? `status "${value.statuses[0].status}" of ${value.statuses[0].id}`
		: `${kind} ${value.messages![0].id}`;
	const { status, body } = answer.delivered;
	process.stdout.write(
		`Delivered ${what} to ${values.to}: the trigger answered ${status}${status === 200 ? '' : `: ${shortly(body)}`}\n`,
	);
	if (values.json) process.stdout.write(`${JSON.stringify(answer.payload, null, 2)}\n`);
	if (status < 200 || status > 299) fail(hint(status));
}

void main();
