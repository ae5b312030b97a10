import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import { locationMessage } from '../../../nodes/WhatsAppCloud/messages/location';
import { InputError } from '../../../nodes/shared/InputError';

import { offlineContext } from './support';

const ctx = offlineContext({ uploadBinary: jest.fn() });

function fixture(name: string): IDataObject {
	const { body } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/docs/messages', `${name}.json`), 'utf8'));
	return { type: body.type, [body.type]: body[body.type] };
}

const form = (values: IDataObject): IDataObject => ({
	latitude: 37.44216251868683,
	longitude: -122.16153582049394,
	locationName: 'Philz Coffee',
	locationAddress: '101 Forest Ave, Palo Alto, CA 94301',
	...values,
});

async function build(values: IDataObject): Promise<IDataObject> {
	return JSON.parse(JSON.stringify(await locationMessage.build(form(values), ctx)));
}

async function inputError(values: IDataObject): Promise<InputError> {
	const error = await locationMessage.build(form(values), ctx).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}

describe('location message', () => {
	it('17 example: same place, name and address, coordinates as numbers', async () => {
		const documented = fixture('17-location');
		const location = documented.location as IDataObject;
		const out = await build({});
		// Docs: 17 shows the coordinates as strings, 16 (the reference) as numbers; we send numbers with the same digits.
		expect(out).toEqual({
			...documented,
			location: { ...location, latitude: Number(location.latitude), longitude: Number(location.longitude) },
		});
		expect(String((out.location as IDataObject).latitude)).toBe(location.latitude);
		expect(String((out.location as IDataObject).longitude)).toBe(location.longitude);
	});

	it('sends numbers even when an expression gives strings (reference 16)', async () => {
		const out = await build({ latitude: '37.44216251868683', longitude: ' -122.16153582049394 ' });
		expect(out.location).toEqual({
			latitude: 37.44216251868683,
			longitude: -122.16153582049394,
			name: 'Philz Coffee',
			address: '101 Forest Ave, Palo Alto, CA 94301',
		});
		expect(typeof (out.location as IDataObject).latitude).toBe('number');
	});

	it('name and address are required, as in reference 16', async () => {
		const name = await inputError({ locationName: '' });
		expect([name.field, name.message]).toEqual(['Name', 'Name is required']);
		const address = await inputError({ locationAddress: '  ' });
		expect([address.field, address.message]).toEqual(['Address', 'Address is required']);
	});

	it.each([
		[{ latitude: 90.5 }, 'Latitude', 'Latitude is out of range: 90.5, it must be between -90 and 90'],
		[{ latitude: -91 }, 'Latitude', 'Latitude is out of range: -91, it must be between -90 and 90'],
		[{ longitude: 180.01 }, 'Longitude', 'Longitude is out of range: 180.01, it must be between -180 and 180'],
		[{ longitude: '-200' }, 'Longitude', 'Longitude is out of range: -200, it must be between -180 and 180'],
		[{ latitude: 'north' }, 'Latitude', 'Latitude must be a number in decimal degrees; got "north"'],
		[{ longitude: '' }, 'Longitude', 'Longitude must be a number in decimal degrees; got ""'],
		[{ latitude: null }, 'Latitude', 'Latitude must be a number in decimal degrees; got ""'],
	])('rejects %j', async (values, field, message) => {
		const error = await inputError(values);
		expect(error.field).toBe(field);
		expect(error.message).toBe(message);
	});

	it('accepts the edges of the ranges', async () => {
		const out = await build({ latitude: -90, longitude: 180 });
		expect(out.location).toMatchObject({ latitude: -90, longitude: 180 });
		const other = await build({ latitude: 90, longitude: -180 });
		expect(other.location).toMatchObject({ latitude: 90, longitude: -180 });
	});

	it('has the documented form fields', () => {
		expect(locationMessage.properties.map((p) => [p.name, p.type])).toEqual([
			['latitude', 'number'],
			['longitude', 'number'],
			['locationName', 'string'],
			['locationAddress', 'string'],
		]);
		expect(locationMessage.operation).toBe('sendLocation');
	});
});
