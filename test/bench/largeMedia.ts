/**
 * Bench section: a 100 MB file through both nodes, as peak RSS growth. Each measurement runs in a fresh Node
 * process (memory freed by one measurement would otherwise hide the next one's growth), with n8n's binary
 * data in filesystem mode; the sandbox runs in a process of its own, so its copy of the file never counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { IBinaryData } from 'n8n-workflow';

import { readBinaryFile } from '../../nodes/shared/binaryFile';
import { uploadMedia } from '../../nodes/shared/transport';
import { signPayload } from '../../nodes/WhatsAppCloudTrigger/signature';
import { captureExecuteSingleContext, useFilesystemBinaryData } from '../harness/binaryData';
import { callTriggerWebhook, runAction, sandboxCredentials } from '../harness/n8n';
import { SANDBOX_IDS } from '../sandbox';
import { inboundText } from '../harness/deliveries';
import { delivery } from './trigger';

const MB = 1024 * 1024;
const SIZE = 100 * MB;

type Kind = 'triggerDownload' | 'actionDownload' | 'actionUpload' | 'streamedUpload';

/** Peak RSS growth over the baseline while `work` runs, in MB (sampled every 2 ms). */
async function peakRssGrowth(work: () => Promise<void>): Promise<number> {
	setFlagsFromString('--expose_gc');
	const gc = runInNewContext('gc') as () => void;
	gc();
	gc();
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 2);
	try {
		await work();
	} finally {
		clearInterval(sampler);
	}
	return (Math.max(peak, process.memoryUsage.rss()) - baseline) / MB;
}

/**
 * One measurement, in the child process: first once with a 1 MB file (so that code loading and the first
 * trip through n8n-core do not count), then measured with the 100 MB one.
 */
async function measure(kind: Kind, baseUrl: string, smallId: string, largeId: string): Promise<number> {
	await measureOne(kind, baseUrl, smallId, MB, async (work) => await work());
	return await measureOne(kind, baseUrl, largeId, SIZE, peakRssGrowth);
}

async function measureOne(
	kind: Kind,
	baseUrl: string,
	mediaId: string,
	size: number,
	peakRssGrowth: (work: () => Promise<void>) => Promise<number | void>,
): Promise<number> {
	const credentials = sandboxCredentials(baseUrl);
	const binaryData = await useFilesystemBinaryData();
	try {
		const download = async (): Promise<IBinaryData> => {
			const { items, error } = await runAction({
				credentials,
				parameters: { resource: 'media', operation: 'download', mediaObjectId: mediaId },
			});
			const binary = items[0]?.binary?.data;
			if (error || binary?.bytes !== size) throw new Error(`Media > Download: ${error?.message ?? 'wrong size'}`);
			return binary;
		};
		const growth = async (work: () => Promise<void>) => Number((await peakRssGrowth(work)) ?? 0);
		switch (kind) {
			case 'triggerDownload':
				return await growth(async () => {
					const document = { id: mediaId, mime_type: 'application/pdf', filename: 'catalogue.pdf' };
					const raw = delivery({ messages: [{ ...inboundText(`wamid.MEDIA${mediaId}`), type: 'document', document }] });
					const result = await callTriggerWebhook({
						parameters: { verifyToken: 'bench', options: { downloadMedia: true } },
						credentials,
						call: {
							webhookName: 'default',
							headers: { 'x-hub-signature-256': signPayload(raw, SANDBOX_IDS.appSecret) },
							rawBody: raw,
						},
					});
					if (result.items?.[0].binary?.data.bytes !== size)
						throw new Error(`Download Media: ${String(result.items?.[0].json.mediaError)}`);
				});
			case 'actionDownload':
				return await growth(async () => {
					await download();
				});
			case 'actionUpload': {
				const stored = await download();
				return await growth(async () => {
					const { error } = await runAction({
						credentials,
						items: [{ json: {}, binary: { data: stored } }],
						parameters: { resource: 'media', operation: 'upload' },
					});
					if (error) throw new Error(`Media > Upload: ${error.message}`);
				});
			}
			case 'streamedUpload': {
				const stored = await download();
				return await growth(async () => {
					const context = await captureExecuteSingleContext(
						async () =>
							await runAction({
								credentials,
								items: [{ json: {}, binary: { data: stored } }],
								parameters: { resource: 'media', operation: 'getUrl', mediaObjectId: mediaId },
							}),
					);
					await uploadMedia(context, SANDBOX_IDS.phoneNumberId, await readBinaryFile(context, stored, 'document'));
				});
			}
		}
	} finally {
		binaryData.restore();
	}
}

function startProcess(args: string[]): ChildProcess {
	return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function firstLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
	return await new Promise((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk) => {
			out += String(chunk);
			const match = pattern.exec(out);
			if (match) resolve(match);
		});
		child.once('exit', (code) =>
			reject(new Error(`${child.spawnargs.join(' ')} exited with ${code} before printing ${pattern}`)),
		);
	});
}

async function measureInChild(kind: Kind, baseUrl: string, smallId: string, largeId: string): Promise<number> {
	const child = startProcess([__filename, kind, baseUrl, smallId, largeId]);
	const [, growth] = await firstLine(child, /rss-growth-mb=([\d.-]+)/);
	return Number(growth);
}

export async function benchLargeMedia(): Promise<void> {
	console.log(
		'\n== 100 MB media: peak RSS growth (fresh process each; n8n binary data in filesystem mode; sandbox in its own process)',
	);
	const sandbox = startProcess([join(__dirname, '../sandbox/cli.js'), '0']);
	try {
		const [, baseUrl] = await firstLine(sandbox, /listening on (http:\/\/[^\s]+)/);
		const media = async (bytes: number) => {
			const response = await fetch(
				`${baseUrl}/sandbox/media?bytes=${bytes}&mime_type=application/pdf&file_name=catalogue.pdf`,
				{
					method: 'POST',
					headers: { authorization: `Bearer ${SANDBOX_IDS.token}` },
				},
			);
			return ((await response.json()) as { id: string }).id;
		};
		const [small, large] = [await media(MB), await media(SIZE)];
		const mb = async (kind: Kind) => `+${(await measureInChild(kind, baseUrl, small, large)).toFixed(0)} MB`;
		console.log(`trigger Download Media: ${await mb('triggerDownload')} | built-in trigger: gives the media ID only`);
		console.log(
			`action node Media > Download: ${await mb('actionDownload')} | built-in WhatsApp node: Media > Get URL only`,
		);
		console.log(`action node Media > Upload from binary data (streamed): ${await mb('actionUpload')}`);
		console.log(
			`readBinaryFile + uploadMedia, streamed from binary data (for the upload call sites): ${await mb('streamedUpload')}`,
		);
	} finally {
		sandbox.kill();
	}
}

if (require.main === module) {
	const [kind, baseUrl, smallId, largeId] = process.argv.slice(2) as [Kind, string, string, string];
	measure(kind, baseUrl, smallId, largeId).then(
		(growth) => {
			process.stdout.write(`rss-growth-mb=${growth.toFixed(1)}\n`);
			process.exit(0);
		},
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
