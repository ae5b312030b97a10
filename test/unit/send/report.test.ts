import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import {
	itemRanges,
	maybeSent,
	outputItems,
	runFailure,
	type ItemResult,
} from '../../../nodes/WhatsAppCloud/send/report';

const node: INode = {
	id: '1',
	name: 'WhatsApp Cloud',
	type: 'n8n-nodes-whatsapp-cloud.whatsAppCloud',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const accepted = (id: string): ItemResult => ({
	state: 'accepted',
	answer: {
		messaging_product: 'whatsapp',
		contacts: [{ input: '+1650', wa_id: '1650' }],
		messages: [{ id, message_status: 'accepted' }],
	},
});

describe('itemRanges', () => {
	it('lists items as ranges, the first few only', () => {
		expect(itemRanges([0, 1, 2, 4, 6, 7])).toBe('0-2, 4, 6-7');
		expect(
			itemRanges(
				Array.from({ length: 30 }, (_, i) => i * 2),
				3,
			),
		).toBe('0, 2, 4, …');
	});
});

describe('outputItems', () => {
	it("gives one item per input item, in input order: Meta's answer with the IDs first, or the item's error", () => {
		const refused = new NodeApiError(
			node,
			{ error: { code: 131047 } },
			{ message: 'WhatsApp error 131047: Re-engagement message', httpCode: '131047', description: 'Send a template.' },
		);
		const unknown = maybeSent(
			new NodeOperationError(node, 'Could not reach the Graph API: the connection closed before an answer came'),
		);
		const items = outputItems([
			accepted('wamid.A'),
			{ state: 'refused', error: refused },
			{ state: 'maybe', error: unknown },
			{ state: 'skipped' },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json).toEqual({
			messageId: 'wamid.A',
			waId: '1650',
			messageStatus: 'accepted',
			messaging_product: 'whatsapp',
			contacts: [{ input: '+1650', wa_id: '1650' }],
			messages: [{ id: 'wamid.A', message_status: 'accepted' }],
		});
		expect(items[1].json).toEqual({
			error: 'WhatsApp error 131047: Re-engagement message',
			details: { itemIndex: 1, code: '131047', description: 'Send a template.' },
		});
		expect(items[2].json.error).toBe(
			'May have been sent: Could not reach the Graph API: the connection closed before an answer came',
		);
		expect(items[2].json.details).toMatchObject({ itemIndex: 2, maybeSent: true });
		expect(items[3].json).toEqual({
			error: 'Not sent: the run stopped before this item',
			details: { itemIndex: 3, notSent: true },
		});
		// n8n routes items whose JSON has only these keys to the error output.
		for (const item of items.slice(1))
			expect(Object.keys(item.json).every((key) => ['error', 'message', 'details'].includes(key))).toBe(true);
	});
});

describe('runFailure', () => {
	it('adds what became of the other messages to the failing item’s error', () => {
		const error = new NodeApiError(
			node,
			{ error: { code: 131047 } },
			{ message: 'WhatsApp error 131047', description: 'Send a template.' },
		);
		const unknown = maybeSent(new NodeOperationError(node, 'Could not reach the Graph API'));
		const failure = runFailure(error, 3, [
			accepted('a'),
			accepted('b'),
			{ state: 'maybe', error: unknown },
			{ state: 'refused', error },
			undefined,
			undefined,
		]);
		expect(failure.description).toBe(
			[
				'Send a template.',
				'2 of 6 messages were accepted by Meta before the node stopped (items 0-1).',
				'May have been sent as well: items 2.',
				'2 other messages were not sent. Turn on "Continue On Fail" to send every other item and get one error item per failure.',
			].join('\n'),
		);
		expect(failure.context.itemIndex).toBe(3);
	});
});
