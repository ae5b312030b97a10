import type { MessageType } from './MessageType';
import {
	bodyProperty,
	buildBody,
	buildFooter,
	buildHeader,
	footerProperty,
	headerProperties,
	interactiveMessage,
	type HeaderKind,
} from './interactiveParts';
import { orderParameters, orderProperties } from '../orders/form';

// Docs: header image only; the `image.provider` of the India examples (18, 56, 71) is On-Premises only per
// reference page 16, so the node never sends it.
const HEADER_KINDS: readonly HeaderKind[] = ['image'];

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
	properties: [...headerProperties(HEADER_KINDS), bodyProperty(), footerProperty(), ...orderProperties],
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		const body = buildBody(params);
		const footer = buildFooter(params);
		const parameters = orderParameters(params);
		return await interactiveMessage(ctx, 'order_details', {
			header,
			body,
			footer,
			action: { name: 'review_and_pay', parameters },
		});
	},
};
