import { messageOperations } from '../../../nodes/WhatsAppCloud/descriptions/MessageDescription';
import { MESSAGE_TYPES } from '../../../nodes/WhatsAppCloud/messages';
import { WhatsAppCloud } from '../../../nodes/WhatsAppCloud/WhatsAppCloud.node';

describe('the Message operations', () => {
	const options = messageOperations.options as Array<{
		name: string;
		value: string;
		action?: string;
		description?: string;
		routing?: unknown;
	}>;

	it('each have a name, an action and a one-line description in the Operation dropdown', () => {
		expect(options.map((option) => option.value)).toEqual([
			...MESSAGE_TYPES.map((type) => type.operation),
			'sendAndWait',
			'markAsRead',
		]);
		for (const option of options) {
			expect([option.value, option.description]).toEqual([
				option.value,
				expect.stringMatching(/^[A-Z][^\n]{10,80}[^.]$/),
			]);
			expect([option.value, option.action]).toEqual([option.value, expect.stringMatching(/^[A-Z]/)]);
		}
	});

	it('each run as a custom operation; only Send and Wait keeps a routing, which says what an n8n without custom operations lacks', () => {
		const node = new WhatsAppCloud();
		const operations: Record<string, unknown> = node.customOperations.message;
		for (const option of options) {
			if (option.value !== 'sendAndWait') expect([option.value, option.routing]).toEqual([option.value, undefined]);
			expect([option.value, typeof operations[option.value]]).toEqual([option.value, 'function']);
		}
	});
});
