import { graphError, httpStatusFor } from '../graphError';
import { unsupported, type GraphSandbox, type RouteModule } from '../server';
import { validateProfileUpdate } from '../validate/account';

export interface BusinessProfile {
	about: string;
	address: string;
	description: string;
	email: string;
	profile_picture_url: string;
	websites: string[];
	vertical: string;
}

const PROFILE_KEY = 'businessProfile.profiles';
const FIELDS = ['about', 'address', 'description', 'email', 'profile_picture_url', 'websites', 'vertical'];

/** The sandbox business profile of one phone number (in `state.extra`), created on first use. */
export function businessProfile(sandbox: GraphSandbox, phoneNumberId: string): BusinessProfile {
	let profiles = sandbox.state.extra.get(PROFILE_KEY) as Map<string, BusinessProfile> | undefined;
	if (!profiles) {
		profiles = new Map();
		sandbox.state.extra.set(PROFILE_KEY, profiles);
	}
	let profile = profiles.get(phoneNumberId);
	if (!profile) {
		profile = {
			about: 'Fresh fruit and vegetables, every day.',
			address: '1 Hacker Way, Menlo Park, CA 94025',
			description: "Jasper's Market sells fresh produce.",
			email: 'hello@jaspers.example',
			profile_picture_url: 'https://pps.whatsapp.net/v/t61/jaspers.jpg',
			websites: ['https://www.jaspers.example/'],
			vertical: 'GROCERY',
		};
		profiles.set(phoneNumberId, profile);
	}
	return profile;
}

/** `GET` / `POST /{phone}/whatsapp_business_profile` (doc 48). */
export const businessProfileRoutes: RouteModule = (sandbox) => {
	sandbox.route('GET', '/:phone/whatsapp_business_profile', (req) => {
		const phone = sandbox.state.phoneNumbers.get(req.params.phone);
		if (!phone) return unsupported('GET', req.params.phone);
		const wanted = req.query.fields
			? req.query.fields
					.split(',')
					.map((f) => f.trim())
					.filter(Boolean)
			: FIELDS;
		const unknown = wanted.find((field) => !FIELDS.includes(field) && field !== 'messaging_product');
		if (unknown) {
			return {
				status: 400,
				body: graphError(
					100,
					'Tried accessing nonexisting field',
					`Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessProfile)`,
				),
			};
		}
		const profile = businessProfile(sandbox, phone.id) as unknown as Record<string, unknown>;
		const record: Record<string, unknown> = { messaging_product: 'whatsapp' };
		for (const field of wanted) if (field in profile) record[field] = profile[field];
		return { status: 200, body: { data: [record] } };
	});

	sandbox.route('POST', '/:phone/whatsapp_business_profile', (req) => {
		const phone = sandbox.state.phoneNumbers.get(req.params.phone);
		if (!phone) return unsupported('POST', req.params.phone);
		const fault = validateProfileUpdate(req.json);
		if (fault) return { status: httpStatusFor(fault.code), body: graphError(fault.code, fault.title, fault.details) };
		const {
			messaging_product: _product,
			profile_picture_handle: handle,
			...changes
		} = req.json as Record<string, unknown>;
		const profile = businessProfile(sandbox, phone.id);
		Object.assign(profile, changes);
		if (typeof handle === 'string')
			profile.profile_picture_url = `https://pps.whatsapp.net/v/t61/${encodeURIComponent(handle)}.jpg`;
		return { status: 200, body: { success: true } };
	});
};
