import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import type { BuildContext, MessageType } from '../../../nodes/WhatsAppCloud/messages/MessageType';
import { InputError } from '../../../nodes/shared/InputError';

/** A BuildContext for unit tests: no network; any upload or Graph read fails unless overridden. */
export function offlineContext(overrides: Partial<BuildContext> = {}): BuildContext {
	return {
		uploadBinary: async () => {
			throw new Error('unexpected upload in this test');
		},
		graphGet: async () => {
			throw new Error('unexpected Graph request in this test');
		},
		businessAccountId: async () => '102290129340398',
		...overrides,
	};
}

/** The documented request body of a message fixture (test/fixtures/docs/messages/<name>.json). */
export function fixtureBody(name: string): IDataObject {
	const { body } = JSON.parse(
		readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'),
	) as {
		body: IDataObject;
	};
	return body;
}

/** The type part of a documented body, i.e. what `MessageType.build` returns: `{ type, [type]: {...} }`. */
export function fixturePart(name: string): IDataObject {
	const body = fixtureBody(name);
	const type = typeof body.type === 'string' ? body.type : 'text';
	return { type, [type]: body[type] };
}

/** The node's parameters for a message type as the editor stores them: every field's default, then `values`. */
export function withDefaults(type: MessageType, values: IDataObject): IDataObject {
	const all: IDataObject = {};
	for (const property of type.properties) all[property.name] = property.default as IDataObject[string];
	return { ...all, ...values };
}

/** Awaits a build that must fail the pre-send checks and returns its InputError. */
export async function expectInputError(building: Promise<unknown>): Promise<InputError> {
	const error = await building.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}
