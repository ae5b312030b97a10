/**
 * Every message type in the registry (messages/index.ts) has a documented example body under
 * test/fixtures/docs/ that a test compares the node's request with, and the sandbox's validator checks that
 * kind of message: it accepts the example and refuses it once the type's own object is emptied.
 * A new message type fails here until it has both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MESSAGE_TYPES } from '../../../nodes/WhatsAppCloud/messages';
import { docFixture } from '../../helpers';
import { seedTemplates, TemplateStore } from '../../sandbox/templateStore';
import { validateMessageRequest } from '../../sandbox/validate/messages';
import { validateTemplateSend } from '../../sandbox/validate/templates';

type Body = Record<string, unknown>;

interface Documented {
	/** What the operation sends: the body's `type`, and for interactive messages `interactive/<type>`; `any` for Send Raw. */
	kind: string;
	/** Documented example bodies, `<group>/<name>` under test/fixtures/docs/. */
	examples: string[];
}

const DOCUMENTED: Record<string, Documented> = {
	sendText: { kind: 'text', examples: ['messages/66-text-with-link-preview'] },
	sendTemplate: { kind: 'template', examples: ['templates/01-positional-parameters', 'templates/01-named-parameters'] },
	sendImage: { kind: 'image', examples: ['messages/22-image-by-id', 'messages/22-image-by-link'] },
	sendAudio: { kind: 'audio', examples: ['messages/20-audio-by-id', 'messages/20-audio-by-link'] },
	sendVideo: { kind: 'video', examples: ['messages/06-video-by-id', 'messages/06-video-by-link'] },
	sendDocument: { kind: 'document', examples: ['messages/81-document-by-id', 'messages/81-document-by-link'] },
	sendLocation: { kind: 'location', examples: ['messages/17-location'] },
	sendContacts: { kind: 'contacts', examples: ['messages/65-contacts'] },
	sendReaction: { kind: 'reaction', examples: ['messages/80-reaction'] },
	removeReaction: { kind: 'reaction', examples: ['messages/80-remove-reaction'] },
	sendReplyButtons: {
		kind: 'interactive/button',
		examples: ['messages/08-reply-buttons-image-header', 'messages/16-reply-button'],
	},
	sendList: { kind: 'interactive/list', examples: ['messages/10-list-two-sections', 'messages/16-list-messages'] },
	sendCtaUrl: { kind: 'interactive/cta_url', examples: ['messages/30-cta-url-example-request'] },
	sendFlow: { kind: 'interactive/flow', examples: ['messages/23-flow-example-request'] },
	sendLocationRequest: {
		kind: 'interactive/location_request_message',
		examples: ['messages/50-location-request-example-request'],
	},
	sendAddressRequest: {
		kind: 'interactive/address_message',
		examples: ['messages/84-address-sample-api-call', 'messages/84-address-with-saved-addresses'],
	},
	sendProduct: { kind: 'interactive/product', examples: ['messages/product-reference-16'] },
	sendProductList: { kind: 'interactive/product_list', examples: ['messages/productList-reference-16'] },
	sendCatalog: { kind: 'interactive/catalog_message', examples: ['messages/catalog-reference-16'] },
	sendOrderDetails: {
		kind: 'interactive/order_details',
		examples: ['messages/orderDetails-br-pix-46', 'messages/orderDetails-br-boleto-40'],
	},
	sendOrderStatus: { kind: 'interactive/order_status', examples: ['messages/orderStatus-br-orders-76'] },
	sendRaw: { kind: 'any', examples: ['messages/10-list-two-sections'] },
};

/** Types the docs give no example body for, and why; each still has its own sandbox check. */
const UNDOCUMENTED: Record<string, { kind: string; reason: string }> = {
	sendSticker: {
		kind: 'sticker',
		reason: 'doc 16 defines the sticker media object and doc 68 its files, but no page shows a sticker message body',
	},
};

/** Before any documented order expiration, so the validator's "300 s ahead" rule holds for the examples. */
const NOW = 1_000_000_000;
const RECIPIENT = '+16505551234';
/** Placeholders the pages leave in value positions, filled in the way the node's tests fill them. */
const PLACEHOLDERS: Record<string, string> = { '+91xxxxxxxxxx': '+919876543210', COUNTRY_ISO_CODE: 'IN' };

/**
 * The documented body as sent: some pages show only the type part, so the envelope is added; placeholders such as
 * "PHONE_NUMBER" are not recipients and are filled in, as the tests of the node do.
 */
function example(reference: string): Body {
	const [group, name] = reference.split('/');
	let json = JSON.stringify(docFixture<Body>(group, name).body);
	for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) json = json.split(placeholder).join(value);
	const body = JSON.parse(json) as Body;
	const type = String(body.type ?? (body.interactive ? 'interactive' : 'text'));
	const to = /^\+?\d{5,}$/.test(String(body.to ?? '')) ? body.to : RECIPIENT;
	return { ...body, messaging_product: 'whatsapp', recipient_type: 'individual', to, type };
}

function kindOf(body: Body): string {
	const type = String(body.type ?? 'text');
	return type === 'interactive' ? `interactive/${String((body.interactive as Body | undefined)?.type)}` : type;
}

/** The example with the type's own object emptied: a validator that checks the type refuses it. */
function emptied(body: Body): Body {
	const type = String(body.type ?? 'text');
	if (type === 'interactive') return { ...body, interactive: { type: (body.interactive as Body).type } };
	return { ...body, [type]: type === 'contacts' ? [{}] : {} };
}

function validate(body: Body) {
	return body.type === 'template'
		? validateTemplateSend(body, new TemplateStore(seedTemplates()))
		: validateMessageRequest(body, { nowSeconds: NOW });
}

/** The text of every test file except this one, to find where each example is compared with the node's request. */
function testSources(): string {
	const root = join(__dirname, '..', '..');
	const files: string[] = [];
	for (const dir of ['unit', 'inprocess', 'e2e']) {
		const walk = (path: string): void => {
			for (const entry of readdirSync(path, { withFileTypes: true })) {
				const full = join(path, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (/\.(test|e2e)\.ts$|Cases\.ts$|Workflows\.ts$/.test(entry.name) && full !== __filename)
					files.push(full);
			}
		};
		walk(join(root, dir));
	}
	return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('message type registry', () => {
	const operations = MESSAGE_TYPES.map((type) => type.operation);
	const sources = testSources();

	it('knows every message type: a documented example, or a stated reason why the docs have none', () => {
		const unknown = operations.filter((operation) => !DOCUMENTED[operation] && !UNDOCUMENTED[operation]);
		expect(
			unknown.map(
				(operation) =>
					`${operation}: add its documented example to test/fixtures/docs/ (with its source page) and list it in DOCUMENTED`,
			),
		).toEqual([]);
		expect(
			[...Object.keys(DOCUMENTED), ...Object.keys(UNDOCUMENTED)].filter((operation) => !operations.includes(operation)),
		).toEqual([]);
	});

	describe.each(operations.filter((operation) => DOCUMENTED[operation]))('%s', (operation) => {
		const { kind, examples } = DOCUMENTED[operation];

		it.each(examples)('%s is a documented example of what it sends, used by a test of the node', (reference) => {
			const body = example(reference);
			if (kind !== 'any') expect(kindOf(body)).toBe(kind);
			expect(sources).toContain(reference.split('/')[1]);
		});

		it.each(examples)('the sandbox accepts %s and refuses it with the message type emptied', (reference) => {
			const body = example(reference);
			expect(validate(body)).toBeNull();
			expect(validate(emptied(body))).toMatchObject({ httpStatus: 400 });
		});
	});

	it.each(Object.entries(UNDOCUMENTED))('%s has its own sandbox check (%#)', (_operation, { kind }) => {
		const body: Body = {
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: RECIPIENT,
			type: kind,
			[kind]: { id: '1234567890' },
		};
		expect(validate(body)).toBeNull();
		expect(validate(emptied(body))).toMatchObject({ httpStatus: 400 });
	});
});
