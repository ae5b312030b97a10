import { SendOrder } from '../../../nodes/WhatsAppCloud/send/order';

/** Takes every message that may start now. */
function drain(order: SendOrder): number[] {
	const started: number[] = [];
	for (let next = order.next(); next !== undefined; next = order.next()) started.push(next);
	return started;
}

describe('SendOrder', () => {
	it('lets messages to different recipients start in input order', () => {
		const recipients = ['a', 'b', 'c'];
		expect(drain(new SendOrder([0, 1, 2], (job) => recipients[job]))).toEqual([0, 1, 2]);
	});

	it('holds a message while an earlier one to its recipient is unfinished, then lets it go before later ones', () => {
		const recipients = ['a', 'b', 'a', 'c', 'a', 'd'];
		const order = new SendOrder([0, 1, 2, 3, 4, 5], (job) => recipients[job]);
		expect(drain(order)).toEqual([0, 1, 3, 5]);
		order.finished(1);
		expect(drain(order)).toEqual([]);
		order.finished(0);
		expect(drain(order)).toEqual([2]);
		order.finished(2);
		expect(drain(order)).toEqual([4]);
		order.finished(4);
		expect(drain(order)).toEqual([]);
	});

	it('never holds messages without a recipient (Mark as Read)', () => {
		expect(drain(new SendOrder([0, 1, 2], () => undefined))).toEqual([0, 1, 2]);
	});
});
