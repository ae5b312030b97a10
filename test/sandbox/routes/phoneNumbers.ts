import type { RouteModule } from '../server';

/** Reading phone numbers (docs 12, 55, 60): enough for the credential test and the phone number pickers. */
export const phoneNumberRoutes: RouteModule = (sandbox) => {
	sandbox.onObject('GET', (req) => {
		const phone = sandbox.state.phoneNumbers.get(req.params.id);
		if (!phone) return undefined;
		const { registered: _registered, ...fields } = phone;
		const wanted = req.query.fields
			? req.query.fields.split(',').map((f) => f.trim())
			: ['verified_name', 'display_phone_number', 'quality_rating'];
		const body: Record<string, unknown> = { id: phone.id };
		for (const field of wanted) {
			if (field in fields) body[field] = fields[field as keyof typeof fields];
		}
		return { status: 200, body };
	});
};
