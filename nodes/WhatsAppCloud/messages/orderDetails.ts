import type { MessageType } from './MessageType';
import { buildBody, buildFooter, buildHeader, interactiveMessage } from './interactiveParts';
import { checkOneOf } from '../../shared/InputError';
import { checkOrderParameters, HEADER_KINDS, text, type OrderCountry } from './orderDetailsChecks';
import { formOrderParameters, orderDetailsProperties } from './orderDetailsForm';

/**
 * order_details ("review and pay"): India (docs 18 legacy UPI, 56 payment gateways, 70 UPI intent link,
 * 71 payment links) and Brazil (docs 76 orders, 46 Pix, 53 payment links, 40 Boleto).
 * The form builds the `parameters` object; the JSON mode takes it whole. Both go through the same checks.
 */
export const orderDetailsMessage: MessageType = {
	operation: 'sendOrderDetails',
	name: 'Send Order Details',
	action: 'Send an order details (payment request) message',
	description: 'Ask the user to review and pay for an order (India, Brazil)',
	properties: orderDetailsProperties,
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		const body = buildBody(params);
		const footer = buildFooter(params);
		const country = checkOneOf<OrderCountry>('Country', text(params.orderDetailsCountry) || 'IN', ['IN', 'BR']);
		const parameters =
			params.orderDetailsInput === 'json'
				? checkOrderParameters(params.orderDetailsParametersJson, country, {
						checkTotals: params.orderDetailsCheckTotals !== false,
					})
				: checkOrderParameters(formOrderParameters(params, country), country, { checkTotals: true });
		return await interactiveMessage(ctx, 'order_details', {
			header,
			body,
			footer,
			action: { name: 'review_and_pay', parameters },
		});
	},
};
