import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import { bodyProperty, buildBody, buildFooter, footerProperty, interactiveMessage } from './interactiveParts';
import { checkReferenceId, toUnixSeconds } from '../orders/math';
import { checkLength, checkOneOf } from '../../shared/InputError';

export const MAX_ORDER_STATUS_DESCRIPTION = 120;

// Docs: order.status values from the order_status parameters table (56: underscore `partially_shipped`), not the
// order-details tables' `pending|captured|failed` (those are payment statuses) nor the hyphenated `partially-shipped`.
export const ORDER_STATUSES = ['processing', 'partially_shipped', 'shipped', 'completed', 'canceled'] as const;
export const PAYMENT_STATUSES = ['pending', 'captured', 'failed'] as const;

export const orderStatusMessage: MessageType = {
	operation: 'sendOrderStatus',
	name: 'Send Order Status',
	action: 'Send an order status update',
	description: "Tell the user an order's new status after an order details message",
	properties: [
		bodyProperty(),
		footerProperty(),
		{
			displayName: 'Reference ID',
			name: 'orderStatusReferenceId',
			type: 'string',
			default: '',
			required: true,
			description: 'The reference ID of the order details message this update is about',
		},
		{
			displayName: 'Order Status',
			name: 'orderStatusStatus',
			type: 'options',
			options: [
				{ name: 'Canceled', value: 'canceled', description: 'Cancel the order; fails if it is already paid (final)' },
				{ name: 'Completed', value: 'completed', description: 'Done; no further updates (final)' },
				{
					name: 'Partially Shipped',
					value: 'partially_shipped',
					description: 'Some of the products have been shipped',
				},
				{ name: 'Processing', value: 'processing', description: 'Payment authorized, the order is being fulfilled' },
				{ name: 'Shipped', value: 'shipped', description: 'All products have been shipped' },
			],
			default: 'processing',
			description:
				'New status of the order. Pending can move to any status; processing, partially shipped and shipped can move between each other or to completed or canceled.',
		},
		{
			displayName: 'Status Description',
			name: 'orderStatusDescription',
			type: 'string',
			default: '',
			description: `Optional text shown with the status on the order details page (e.g. a cancellation reason), up to ${MAX_ORDER_STATUS_DESCRIPTION} characters`,
		},
		{
			displayName: 'Payment Status (Brazil)',
			name: 'orderStatusPaymentStatus',
			type: 'options',
			options: [
				{ name: 'None', value: 'none', description: 'Do not send a payment status' },
				{ name: 'Pending', value: 'pending' },
				{ name: 'Captured', value: 'captured', description: 'Shows a "paid" label on the order' },
				{ name: 'Failed', value: 'failed' },
			],
			default: 'none',
			description: 'Brazil only: the payment status of the order',
		},
		{
			displayName: 'Payment Time',
			name: 'orderStatusPaymentTimestamp',
			type: 'dateTime',
			default: '',
			displayOptions: { hide: { orderStatusPaymentStatus: ['none'] } },
			description: 'Optional time of the payment status change (sent as a Unix time in seconds)',
		},
	],
	async build(params, ctx) {
		const body = buildBody(params);
		const footer = buildFooter(params);
		const referenceId = checkReferenceId('Reference ID', params.orderStatusReferenceId);
		const status = checkOneOf('Order Status', String(params.orderStatusStatus ?? ''), ORDER_STATUSES);
		const description = typeof params.orderStatusDescription === 'string' ? params.orderStatusDescription : '';
		checkLength('Status Description', description, MAX_ORDER_STATUS_DESCRIPTION);

		const order: IDataObject = { status };
		if (description.trim() !== '') order.description = description;
		const parameters: IDataObject = { reference_id: referenceId, order };

		const paymentStatus = String(params.orderStatusPaymentStatus ?? 'none') || 'none';
		if (paymentStatus !== 'none') {
			const payment: IDataObject = {
				status: checkOneOf('Payment Status (Brazil)', paymentStatus, PAYMENT_STATUSES),
			};
			const time = params.orderStatusPaymentTimestamp;
			if (time !== undefined && time !== null && time !== '') {
				payment.timestamp = toUnixSeconds('Payment Time', time);
			}
			parameters.payment = payment;
		}

		return await interactiveMessage(ctx, 'order_status', {
			body,
			footer,
			action: { name: 'review_order', parameters },
		});
	},
};
