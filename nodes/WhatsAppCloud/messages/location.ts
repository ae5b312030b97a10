import type { MessageType } from './MessageType';
import { InputError, requireText } from '../../shared/InputError';

/** Reads a coordinate given as a number (form) or a numeric string (expression) and checks its range. */
export function coordinate(field: string, value: unknown, limit: number): number {
	const number =
		typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(number)) {
		throw new InputError(field, `${field} must be a number in decimal degrees; got "${String(value ?? '')}"`);
	}
	if (number < -limit || number > limit) {
		throw new InputError(field, `${field} is out of range: ${number}, it must be between -${limit} and ${limit}`);
	}
	return number;
}

export const locationMessage: MessageType = {
	operation: 'sendLocation',
	name: 'Send Location',
	action: 'Send a location message',
	description: 'Send a map pin with an optional name and address',
	properties: [
		{
			displayName: 'Latitude',
			name: 'latitude',
			type: 'number',
			typeOptions: { minValue: -90, maxValue: 90 },
			default: 0,
			required: true,
			placeholder: '37.44216251868683',
			description: 'Latitude in decimal degrees, from -90 to 90',
		},
		{
			displayName: 'Longitude',
			name: 'longitude',
			type: 'number',
			typeOptions: { minValue: -180, maxValue: 180 },
			default: 0,
			required: true,
			placeholder: '-122.16153582049394',
			description: 'Longitude in decimal degrees, from -180 to 180',
		},
		{
			displayName: 'Name',
			name: 'locationName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Philz Coffee',
			description: 'Name of the place, shown above the address',
		},
		{
			displayName: 'Address',
			name: 'locationAddress',
			type: 'string',
			default: '',
			required: true,
			placeholder: '101 Forest Ave, Palo Alto, CA 94301',
			description: 'Address of the place',
		},
	],
	async build(params) {
		const latitude = coordinate('Latitude', params.latitude, 90);
		const longitude = coordinate('Longitude', params.longitude, 180);
		// Docs: name/address are optional in the guide (17) but "Required" in the reference (16); we follow the reference.
		const name = requireText('Name', params.locationName);
		const address = requireText('Address', params.locationAddress);
		// Docs: coordinates are strings in the guide's example (17) and bare numbers in the reference's (16); we send numbers.
		return { type: 'location', location: { latitude, longitude, name, address } };
	},
};
