import type { IDataObject } from 'n8n-workflow';

import { locationRequestMessage } from '../../../nodes/WhatsAppCloud/messages/locationRequest';
import { InputError } from '../../../nodes/shared/InputError';

import { fixturePart, offlineContext } from './support';

const ctx = offlineContext();

async function inputError(params: IDataObject): Promise<InputError> {
	const error = await locationRequestMessage.build(params, ctx).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}

describe('location request message', () => {
	test('doc 50 example', async () => {
		const result = await locationRequestMessage.build(
			{
				interactiveBody:
					'Let us start with your pickup. You can either manually *enter an address* or *share your current location*.',
			},
			ctx,
		);
		expect(result).toStrictEqual(fixturePart('50-location-request-example-request'));
	});

	test('only a body field: doc 50 has no header or footer', () => {
		expect(locationRequestMessage.properties.map((p) => p.name)).toEqual(['interactiveBody']);
	});

	test('body is required', async () => {
		expect(await inputError({ interactiveBody: '' })).toMatchObject({ field: 'Body', message: 'Body is required' });
	});

	test('body up to 1024 characters', async () => {
		await expect(locationRequestMessage.build({ interactiveBody: 'x'.repeat(1024) }, ctx)).resolves.toBeDefined();
		expect(await inputError({ interactiveBody: 'x'.repeat(1025) })).toMatchObject({
			field: 'Body',
			message: 'Body is too long: 1025 characters, the limit is 1024',
		});
	});
});
