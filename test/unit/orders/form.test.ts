/**
 * The order fields are read the same way for Send Order Details and for order details / checkout template
 * buttons (orders/form.ts): the country, then the whole `parameters` from JSON or from the form, checked either way.
 */
import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../nodes/shared/InputError';
import { orderCountry, orderParameters, orderProperties } from '../../../nodes/WhatsAppCloud/orders/form';
import { docFixture } from '../../helpers';

const documented = (): IDataObject => {
	const body = docFixture<{ interactive: { action: { parameters: IDataObject } } }>(
		'messages',
		'orderDetails-br-pix-46',
	).body;
	return JSON.parse(JSON.stringify(body.interactive.action.parameters)) as IDataObject;
};

function inputError(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('order fields', () => {
	it('are all named orderDetails*, so a template can show them under its own conditions', () => {
		expect(orderProperties.length).toBeGreaterThan(10);
		expect(
			orderProperties.filter((property) => !property.name.startsWith('orderDetails')).map((property) => property.name),
		).toEqual([]);
	});

	it('read the country: India unless Brazil is chosen; anything else is refused', () => {
		expect(orderCountry({})).toBe('IN');
		expect(orderCountry({ orderDetailsCountry: 'BR' })).toBe('BR');
		expect(inputError(() => orderCountry({ orderDetailsCountry: 'US' })).message).toMatch(
			/^Country must be one of IN, BR; got "US"/,
		);
	});

	it('take the documented parameters whole from JSON (doc 46)', () => {
		const parameters = documented();
		expect(
			orderParameters({
				orderDetailsCountry: 'BR',
				orderDetailsInput: 'json',
				orderDetailsParametersJson: JSON.stringify(parameters),
			}),
		).toEqual(parameters);
	});

	it('check JSON totals unless turned off; the form computes them', () => {
		const parameters = documented();
		(parameters.total_amount as IDataObject).value = 1;
		const json = { orderDetailsCountry: 'BR', orderDetailsInput: 'json', orderDetailsParametersJson: parameters };
		expect(inputError(() => orderParameters(json)).message).toMatch(/^Total Amount is 1 but Subtotal \+ Tax/);
		expect(orderParameters({ ...json, orderDetailsCheckTotals: false }).total_amount).toEqual({
			value: 1,
			offset: 100,
		});
		const form = orderParameters({
			orderDetailsCountry: 'BR',
			orderDetailsReferenceId: 'pedido-1001',
			orderDetailsGoodsType: 'digital-goods',
			orderDetailsBrazilPayment: { boleto: { digitableLine: '03399026944140000002628346101018898510000008848' } },
			orderDetailsItems: { item: [{ name: 'Cake', retailerId: '1234567', amount: 2500, quantity: 2 }] },
			orderDetailsTax: 100,
		});
		expect(form.total_amount).toEqual({ value: 5100, offset: 100 });
		expect((form.order as IDataObject).subtotal).toEqual({ value: 5000, offset: 100 });
	});

	it('refuse a form expiration before 1970 as such, rather than computing with a negative Unix time', () => {
		const error = inputError(() =>
			orderParameters({
				orderDetailsCountry: 'BR',
				orderDetailsReferenceId: 'pedido-1001',
				orderDetailsGoodsType: 'digital-goods',
				orderDetailsItems: { item: [{ name: 'Cake', retailerId: '1234567', amount: 2500, quantity: 2 }] },
				orderDetailsOrderOptions: { expiration: '1969-07-20T20:17:40Z', expirationDescription: 'Pay soon' },
			}),
		);
		expect(error).toMatchObject({
			field: 'Expiration',
			message:
				'Expiration must be on or after 1970-01-01T00:00:00Z (a Unix time of 0 or more); got "1969-07-20T20:17:40Z"',
		});
	});
});
