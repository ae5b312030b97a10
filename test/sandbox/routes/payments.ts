import { graphError, httpStatusFor } from '../graphError';
import { unsupported, type GraphSandbox, type RouteModule, type SandboxRequest, type SandboxResponse } from '../server';
import { SANDBOX_IDS } from '../state';
import type { GraphFault } from '../validate/fault';
import {
	validateCreatePaymentConfiguration,
	validateDataEndpoint,
	validateOAuthLink,
	validatePaymentLookup,
	validateRefund,
	validateRemovePaymentConfiguration,
} from '../validate/accountB';

const KEY = 'payments';
const OAUTH_URL = 'https://www.facebook.com/payment/onboarding/init/';

export interface PaymentConfiguration {
	configuration_name: string;
	merchant_category_code?: { code: string; description: string };
	purpose_code?: { code: string; description: string };
	status: 'Active' | 'Needs_Connecting' | 'Needs_Testing';
	provider_mid?: string;
	provider_name: string;
	merchant_vpa?: string;
	created_timestamp: number;
	updated_timestamp: number;
	/** Kept by the sandbox; not part of the documented GET answer. */
	data_endpoint_url?: string;
}

export interface Refund {
	id: string;
	amount: { value: number; offset: number };
	speed_processed: 'instant' | 'normal';
	status: 'pending' | 'success' | 'failed';
	created_timestamp: number;
	updated_timestamp: number;
}

export interface Payment {
	reference_id: string;
	status: 'pending' | 'captured';
	currency: 'INR';
	total_amount: { value: number; offset: number };
	transactions: Array<{
		id: string;
		type: string;
		status: 'pending' | 'success' | 'failed';
		created_timestamp: number;
		updated_timestamp: number;
		method?: { type: string };
		refunds?: Refund[];
	}>;
	[key: string]: unknown;
}

export interface PaymentsState {
	/** WABA ID -> configuration name -> configuration. */
	configurations: Map<string, Map<string, PaymentConfiguration>>;
	/** `${phone}/${configuration}/${reference_id}` -> payment. */
	payments: Map<string, Payment>;
	/** Test knob: this many lookups answer doc 56's On-Premises style generic error. */
	lookupFailures: number;
}

/** Doc 85's sample configuration, as its GET answer shows it (provider "RazorPay"). */
export const DOC_CONFIGURATION: PaymentConfiguration = {
	configuration_name: 'test-payment-configuration',
	merchant_category_code: { code: '0000', description: 'Test MCC Code' },
	purpose_code: { code: '00', description: 'Test Purpose Code' },
	status: 'Active',
	provider_mid: 'test-payment-gateway-mid',
	provider_name: 'RazorPay',
	created_timestamp: 1720203204,
	updated_timestamp: 1721088316,
};

const paymentKey = (phone: string, configuration: string, referenceId: string) =>
	`${phone}/${configuration}/${referenceId}`;

export function paymentsState(sandbox: GraphSandbox): PaymentsState {
	let state = sandbox.state.extra.get(KEY) as PaymentsState | undefined;
	if (!state) {
		const now = Math.floor(Date.now() / 1000);
		const configurations = new Map<string, PaymentConfiguration>([
			[DOC_CONFIGURATION.configuration_name, structuredClone(DOC_CONFIGURATION)],
			[
				'payment-config-id',
				{
					configuration_name: 'payment-config-id',
					status: 'Active',
					provider_name: 'razorpay',
					provider_mid: 'rzp-mid-1',
					created_timestamp: now,
					updated_timestamp: now,
				},
			],
			[
				'upi-config',
				{
					configuration_name: 'upi-config',
					status: 'Active',
					provider_name: 'upi_vpa',
					merchant_vpa: 'jasper@upi',
					created_timestamp: now,
					updated_timestamp: now,
				},
			],
		]);
		const captured: Payment = {
			reference_id: 'reference-id-value',
			status: 'captured',
			currency: 'INR',
			total_amount: { value: 21000, offset: 100 },
			transactions: [
				{
					id: 'pay_failed_1',
					type: 'razorpay',
					status: 'failed',
					created_timestamp: now - 600,
					updated_timestamp: now - 590,
					method: { type: 'card' },
				},
				{
					id: 'pay_success_2',
					type: 'razorpay',
					status: 'success',
					created_timestamp: now - 300,
					updated_timestamp: now - 290,
					method: { type: 'upi' },
					refunds: [],
				},
			],
			receipt: 'receipt-value',
			notes: { key1: 'value1' },
		};
		const pending: Payment = {
			reference_id: 'BM345A-12',
			status: 'pending',
			currency: 'INR',
			total_amount: { value: 50000, offset: 100 },
			transactions: [
				{
					id: 'pay_pending_3',
					type: 'razorpay',
					status: 'pending',
					created_timestamp: now - 60,
					updated_timestamp: now - 60,
				},
			],
		};
		state = {
			configurations: new Map([[SANDBOX_IDS.businessAccountId, configurations]]),
			payments: new Map([
				[paymentKey(SANDBOX_IDS.phoneNumberId, 'payment-config-id', captured.reference_id), captured],
				[paymentKey(SANDBOX_IDS.phoneNumberId, 'payment-config-id', pending.reference_id), pending],
			]),
			lookupFailures: 0,
		};
		sandbox.state.extra.set(KEY, state);
	}
	return state;
}

const faultResponse = (fault: GraphFault): SandboxResponse => ({
	status: fault.httpStatus ?? httpStatusFor(fault.code),
	body: graphError(fault.code, fault.title, fault.details),
});

const invalid = (details: string): SandboxResponse => ({
	status: 400,
	body: graphError(100, 'Invalid parameter', details),
});

const notFound = (name: string) =>
	invalid(`Payment configuration "${name}" does not exist on this WhatsApp Business Account.`);

/** India payments: onboarding APIs (doc 85), payment lookup and refunds (doc 56). */
export const paymentRoutes: RouteModule = (sandbox) => {
	const configurationsOf = (req: SandboxRequest) => paymentsState(sandbox).configurations.get(req.params.waba);
	const { oauthExpiration } = { oauthExpiration: () => Math.floor(Date.now() / 1000) + 24 * 3600 };

	// Docs: doc 85 lists with the plural `payment_configurations`; every other configuration path is singular.
	sandbox.route('GET', '/:waba/payment_configurations', (req) => {
		const configurations = configurationsOf(req);
		if (!configurations) return unsupported('GET', req.params.waba);
		const list = [...configurations.values()].map(
			({ data_endpoint_url: _endpoint, ...configuration }) => configuration,
		);
		return { status: 200, body: { data: [{ payment_configurations: list }] } };
	});

	sandbox.route('GET', '/:waba/payment_configuration/:name', (req) => {
		const configurations = configurationsOf(req);
		if (!configurations) return unsupported('GET', req.params.waba);
		const found = configurations.get(req.params.name);
		if (!found) return notFound(req.params.name);
		const { data_endpoint_url: _endpoint, ...configuration } = found;
		return { status: 200, body: { data: [configuration] } };
	});

	sandbox.route('POST', '/:waba/payment_configuration', (req) => {
		const configurations = configurationsOf(req);
		if (!configurations) return unsupported('POST', req.params.waba);
		const fault = validateCreatePaymentConfiguration(req.json);
		if (fault) return faultResponse(fault);
		const body = req.json as Record<string, string>;
		if (configurations.has(body.configuration_name)) {
			return invalid(`A payment configuration named "${body.configuration_name}" already exists.`);
		}
		const now = Math.floor(Date.now() / 1000);
		const upi = body.provider_name === 'upi_vpa';
		configurations.set(body.configuration_name, {
			configuration_name: body.configuration_name,
			...(body.merchant_category_code
				? { merchant_category_code: { code: body.merchant_category_code, description: 'Merchant category' } }
				: {}),
			...(body.purpose_code ? { purpose_code: { code: body.purpose_code, description: 'Purpose' } } : {}),
			status: upi ? 'Active' : 'Needs_Connecting',
			provider_name: body.provider_name,
			...(body.merchant_vpa ? { merchant_vpa: body.merchant_vpa } : {}),
			created_timestamp: now,
			updated_timestamp: now,
		});
		return {
			status: 200,
			body: upi ? { success: true } : { oauth_url: OAUTH_URL, expiration: oauthExpiration(), success: true },
		};
	});

	// Doc 85 shows no answer for the data endpoint update; the sandbox answers `{ success: true }` like the other writes.
	sandbox.route('POST', '/:waba/payment_configuration/:name', (req) => {
		const configurations = configurationsOf(req);
		if (!configurations) return unsupported('POST', req.params.waba);
		const found = configurations.get(req.params.name);
		if (!found) return notFound(req.params.name);
		const fault = validateDataEndpoint(req.json);
		if (fault) return faultResponse(fault);
		found.data_endpoint_url = (req.json as { data_endpoint_url: string }).data_endpoint_url;
		found.updated_timestamp = Math.floor(Date.now() / 1000);
		return { status: 200, body: { success: true } };
	});

	sandbox.route('POST', '/:waba/generate_payment_configuration_oauth_link', (req) => {
		const configurations = configurationsOf(req);
		if (!configurations) return unsupported('POST', req.params.waba);
		const fault = validateOAuthLink(req.json);
		if (fault) return faultResponse(fault);
		const name = (req.json as { configuration_name: string }).configuration_name;
		const found = configurations.get(name);
		if (!found) return notFound(name);
		if (found.provider_name === 'upi_vpa')
			return invalid(
				`Payment configuration "${name}" is a UPI VPA configuration; only payment gateway configurations have an OAuth link.`,
			);
		return { status: 200, body: { oauth_url: OAUTH_URL, expiration: oauthExpiration() } };
	});

	sandbox.route('DELETE', '/:waba/payment_configuration', (req) => {
		const configurations = configurationsOf(req);
		if (!configurations) return unsupported('DELETE', req.params.waba);
		const fault = validateRemovePaymentConfiguration(req.json);
		if (fault) return faultResponse(fault);
		const name = (req.json as { configuration_name: string }).configuration_name;
		if (!configurations.delete(name)) return notFound(name);
		return { status: 200, body: { success: true } };
	});

	sandbox.route('GET', '/:phone/payments/:configuration/:reference', (req) => {
		if (!sandbox.state.phoneNumbers.has(req.params.phone)) return unsupported('GET', req.params.phone);
		const state = paymentsState(sandbox);
		if (state.lookupFailures > 0) {
			state.lookupFailures--;
			// Docs: doc 56's lookup error example is On-Premises style (`errors[]`, code 500).
			return {
				status: 500,
				body: { errors: [{ code: 500, title: 'Generic error', details: 'System error. Please try again.' }] },
			};
		}
		const fault = validatePaymentLookup(req.params.configuration, req.params.reference);
		if (fault) return faultResponse(fault);
		const payment = state.payments.get(paymentKey(req.params.phone, req.params.configuration, req.params.reference));
		if (!payment) {
			return invalid(
				`No payment found for reference_id "${req.params.reference}" with payment configuration "${req.params.configuration}".`,
			);
		}
		return { status: 200, body: { payments: [structuredClone(payment)] } };
	});

	sandbox.route('POST', '/:phone/payments_refund', (req) => {
		if (!sandbox.state.phoneNumbers.has(req.params.phone)) return unsupported('POST', req.params.phone);
		const fault = validateRefund(req.json);
		if (fault) return faultResponse(fault);
		const body = req.json as {
			reference_id: string;
			payment_config_id: string;
			speed?: 'instant' | 'normal';
			amount: { value: string };
		};
		const payment = paymentsState(sandbox).payments.get(
			paymentKey(req.params.phone, body.payment_config_id, body.reference_id),
		);
		if (!payment)
			return invalid(
				`No payment found for reference_id "${body.reference_id}" with payment configuration "${body.payment_config_id}".`,
			);
		const paid = payment.transactions.find((transaction) => transaction.status === 'success');
		if (payment.status !== 'captured' || !paid)
			return invalid(`The payment for reference_id "${body.reference_id}" is not captured, so it cannot be refunded.`);
		const refunded = (paid.refunds ?? [])
			.filter((r) => r.status !== 'failed')
			.reduce((sum, r) => sum + r.amount.value, 0);
		const value = Number(body.amount.value);
		if (refunded + value > payment.total_amount.value) {
			return invalid(
				`Refund of ${value} exceeds the refundable amount ${payment.total_amount.value - refunded} (offset 100).`,
			);
		}
		const now = Math.floor(Date.now() / 1000);
		const refund: Refund = {
			id: `rfnd_${sandbox.newId()}`,
			amount: { value, offset: 100 },
			speed_processed: body.speed ?? 'normal',
			status: 'pending',
			created_timestamp: now,
			updated_timestamp: now,
		};
		paid.refunds = [...(paid.refunds ?? []), refund];
		return { status: 200, body: { id: refund.id, status: refund.status, speed_processed: refund.speed_processed } };
	});
};
