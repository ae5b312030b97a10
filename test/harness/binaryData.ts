/**
 * n8n's binary data in filesystem mode, as a self-hosted n8n 2.x keeps it by default (BinaryDataConfig:
 * `filesystem` unless queue mode): files go to disk and items carry an `id`, not the bytes. Without this,
 * n8n-core keeps binary data in memory (base64 in the item), which is not what large-file tests measure.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService, ExecuteSingleContext } from 'n8n-core';
import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FilesystemBinaryData {
	/** Where the files are stored. */
	dir: string;
	/** Puts back the in-memory binary data and deletes the files. */
	restore: () => void;
}

export async function useFilesystemBinaryData(): Promise<FilesystemBinaryData> {
	const dir = mkdtempSync(join(tmpdir(), 'wa-binary-data-'));
	const config = {
		mode: 'filesystem',
		availableModes: ['filesystem'],
		localStoragePath: dir,
		signingSecret: 'test-signing-secret',
	};
	const errorReporter = { error: () => {} };
	const service = new BinaryDataService(
		config as unknown as BinaryDataConfig,
		errorReporter as never,
		Container.get(Logger),
	);
	await service.init();
	Container.set(BinaryDataService, service);
	return {
		dir,
		restore: () => {
			// A service that was never initialised keeps binary data in memory, as n8n-core does in tests.
			Container.set(
				BinaryDataService,
				new BinaryDataService(config as unknown as BinaryDataConfig, errorReporter as never, Container.get(Logger)),
			);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * The real n8n-core ExecuteSingleContext that RoutingNode creates while `run` executes the action node (the
 * `this` of its preSend hooks), for calling shared transport functions the way a hook would.
 */
export async function captureExecuteSingleContext(run: () => Promise<unknown>): Promise<IExecuteSingleFunctions> {
	const original = ExecuteSingleContext.prototype.getNodeParameter;
	let captured: IExecuteSingleFunctions | undefined;
	const capture = (context: IExecuteSingleFunctions) => (captured ??= context);
	ExecuteSingleContext.prototype.getNodeParameter = function (
		this: ExecuteSingleContext,
		...args: Parameters<typeof original>
	) {
		capture(this);
		return original.apply(this, args);
	};
	try {
		await run();
	} finally {
		ExecuteSingleContext.prototype.getNodeParameter = original;
	}
	if (!captured) throw new Error('the run created no ExecuteSingleContext');
	return captured;
}
