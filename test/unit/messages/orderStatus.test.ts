import type { IDataObject } from 'n8n-workflow';

import { ORDER_STATUSES, orderStatusMessage } from '../../../nodes/WhatsAppCloud/messages/orderStatus';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(orderStatusMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(orderStatusMessage.build(params(values), ctx));

const valid: IDataObject = {
	interactiveBody: 'Your order is on its way',
	orderStatusReferenceId: 'order-1001',
	orderStatusStatus: 'shipped',
};

const PLACEHOLDER = 'processing | partially_shipped | shipped | completed | canceled';
const INDIA_FIXTURES = [
	'orderStatus-in-upi-intent-18',
	'orderStatus-in-pg-56',
	'orderStatus-in-upi-intent-link-70',
	'orderStatus-in-payment-link-71',
];

describe('order status message', () => {
	describe.each(INDIA_FIXTURES)('%s', (name) => {
		const fixture = fixturePart(name);
		const documented = (fixture.interactive as IDataObject).action as IDataObject;
		const order = (documented.parameters as IDataObject).order as IDataObject;

		test('documents the five statuses as one placeholder, which is not sendable', async () => {
			expect(order.status).toBe(PLACEHOLDER);
			const error = await inputError({ ...valid, orderStatusStatus: order.status });
			expect(error.message).toBe(
				`Order Status must be one of processing, partially_shipped, shipped, completed, canceled; got "${PLACEHOLDER}"`,
			);
		});

		test.each([...ORDER_STATUSES])('sent with status %s it equals the example', async (status) => {
			const result = await orderStatusMessage.build(
				params({
					interactiveBody: 'your-text-body-content',
					orderStatusReferenceId: 'reference-id-value',
					orderStatusStatus: status,
					orderStatusDescription: 'optional-text',
				}),
				ctx,
			);
			const expected = JSON.parse(JSON.stringify(fixture)) as IDataObject;
			(
				(((expected.interactive as IDataObject).action as IDataObject).parameters as IDataObject).order as IDataObject
			).status = status;
			expect(result).toEqual(expected);
		});
	});

	test('doc 76 Brazil example with payment status, time given as Unix seconds', async () => {
		const result = await orderStatusMessage.build(
			params({
				interactiveBody: 'your-mandatory-text-body-content',
				interactiveFooter: 'your-optional-text-footer-content',
				orderStatusReferenceId: 'unique-reference-id',
				orderStatusStatus: 'processing',
				orderStatusPaymentStatus: 'captured',
				orderStatusPaymentTimestamp: 1722445231,
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('orderStatus-br-orders-76'));
	});

	test('doc 76 Brazil example with the payment time picked as a date', async () => {
		const result = await orderStatusMessage.build(
			params({
				interactiveBody: 'your-mandatory-text-body-content',
				interactiveFooter: 'your-optional-text-footer-content',
				orderStatusReferenceId: 'unique-reference-id',
				orderStatusStatus: 'processing',
				orderStatusPaymentStatus: 'captured',
				orderStatusPaymentTimestamp: '2024-07-31T17:00:31.000Z',
			}),
			ctx,
		);
		expect(result).toEqual(fixturePart('orderStatus-br-orders-76'));
	});

	test('no payment object unless a payment status is chosen; the payment time is optional', async () => {
		const none = await orderStatusMessage.build(params(valid), ctx);
		const noneParameters = ((none.interactive as IDataObject).action as IDataObject).parameters as IDataObject;
		expect(noneParameters.payment).toBeUndefined();
		const pending = await orderStatusMessage.build(params({ ...valid, orderStatusPaymentStatus: 'pending' }), ctx);
		const parameters = ((pending.interactive as IDataObject).action as IDataObject).parameters as IDataObject;
		expect(parameters.payment).toEqual({ status: 'pending' });
	});

	test('hyphenated partially-shipped of the status tables is rejected (payloads use partially_shipped)', async () => {
		const error = await inputError({ ...valid, orderStatusStatus: 'partially-shipped' });
		expect(error.message).toBe(
			'Order Status must be one of processing, partially_shipped, shipped, completed, canceled; got "partially-shipped"',
		);
	});

	test('payment statuses of the order-details tables are not order statuses', async () => {
		const error = await inputError({ ...valid, orderStatusStatus: 'captured' });
		expect(error.field).toBe('Order Status');
		expect(error.message).toContain('got "captured"');
	});

	test('pending is only the initial status, not an update', async () => {
		const error = await inputError({ ...valid, orderStatusStatus: 'pending' });
		expect(error.message).toContain('got "pending"');
	});

	test('payment status must be pending, captured or failed', async () => {
		const error = await inputError({ ...valid, orderStatusPaymentStatus: 'paid' });
		expect(error.message).toBe('Payment Status (Brazil) must be one of pending, captured, failed; got "paid"');
	});

	test('payment time must be a date or Unix time', async () => {
		const error = await inputError({
			...valid,
			orderStatusPaymentStatus: 'failed',
			orderStatusPaymentTimestamp: 'yesterday',
		});
		expect(error.message).toBe('Payment Time must be a date or a Unix time in seconds; got "yesterday"');
	});

	test('payment time before 1970 is refused: the payment timestamp is an epoch time of 0 or more (doc 76)', async () => {
		for (const before1970 of ['1969-12-31T23:59:59.999Z', -1, '-3']) {
			expect(
				await inputError({ ...valid, orderStatusPaymentStatus: 'failed', orderStatusPaymentTimestamp: before1970 }),
			).toMatchObject({
				field: 'Payment Time',
				message: `Payment Time must be on or after 1970-01-01T00:00:00Z (a Unix time of 0 or more); got ${JSON.stringify(before1970)}`,
			});
		}
		const epoch = await orderStatusMessage.build(
			params({ ...valid, orderStatusPaymentStatus: 'failed', orderStatusPaymentTimestamp: '1970-01-01T00:00:00.000Z' }),
			ctx,
		);
		expect((((epoch.interactive as IDataObject).action as IDataObject).parameters as IDataObject).payment).toEqual({
			status: 'failed',
			timestamp: 0,
		});
	});

	test('payment time given as a number in text is a Unix time, not a date for Date.parse to guess', async () => {
		const result = await orderStatusMessage.build(
			params({ ...valid, orderStatusPaymentStatus: 'captured', orderStatusPaymentTimestamp: ' 1722445231.9 ' }),
			ctx,
		);
		expect((((result.interactive as IDataObject).action as IDataObject).parameters as IDataObject).payment).toEqual({
			status: 'captured',
			timestamp: 1722445231,
		});
	});

	test('reference ID is required', async () => {
		const error = await inputError({ ...valid, orderStatusReferenceId: '' });
		expect(error.message).toBe('Reference ID is required');
	});

	test('reference ID is at most 35 characters', async () => {
		const error = await inputError({ ...valid, orderStatusReferenceId: 'r'.repeat(36) });
		expect(error.message).toBe('Reference ID is too long: 36 characters, the limit is 35');
	});

	test('reference ID allows only English letters, digits, _ - .', async () => {
		const error = await inputError({ ...valid, orderStatusReferenceId: 'order#1' });
		expect(error.message).toBe(
			'Reference ID may only contain English letters, digits, "_", "-" and "."; got "order#1"',
		);
	});

	test('description is at most 120 characters', async () => {
		const error = await inputError({ ...valid, orderStatusDescription: 'd'.repeat(121) });
		expect(error.message).toBe('Status Description is too long: 121 characters, the limit is 120');
	});

	test('body is required', async () => {
		const error = await inputError({ ...valid, interactiveBody: '' });
		expect(error.message).toBe('Body is required');
	});

	test('body is at most 1024 characters', async () => {
		const error = await inputError({ ...valid, interactiveBody: 'b'.repeat(1025) });
		expect(error.message).toBe('Body is too long: 1025 characters, the limit is 1024');
	});

	test('footer is at most 60 characters', async () => {
		const error = await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) });
		expect(error.message).toBe('Footer is too long: 61 characters, the limit is 60');
	});
});
