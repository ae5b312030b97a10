import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { checkCount, checkLength, checkOneOf, InputError } from '../../shared/InputError';
import { collectionItems, entryString } from '../formValues';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';

/** Business profile limits and categories (doc 48). */
export const PROFILE_LIMITS = {
	about: 139,
	address: 256,
	description: 512,
	email: 128,
	websites: 2,
	website: 256,
} as const;

export const PROFILE_VERTICALS = [
	'ALCOHOL',
	'APPAREL',
	'AUTO',
	'BEAUTY',
	'EDU',
	'ENTERTAIN',
	'EVENT_PLAN',
	'FINANCE',
	'GOVT',
	'GROCERY',
	'HEALTH',
	'HOTEL',
	'NONPROFIT',
	'ONLINE_GAMBLING',
	'OTC_DRUGS',
	'OTHER',
	'PHYSICAL_GAMBLING',
	'PROF_SERVICES',
	'RESTAURANT',
	'RETAIL',
	'TRAVEL',
] as const;

export const PROFILE_FIELDS = [
	'about',
	'address',
	'description',
	'email',
	'profile_picture_url',
	'vertical',
	'websites',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Business Profile › Get: the chosen fields are names Graph knows. */
export function checkProfileFields(ctx: IExecuteSingleFunctions): void {
	const fields = (ctx.getNodeParameter('profileFields', []) as string[]) ?? [];
	for (const field of fields) checkOneOf('Fields', field, PROFILE_FIELDS);
}

/** Checks the update fields against doc 48 and builds the body (`messaging_product` plus the given fields). */
export function buildProfileUpdate(fields: IDataObject): IDataObject {
	const body: IDataObject = { messaging_product: 'whatsapp' };
	const text = (key: string) => (fields[key] === undefined ? undefined : String(fields[key]));
	const about = text('about');
	if (about !== undefined) {
		if (about === '') throw new InputError('About', 'About cannot be empty: 1 to 139 characters');
		checkLength('About', about, PROFILE_LIMITS.about, 1);
		body.about = about;
	}
	const address = text('address');
	if (address !== undefined) {
		checkLength('Address', address, PROFILE_LIMITS.address);
		body.address = address;
	}
	const description = text('description');
	if (description !== undefined) {
		checkLength('Description', description, PROFILE_LIMITS.description);
		body.description = description;
	}
	const email = text('email');
	if (email !== undefined) {
		checkLength('Email', email, PROFILE_LIMITS.email);
		if (!EMAIL.test(email)) {
			throw new InputError('Email', `Email must be a valid email address; got "${email}"`);
		}
		body.email = email;
	}
	const vertical = text('vertical');
	if (vertical !== undefined) {
		body.vertical = vertical === '' ? '' : checkOneOf('Vertical', vertical, PROFILE_VERTICALS);
	}
	if (fields.websites !== undefined && fields.websitesJson !== undefined) {
		throw new InputError('Websites', 'Websites: use either Websites or Websites (JSON), not both');
	}
	const websitesInput = fields.websitesJson ?? fields.websites;
	if (websitesInput !== undefined) {
		const websites = collectionItems('Websites', websitesInput, 'website').map((entry) =>
			typeof entry === 'string' ? entry : entryString(entry, 'url'),
		);
		checkCount('Websites', websites, 0, PROFILE_LIMITS.websites, 'websites');
		websites.forEach((url, i) => {
			const label = `Websites > Website ${i + 1}`;
			checkLength(label, url, PROFILE_LIMITS.website);
			if (!/^https?:\/\/\S+$/i.test(url)) {
				throw new InputError(label, `${label} must start with http:// or https://; got "${url}"`);
			}
		});
		if (websites.length) body.websites = websites;
	}
	const handle = text('profilePictureHandle');
	if (handle !== undefined && handle.trim() !== '') body.profile_picture_handle = handle.trim();
	if (Object.keys(body).length === 1) {
		throw new InputError('Update Fields', 'Update Fields: add at least one business profile field to change');
	}
	return body;
}

/** preSend of Business Profile › Update: the body of the fields given. */
export const profileUpdateBody = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const fields = this.getNodeParameter('profileUpdateFields', {}) as IDataObject;
	requestOptions.body = buildProfileUpdate(fields);
	return requestOptions;
});
