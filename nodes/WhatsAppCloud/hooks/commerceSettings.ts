import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';

/** preSend for Get (doc 11). */
export const commerceSettingsUrl = allOrNothing(async function (requestOptions) {
	requestOptions.url = `/${await resolvePhoneNumberId(this)}/whatsapp_commerce_settings`;
	return requestOptions;
});

/** preSend for Update (doc 11): only the settings the user added are sent. */
export const updateCommerceSettings = allOrNothing(async function (requestOptions) {
	const phoneNumberId = await resolvePhoneNumberId(this);
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof fields.isCartEnabled === 'boolean') qs.is_cart_enabled = String(fields.isCartEnabled);
	if (typeof fields.isCatalogVisible === 'boolean') qs.is_catalog_visible = String(fields.isCatalogVisible);
	if (Object.keys(qs).length === 0) {
		throw new InputError('Update Fields', 'Update Fields is empty: add Cart Enabled or Catalog Visible');
	}
	requestOptions.url = `/${phoneNumberId}/whatsapp_commerce_settings`;
	// Docs: doc 11 sends both settings as query string parameters, with no body.
	requestOptions.qs = { ...requestOptions.qs, ...qs };
	requestOptions.body = {};
	return requestOptions;
});
