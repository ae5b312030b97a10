import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { checkLength, checkOneOf, InputError, requireText } from '../../shared/InputError';
import { resolveBusinessAccountId, resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';

/** Docs 18, 56: a payment configuration name is at most 60 characters. */
export const MAX_CONFIGURATION_NAME = 60;
/** Docs 18, 56: reference_id is 1-35 characters of English letters, digits, `_`, `-` and `.`. */
export const MAX_REFERENCE_ID = 35;
const REFERENCE_ID = /^[A-Za-z0-9_.-]+$/;
export const PROVIDERS = ['payu', 'razorpay', 'upi_vpa', 'zaakpay'] as const;
export const REFUND_SPEEDS = ['instant', 'normal'] as const;

export function checkConfigurationName(value: unknown, field = 'Configuration Name'): string {
	const name = requireText(field, value).trim();
	checkLength(field, name, MAX_CONFIGURATION_NAME);
	return name;
}

export function checkReferenceId(value: unknown): string {
	const field = 'Reference ID';
	const id = requireText(field, value).trim();
	checkLength(field, id, MAX_REFERENCE_ID);
	if (!REFERENCE_ID.test(id)) {
		throw new InputError(
			field,
			`${field} may only contain English letters, digits, underscores, dashes and dots; got "${id}"`,
		);
	}
	return id;
}

function checkUrl(field: string, value: string, httpsOnly: boolean): string {
	const url = URL.canParse(value) ? new URL(value) : undefined;
	if (!url) throw new InputError(field, `${field} must be a full URL (https://…); got "${value}"`);
	if (httpsOnly ? url.protocol !== 'https:' : !['http:', 'https:'].includes(url.protocol)) {
		throw new InputError(field, `${field} must be an ${httpsOnly ? 'HTTPS' : 'HTTP or HTTPS'} URL; got "${value}"`);
	}
	return value;
}

/** Doc 56: INR amounts go as `value` = rupees x 100 with `offset` 100; written as strings, like the doc's example. */
export function refundAmount(value: unknown): IDataObject {
	const field = 'Amount';
	const rupees = typeof value === 'string' ? Number(value.trim()) : Number(value);
	if (value === '' || value === null || value === undefined || !Number.isFinite(rupees) || rupees <= 0) {
		throw new InputError(field, `${field} must be a positive amount in rupees, e.g. 12.34; got "${String(value)}"`);
	}
	const paise = Math.round(rupees * 100);
	if (Math.abs(paise - rupees * 100) > 1e-6) {
		throw new InputError(field, `${field} can have at most 2 decimals (paise); got ${rupees}`);
	}
	return { currency: 'INR', value: String(paise), offset: '100' };
}

/** Payment configuration operations on the WABA: the configuration name. */
export function checkConfiguration(ctx: IExecuteSingleFunctions): string {
	return checkConfigurationName(ctx.getNodeParameter('configurationName', ''));
}

/** Look Up Payment and Refund: the payment configuration and reference ID of the order. */
export function checkPaymentReference(ctx: IExecuteSingleFunctions): void {
	checkConfigurationName(ctx.getNodeParameter('configurationName', ''), 'Payment Configuration');
	checkReferenceId(ctx.getNodeParameter('referenceId', ''));
}

/** Update Data Endpoint: an HTTPS URL. */
export function checkDataEndpoint(ctx: IExecuteSingleFunctions): string {
	return checkUrl(
		'Data Endpoint URL',
		requireText('Data Endpoint URL', ctx.getNodeParameter('dataEndpointUrl', '')).trim(),
		true,
	);
}

/** preSend of Create Payment Configuration (doc 85): the body, with the provider's own fields. */
export const createConfigurationBody = allOrNothing(async function (requestOptions) {
	const name = checkConfigurationName(this.getNodeParameter('configurationName', ''));
	const provider = checkOneOf('Provider', String(this.getNodeParameter('providerName', '')), PROVIDERS);
	const fields = this.getNodeParameter('configurationFields', {}) as IDataObject;
	const body: IDataObject = { configuration_name: name, provider_name: provider };
	const text = (key: string) => String(fields[key] ?? '').trim();
	if (text('purposeCode')) body.purpose_code = text('purposeCode');
	if (text('merchantCategoryCode')) {
		// ISO 18245 merchant category codes are four digits (doc 85's example: "0000").
		if (!/^\d{4}$/.test(text('merchantCategoryCode'))) {
			throw new InputError(
				'Merchant Category Code',
				`Merchant Category Code must be 4 digits; got "${text('merchantCategoryCode')}"`,
			);
		}
		body.merchant_category_code = text('merchantCategoryCode');
	}
	if (provider === 'upi_vpa') {
		const vpa = String(this.getNodeParameter('merchantVpa', '') ?? '').trim();
		if (vpa) {
			if (!/^[^@\s]+@[^@\s]+$/.test(vpa)) {
				throw new InputError('Merchant VPA', `Merchant VPA must be a UPI handle like name@bank; got "${vpa}"`);
			}
			body.merchant_vpa = vpa;
		}
	} else if (text('redirectUrl')) {
		body.redirect_url = checkUrl('Redirect URL', text('redirectUrl'), false);
	}
	await resolveBusinessAccountId(this);
	requestOptions.body = body;
	return requestOptions;
});

/** Regenerate OAuth Link: the redirect URL, when set, is an HTTP(S) URL. */
export function checkOAuthRedirect(ctx: IExecuteSingleFunctions): void {
	const redirect = String((ctx.getNodeParameter('oauthOptions', {}) as IDataObject).redirectUrl ?? '').trim();
	if (redirect) checkUrl('Redirect URL', redirect, false);
}

/** preSend of Refund (doc 56): the body, amount in paise. */
export const refundBody = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const referenceId = checkReferenceId(this.getNodeParameter('referenceId', ''));
	const name = checkConfigurationName(this.getNodeParameter('configurationName', ''), 'Payment Configuration');
	const amount = refundAmount(this.getNodeParameter('amount', 0));
	const speed = String((this.getNodeParameter('refundOptions', {}) as IDataObject).speed ?? '');
	const body: IDataObject = { reference_id: referenceId };
	if (speed) body.speed = checkOneOf('Speed', speed, REFUND_SPEEDS);
	body.payment_config_id = name;
	body.amount = amount;
	requestOptions.body = body;
	return requestOptions;
});
