import { graphError, httpStatusFor } from '../graphError';
import { unsupported, type GraphSandbox, type RouteModule } from '../server';
import { validateCommerceSettingsUpdate } from '../validate/accountB';

const KEY = 'commerceSettings';

export interface CommerceSettings {
	is_cart_enabled: boolean;
	is_catalog_visible: boolean;
	id: string;
}

/** Per phone number; doc 11's defaults: cart enabled, catalog hidden. */
export function commerceSettingsState(sandbox: GraphSandbox): Map<string, CommerceSettings> {
	let state = sandbox.state.extra.get(KEY) as Map<string, CommerceSettings> | undefined;
	if (!state) {
		state = new Map();
		for (const phone of sandbox.state.phoneNumbers.keys()) {
			state.set(phone, { is_cart_enabled: true, is_catalog_visible: false, id: sandbox.newId() });
		}
		sandbox.state.extra.set(KEY, state);
	}
	return state;
}

/** Get and set the cart / catalog visibility of a number (doc 11). */
export const commerceSettingsRoutes: RouteModule = (sandbox) => {
	sandbox.route('GET', '/:phone/whatsapp_commerce_settings', (req) => {
		const settings = commerceSettingsState(sandbox).get(req.params.phone);
		if (!settings) return unsupported('GET', req.params.phone);
		return { status: 200, body: { data: [{ ...settings }] } };
	});

	sandbox.route('POST', '/:phone/whatsapp_commerce_settings', (req) => {
		const settings = commerceSettingsState(sandbox).get(req.params.phone);
		if (!settings) return unsupported('POST', req.params.phone);
		const fault = validateCommerceSettingsUpdate(req.query, req.json ?? req.form);
		if (fault)
			return {
				status: fault.httpStatus ?? httpStatusFor(fault.code),
				body: graphError(fault.code, fault.title, fault.details),
			};
		if (req.query.is_cart_enabled !== undefined) settings.is_cart_enabled = req.query.is_cart_enabled === 'true';
		if (req.query.is_catalog_visible !== undefined)
			settings.is_catalog_visible = req.query.is_catalog_visible === 'true';
		return { status: 200, body: { success: true } };
	});
};
