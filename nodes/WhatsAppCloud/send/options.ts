import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Meta's default throughput per business phone number; upgraded numbers get up to 1,000 (doc 12, throughput). */
export const DEFAULT_MESSAGES_PER_SECOND = 80;
export const MAX_MESSAGES_PER_SECOND = 1000;

/** How one run sends: the same for every item (read from the first item). */
export interface SendSettings {
	messagesPerSecond: number;
	/** How many times one message is sent again after Meta refused it for a passing reason. */
	retryAttempts: number;
	/** The longest one message waits, in total, between those attempts. */
	maxWaitMs: number;
	/** How long one request may take before it counts as "may have been sent". */
	timeoutMs: number;
}

/** The sending options of every message operation, for the operation's Options collection. */
export const SENDING_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 3600 },
		default: 60,
		description:
			'The longest one message waits in total before it is sent again after a rate limit (130429, 131056, 4, 80007, 429) or a passing fault at Meta',
	},
	{
		displayName: 'Messages Per Second',
		name: 'messagesPerSecond',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_MESSAGES_PER_SECOND },
		default: DEFAULT_MESSAGES_PER_SECOND,
		description:
			"Sending rate per sender phone number, shared by every workflow of this n8n process that sends from that number. Meta's default limit is 80; upgraded numbers allow up to 1,000. The node slows down by itself when Meta answers 130429.",
	},
	{
		displayName: 'Retry Attempts',
		name: 'retryAttempts',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 5,
		description:
			'How many times one message is sent again when Meta refused it for a passing reason (rate limits, a passing fault). A message that may already have been accepted is never sent again.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: 30,
		description:
			'How long to wait for Meta to answer one request. A message without an answer is reported as "may have been sent" and never sent again.',
	},
];

function bounded(value: unknown, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return fallback;
	return Math.min(max, Math.max(min, number));
}

export function readSendSettings(options: IDataObject): SendSettings {
	return {
		messagesPerSecond: bounded(options.messagesPerSecond, DEFAULT_MESSAGES_PER_SECOND, 1, MAX_MESSAGES_PER_SECOND),
		retryAttempts: Math.floor(bounded(options.retryAttempts, 5, 0, 10)),
		maxWaitMs: bounded(options.maxWaitSeconds, 60, 0, 3600) * 1000,
		timeoutMs: bounded(options.timeoutSeconds, 30, 1, 300) * 1000,
	};
}
