import * as fs from 'fs';
import * as path from 'path';

import { formatPath, GraphFault, toGraphErrorBody } from '../../sandbox/validate/fault';
import { validateMessageRequest } from '../../sandbox/validate/messages';

/** Fixed clock so order expirations are deterministic. */
const NOW = 1_750_000_000;
const FUTURE = String(NOW + 86_400);
const validate = (body: unknown): GraphFault | null => validateMessageRequest(body, { nowSeconds: NOW });

type Json = Record<string, unknown>;
const DELETE = Symbol('delete');

function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** Copy of `base` with the value at dotted `where` replaced (or removed with DELETE). */
function withValue(base: Json, where: string, value: unknown): Json {
	const out = clone(base);
	const keys = where.split('.');
	let node: Record<string, unknown> = out;
	for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
	const last = keys[keys.length - 1];
	if (value === DELETE) delete node[last];
	else node[last] = value;
	return out;
}

function expectValid(body: unknown): void {
	expect(validate(body)).toBeNull();
}

function expectFault(body: unknown, code: number, ...detailParts: string[]): void {
	const fault = validate(body);
	expect(fault).not.toBeNull();
	expect(fault).toMatchObject({ httpStatus: 400, code });
	for (const part of detailParts) expect(fault!.details).toContain(part);
}

const TO = '+16505551234';

function message(type: string, content: unknown, extra: Json = {}): Json {
	return { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type, [type]: content, ...extra };
}
const interactive = (content: Json, extra: Json = {}): Json => message('interactive', content, extra);

// =====================================================================================
// Doc example bodies transcribed from the pages. Placeholders the docs leave in value
// positions are replaced with plausible values (noted per example); nothing else changed.
// =====================================================================================

const DOC_EXAMPLES: Array<[string, Json]> = [
	[
		'16 Text Messages',
		{
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: TO,
			type: 'text',
			text: { preview_url: false, body: 'MESSAGE_CONTENT' },
		},
	],
	[
		'16 Reply To Message (context)',
		{
			messaging_product: 'whatsapp',
			context: { message_id: 'MESSAGE_ID' },
			to: TO,
			type: 'text',
			text: { preview_url: false, body: 'your-text-message-content' },
		},
	],
	[
		'16 Location Messages (bare numbers; LONG_NUMBER/LAT_NUMBER/LOCATION_* placeholders filled)',
		{
			messaging_product: 'whatsapp',
			to: TO,
			type: 'location',
			location: {
				longitude: -122.16153582049394,
				latitude: 37.44216251868683,
				name: 'Philz Coffee',
				address: '101 Forest Ave, Palo Alto, CA 94301',
			},
		},
	],
	[
		'43 Example Request (text)',
		{
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: TO,
			type: 'text',
			text: {
				preview_url: true,
				body: "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/",
			},
		},
	],
	[
		'43 Contextual reply example',
		{
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: TO,
			context: { message_id: 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTdCNTg5RjY1MEMyRjlGMjRGNgA=' },
			type: 'text',
			text: { body: "You're welcome, Pablo!" },
		},
	],
	[
		'60-style text without type (type defaults to text, doc 16)',
		{ messaging_product: 'whatsapp', to: '16505551234', text: { body: 'hello' } },
	],
	[
		'81 Example Request (the document page actually sends a text message)',
		{
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: TO,
			type: 'text',
			text: {
				preview_url: true,
				body: "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/",
			},
		},
	],
	[
		'80 Example Request (reaction)',
		message('reaction', {
			message_id: 'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA=',
			emoji: '\uD83D\uDE00',
		}),
	],
	['25 Mark as read', { messaging_product: 'whatsapp', status: 'read', message_id: 'MESSAGE_ID' }],
	[
		'08 Example Request (reply buttons, image header)',
		interactive({
			type: 'button',
			header: { type: 'image', image: { id: '2762702990552401' } },
			body: {
				text: 'Hi Pablo! Your gardening workshop is scheduled for 9am tomorrow. Use the buttons if you need to reschedule. Thank you!',
			},
			footer: { text: 'Lucky Shrub: Your gateway to succulents!™' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'change-button', title: 'Change' } },
					{ type: 'reply', reply: { id: 'cancel-button', title: 'Cancel' } },
				],
			},
		}),
	],
	[
		'08 text header sample',
		interactive({
			type: 'button',
			header: { type: 'text', text: 'Workshop Details' },
			body: { text: 'Reschedule?' },
			action: { buttons: [{ type: 'reply', reply: { id: 'change-button', title: 'Change' } }] },
		}),
	],
	[
		'50 Example Request (location request)',
		{
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			type: 'interactive',
			to: TO,
			interactive: {
				type: 'location_request_message',
				body: {
					text: 'Let us start with your pickup. You can either manually *enter an address* or *share your current location*.',
				},
				action: { name: 'send_location' },
			},
		},
	],
	[
		'77 catalog Sample Request',
		interactive({
			type: 'catalog_message',
			body: {
				text: 'Hello! Thanks for your interest. Ordering is easy. Just visit our catalog and add items to purchase.',
			},
			action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: '2lc20305pt' } },
			footer: { text: 'Best grocery deals on WhatsApp!' },
		}),
	],
	[
		'84 without saved addresses (+91xxxxxxxxxx placeholders filled)',
		interactive(
			{
				type: 'address_message',
				body: { text: 'Thanks for your order! Tell us what address you’d like this order delivered to.' },
				action: {
					name: 'address_message',
					parameters: { country: 'IN', values: { name: 'CUSTOMER_NAME', phone_number: '+919876543210' } },
				},
			},
			{ to: '+919876543210' },
		),
	],
	[
		'84 with saved addresses',
		interactive(
			{
				type: 'address_message',
				body: { text: 'Thanks for your order! Tell us what address you’d like this order delivered to.' },
				action: {
					name: 'address_message',
					parameters: {
						country: 'IN',
						saved_addresses: [
							{
								id: 'address1',
								value: {
									name: 'CUSTOMER_NAME',
									phone_number: '+919876543210',
									in_pin_code: '400063',
									floor_number: '8',
									building_name: '',
									address: 'Wing A, Cello Triumph,IB Patel Rd',
									landmark_area: 'Goregaon',
									city: 'Mumbai',
								},
							},
						],
					},
				},
			},
			{ to: '919876543210' },
		),
	],
	[
		'84 with validation errors',
		interactive(
			{
				type: 'address_message',
				body: { text: 'Thanks for your order! Tell us what address you’d like this order delivered to.' },
				action: {
					name: 'address_message',
					parameters: {
						country: 'IN',
						values: {
							name: 'CUSTOMER_NAME',
							phone_number: '+919876543210',
							in_pin_code: '666666',
							address: 'Some other location',
							city: 'Delhi',
						},
						validation_errors: { in_pin_code: 'We could not locate this pin code.' },
					},
				},
			},
			{ to: '919876543210' },
		),
	],
];

describe('documented example bodies pass', () => {
	test.each(DOC_EXAMPLES)('%s', (_title, body) => {
		expectValid(body);
	});
});

// ---------------------------------------------------------------- payments: doc bodies with consistent totals

/** Doc 18/56/70/71 non-catalog order, with subtotal made consistent (docs say 20000; Σ sale_amount × qty = 200). */
function indiaOrder(): Json {
	const item = {
		name: 'Product name, for example bread',
		amount: { value: 10000, offset: 100 },
		quantity: 1,
		sale_amount: { value: 100, offset: 100 },
		country_of_origin: 'country-of-origin',
		importer_name: 'name-of-importer-business',
		importer_address: {
			address_line1: 'B8/733 nand nagri',
			address_line2: 'police station',
			city: 'East Delhi',
			zone_code: 'DL',
			postal_code: '110093',
			country_code: 'IN',
		},
	};
	return {
		status: 'pending',
		expiration: { timestamp: FUTURE, description: 'cancellation-explanation' },
		items: [item, clone(item)],
		subtotal: { value: 200, offset: 100 },
		tax: { value: 1000, offset: 100, description: 'optional_text' },
		shipping: { value: 1000, offset: 100, description: 'optional_text' },
		discount: { value: 1000, offset: 100, description: 'optional_text', discount_program_name: 'optional_text' },
	};
}

function orderDetails(paymentParams: Json, order: Json = indiaOrder(), total = 1200): Json {
	return interactive({
		type: 'order_details',
		header: { type: 'image', image: { id: 'your-media-id' } },
		body: { text: 'your-text-body-content' },
		footer: { text: 'your-text-footer-content' },
		action: {
			name: 'review_and_pay',
			parameters: {
				reference_id: 'reference-id-value',
				type: 'digital-goods',
				...paymentParams,
				currency: 'INR',
				total_amount: { value: total, offset: 100 },
				order,
			},
		},
	});
}

const pg = (type: string, fields?: Json, extra: Json = {}): Json => ({
	payment_settings: [
		{
			type: 'payment_gateway',
			payment_gateway: {
				type,
				configuration_name: 'payment-config-id',
				...(fields ? { [type]: fields } : {}),
				...extra,
			},
		},
	],
});

const INDIA_PAYMENT_VARIANTS: Array<[string, Json]> = [
	[
		'18 legacy UPI (payment_type + payment_configuration)',
		{ payment_type: 'upi', payment_configuration: 'unique-payment-config-id' },
	],
	[
		'18 preferred_payment_methods in parameters',
		{ payment_type: 'upi', payment_configuration: 'cfg', preferred_payment_methods: [{ method: 'gpay' }] },
	],
	[
		'56 BillDesk',
		pg(
			'billdesk',
			Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [`additional_info${n}`, `additional_info${n}-value`])),
		),
	],
	['56 Razorpay', pg('razorpay', { receipt: 'receipt-value', notes: { key1: 'value1' } })],
	['56 PayU', pg('payu', { udf1: 'value1', udf2: 'value2', udf3: 'value3', udf4: 'value4' })],
	['56 Zaakpay', pg('zaakpay', { extra1: 'value1', extra2: 'value2' })],
	[
		'56 preferred_payment_methods in payment_gateway',
		pg('razorpay', undefined, { preferred_payment_methods: [{ method: 'phonepe' }] }),
	],
	['56 enabled_payment_options', pg('payu', undefined, { enabled_payment_options: ['upi', 'web'] })],
	[
		'56 Razorpay TPV',
		{ payment_settings: [{ type: 'razorpay', razorpay: { encrypted_payment_gateway_data: 'encrypted-data' } }] },
	],
	[
		'70 UPI intent link',
		{
			payment_settings: [
				{
					type: 'upi_intent_link',
					upi_intent_link: {
						link: 'upi://pay?pa=merchant_vpa&pn=merchant%20Name&mc=mc_code&purpose=purpose_code&tr=transaction_record',
					},
				},
			],
		},
	],
	[
		'71 payment link',
		{
			payment_type: 'upi',
			payment_settings: [{ type: 'payment_link', payment_link: { uri: 'https://the-payment-link' } }],
		},
	],
	[
		'71 payment link with success/cancel urls',
		{
			payment_settings: [
				{
					type: 'payment_link',
					payment_link: {
						uri: 'https://pay.example/x',
						success_url: 'https://a.example/ok',
						cancel_url: 'https://a.example/no',
					},
				},
			],
		},
	],
];

describe('order_details (India) doc variants with consistent totals pass', () => {
	test.each(INDIA_PAYMENT_VARIANTS)('%s', (_title, params) => {
		expectValid(orderDetails(params));
	});

	test('18/56 catalog-based order (retailer_id + catalog_id, header image with provider {name})', () => {
		const order = {
			status: 'pending',
			catalog_id: 'the-catalog_id',
			expiration: { timestamp: FUTURE, description: 'cancellation-explanation' },
			items: [
				{
					retailer_id: '1234567',
					name: 'Product name, for example bread',
					amount: { value: 10000, offset: 100 },
					quantity: 2,
					sale_amount: { value: 100, offset: 100 },
				},
			],
			subtotal: { value: 200, offset: 100 },
			tax: { value: 1000, offset: 100, description: 'optional_text' },
		};
		const body = withValue(
			orderDetails({ payment_type: 'upi', payment_configuration: 'cfg' }, order, 1200),
			'interactive.header',
			{
				type: 'image',
				image: { link: 'https://the-url.example/x.png', provider: { name: 'provider-name' } },
			},
		);
		expectValid(body);
	});

	test('stringified parameters (docs 56/71) are accepted', () => {
		const body = orderDetails(INDIA_PAYMENT_VARIANTS[0][1]);
		const action = (body.interactive as Json).action as Json;
		action.parameters = JSON.stringify(action.parameters);
		expectValid(body);
	});

	test('image items without catalog_id/retailer_id, quick_pay, beneficiaries', () => {
		const order = {
			status: 'pending',
			type: 'quick_pay',
			items: [
				{
					name: 'Bread',
					image: { link: 'https://img.example/bread.png' },
					amount: { value: 500, offset: 100 },
					quantity: 3,
				},
			],
			subtotal: { value: 1500, offset: 100 },
			tax: { value: 0, offset: 100 },
		};
		const params = {
			...INDIA_PAYMENT_VARIANTS[0][1],
			type: 'physical-goods',
			beneficiaries: [
				{
					name: 'A Person',
					address_line1: '1 Road',
					city: 'Mumbai',
					state: 'MH',
					country: 'India',
					postal_code: '400063',
				},
			],
		};
		expectValid(orderDetails(params, order, 1500));
	});
});

/** Doc 76 order_details example + the doc 46/53/40 payment settings (messaging_product added, see report). */
function brazilOrderDetails(settings?: unknown[]): Json {
	return interactive(
		{
			type: 'order_details',
			body: { text: 'Your message content' },
			action: {
				name: 'review_and_pay',
				parameters: {
					reference_id: 'unique-reference-id',
					type: 'digital-goods',
					payment_type: 'br',
					...(settings ? { payment_settings: settings } : {}),
					currency: 'BRL',
					total_amount: { value: 50000, offset: 100 },
					order: {
						status: 'pending',
						tax: { value: 0, offset: 100, description: 'optional text' },
						items: [{ retailer_id: '1234567', name: 'Cake', amount: { value: 50000, offset: 100 }, quantity: 1 }],
						subtotal: { value: 50000, offset: 100 },
					},
				},
			},
		},
		{ to: '+5511999999999' },
	);
}

describe('order_details (Brazil) doc examples pass', () => {
	test.each<[string, unknown[] | undefined]>([
		['76 payment link', [{ type: 'payment_link', payment_link: { uri: 'https://my-payment-link-url' } }]],
		[
			'46 pix',
			[
				{
					type: 'pix_dynamic_code',
					pix_dynamic_code: {
						code: '000201010212267...',
						merchant_name: 'Account holder name',
						key: '39580525000189',
						key_type: 'CNPJ',
					},
				},
			],
		],
		['40 boleto', [{ type: 'boleto', boleto: { digitable_line: '03399026944140000002628346101018898510000008848' } }]],
		['76 without payment_settings (optional)', undefined],
	])('%s', (_t, settings) => {
		expectValid(brazilOrderDetails(settings));
	});

	test('installment, expiration, shipping and discount', () => {
		const body = brazilOrderDetails();
		const params = ((body.interactive as Json).action as Json).parameters as Json;
		params.installment = { max_installment_count: 3 };
		const order = params.order as Json;
		order.expiration = { timestamp: FUTURE, description: 'Expires tomorrow' };
		order.shipping = { value: 1000, offset: 100 };
		order.discount = { value: 1000, offset: 100, discount_program_name: 'promo' };
		expectValid(body);
	});
});

function orderStatus(status: string, extra: Json = {}): Json {
	return interactive({
		type: 'order_status',
		body: { text: 'your-text-body-content' },
		action: {
			name: 'review_order',
			parameters: { reference_id: 'reference-id-value', order: { status, description: 'optional-text' }, ...extra },
		},
	});
}

describe('order_status doc examples pass', () => {
	// The doc placeholder "processing | partially_shipped | shipped | completed | canceled" lists the values; tables add pending and partially-shipped.
	test.each(['pending', 'processing', 'partially_shipped', 'partially-shipped', 'shipped', 'completed', 'canceled'])(
		'status %s',
		(status) => {
			expectValid(orderStatus(status));
		},
	);
	test('76 Brazil with payment {status, timestamp} and footer', () => {
		expectValid(orderStatus('processing', { payment: { status: 'captured', timestamp: 1722445231 } }));
	});
});

// =====================================================================================
// Fixtures written from the docs by another task (test/fixtures/docs/messages/*.json).
// =====================================================================================

const FIXTURE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'docs', 'messages');

interface Fixture {
	source: string;
	title: string;
	note?: string;
	body: Json;
}

/**
 * Fixture bodies keep the docs' placeholders ("PHONE_NUMBER", "utc_timestamp_in_seconds", …) and sometimes
 * omit the envelope (interactive-only or BR/order-status bodies without messaging_product, "the node adds the
 * envelope"). Fill exactly those gaps, nothing else.
 */
function fillPlaceholders(value: unknown, key = ''): unknown {
	if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, fillPlaceholders(v, k)]));
	}
	if (typeof value !== 'string') return value;
	if (key === 'to' && !/^\+?[\d\s()-]+$/.test(value)) return TO;
	if (key === 'phone_number' && /x/i.test(value)) return '+919876543210';
	if (key === 'country' && value === 'COUNTRY_ISO_CODE') return 'IN';
	if (key === 'birthday' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '1999-01-23';
	if (key === 'timestamp' && !/^\d+$/.test(value)) return FUTURE;
	if (['link', 'url', 'uri'].includes(key) && !/^https?:\/\/[^()]+$/.test(value) && !value.startsWith('upi://'))
		return 'https://example.com/asset';
	return value;
}

function normaliseFixtureBody(body: Json): Json {
	let out = fillPlaceholders(body) as Json;
	if (!('messaging_product' in out) && !('status' in out)) {
		out = { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type: 'interactive', ...out };
	}
	return out;
}

/** Fixtures that stay invalid after filling placeholders, with the fault they must produce. */
const FIXTURE_EXPECTED_FAULTS: Record<string, { code: number; details: string; why: string }> = {
	'84-address-json-payload.json': {
		code: 131009,
		details: "interactive['action']['parameters']",
		why: '"parameters": "JSON Payload" is a placeholder string',
	},
};

const fixtureFiles = fs.existsSync(FIXTURE_DIR)
	? fs
			.readdirSync(FIXTURE_DIR)
			.filter((f) => f.endsWith('.json'))
			.sort()
	: [];
const fixtures: Array<[string, Fixture]> = fixtureFiles.map((f) => [
	f,
	JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as Fixture,
]);
const deliberatelyInvalid = (fx: Fixture): boolean =>
	/deliberately invalid|breaks documented rules/i.test(fx.note ?? '');

describe('doc fixtures (test/fixtures/docs/messages)', () => {
	test('the fixture directory, when present, holds fixtures', () => {
		expect(fs.existsSync(FIXTURE_DIR) ? fixtures.length : 1).toBeGreaterThan(0);
	});

	const passing = fixtures.filter(([file, fx]) => !deliberatelyInvalid(fx) && !FIXTURE_EXPECTED_FAULTS[file]);
	if (passing.length > 0) {
		test.each(passing)('%s passes', (_file, fx) => {
			const body = normaliseFixtureBody(fx.body);
			const order = (
				((body.interactive as Json | undefined)?.action as Json | undefined)?.parameters as Json | undefined
			)?.order as Json | undefined;
			const statuses =
				typeof order?.status === 'string' && order.status.includes('|')
					? order.status.split('|').map((s) => s.trim())
					: [undefined];
			for (const status of statuses) {
				const sent =
					status === undefined ? body : withValue(body, 'interactive.action.parameters.order.status', status);
				expect({ fixture: _file, status, fault: validate(sent) }).toEqual({ fixture: _file, status, fault: null });
			}
		});
	}

	const invalid = fixtures.filter(([file, fx]) => deliberatelyInvalid(fx) || FIXTURE_EXPECTED_FAULTS[file]);
	if (invalid.length > 0) {
		test.each(invalid)('%s is rejected as its note says', (file, fx) => {
			const expected = FIXTURE_EXPECTED_FAULTS[file] ?? { code: 131009, details: "['order']['subtotal']['value']" };
			expectFault(normaliseFixtureBody(fx.body), expected.code, expected.details);
		});
	}
});

// =====================================================================================
// Failing cases, one or more per rule.
// =====================================================================================

const TEXT = message('text', { body: 'hi' });

describe('envelope', () => {
	test('body must be an object', () => {
		expectFault('nope', 100, 'JSON object');
		expectFault([TEXT], 100, 'JSON object');
	});
	test('messaging_product is required and must be "whatsapp"', () => {
		expectFault(withValue(TEXT, 'messaging_product', DELETE), 131008, 'messaging_product');
		expectFault(withValue(TEXT, 'messaging_product', 'sms'), 131009, 'messaging_product', '"whatsapp"');
	});
	test('recipient_type only "individual"', () => {
		expectFault(withValue(TEXT, 'recipient_type', 'group'), 131009, 'recipient_type', '"individual"');
	});
	test('to is required and must be a phone number', () => {
		expectFault(withValue(TEXT, 'to', DELETE), 131008, 'The parameter to is required');
		expectFault(withValue(TEXT, 'to', 'PHONE_NUMBER'), 131009, 'Param to', 'PHONE_NUMBER');
		expectFault(withValue(TEXT, 'to', '+1 555 CALL ME'), 131009, 'Param to');
		expectFault(withValue(TEXT, 'to', 16505551234), 100, 'Param to must be a string');
	});
	test.each(['+16315551234', '+1 (631) 555-1234', '(631) 555-1234', '1 (631) 555-1234', '16505551234'])(
		'to %s is accepted (doc 43)',
		(to) => {
			expectValid(withValue(TEXT, 'to', to));
		},
	);
	test('type defaults to text', () => {
		expectValid(withValue(TEXT, 'type', DELETE));
		expectFault(withValue(withValue(TEXT, 'type', DELETE), 'text', DELETE), 131008, 'text');
		expectFault({ messaging_product: 'whatsapp', to: TO, image: { id: '1' } }, 100, 'Unexpected key "image"');
	});
	test('unsupported type → 131051; non-string type → 100', () => {
		expectFault(message('carousel', {}), 131051, 'Param type', 'carousel');
		expectFault(withValue(TEXT, 'type', 1), 100, 'Param type must be a string');
	});
	test('unknown, misspelled or On-Premises-only top-level properties → 100', () => {
		expectFault({ ...TEXT, foo: 1 }, 100, 'Unexpected key "foo"');
		expectFault({ ...TEXT, messaging_prodcut: 'whatsapp' }, 100, 'Unexpected key "messaging_prodcut"');
		expectFault({ ...TEXT, preview_url: true }, 100, 'Unexpected key "preview_url"', 'inside the text object');
		expectFault({ ...TEXT, hsm: {} }, 100, 'Unexpected key "hsm"');
		expectFault({ ...TEXT, image: { id: '1' } }, 100, 'Unexpected key "image"');
	});
	test('content object required for the type', () => {
		expectFault({ messaging_product: 'whatsapp', to: TO, type: 'image' }, 131008, 'The parameter image is required');
		expectFault(message('image', 'id-123'), 100, 'Param image must be a JSON object');
	});
	test('context.message_id', () => {
		expectValid({ ...TEXT, context: { message_id: 'wamid.X' } });
		expectFault({ ...TEXT, context: {} }, 131008, "context['message_id']");
		expectFault(
			{ ...TEXT, context: { message_id: 'wamid.X', from: '1' } },
			100,
			'Unexpected key "from" on param "context"',
		);
		expectFault({ ...TEXT, context: { message_id: 'w'.repeat(129) } }, 100, "context['message_id']", '128');
	});
	test('reaction cannot be a contextual reply (doc 43)', () => {
		expectFault(
			message('reaction', { message_id: 'wamid.A', emoji: '👍' }, { context: { message_id: 'wamid.B' } }),
			131009,
			'context',
			'reaction',
		);
	});
	test('biz_opaque_callback_data ≤ 512', () => {
		expectValid({ ...TEXT, biz_opaque_callback_data: 'x'.repeat(512) });
		expectFault({ ...TEXT, biz_opaque_callback_data: 'x'.repeat(513) }, 100, 'biz_opaque_callback_data', '512');
		expectFault({ ...TEXT, biz_opaque_callback_data: 5 }, 100, 'biz_opaque_callback_data must be a string');
	});
	test('recipient_identity_key_hash and message_activity_sharing types', () => {
		expectValid({ ...TEXT, recipient_identity_key_hash: 'DF2lS5v2W6x=' });
		expectFault({ ...TEXT, recipient_identity_key_hash: 1 }, 100, 'recipient_identity_key_hash');
		expectFault({ ...TEXT, recipient_identity_key_hash: '' }, 131009, 'recipient_identity_key_hash');
		expectValid({ ...TEXT, message_activity_sharing: false });
		expectFault({ ...TEXT, message_activity_sharing: 'yes' }, 100, 'message_activity_sharing must be a boolean');
	});
});

describe('mark as read', () => {
	const READ = { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' };
	test('status must be "read"', () => expectFault({ ...READ, status: 'delivered' }, 131009, 'Param status', '"read"'));
	test('message_id required', () => expectFault(withValue(READ, 'message_id', DELETE), 131008, 'message_id'));
	test('messaging_product required', () =>
		expectFault(withValue(READ, 'messaging_product', DELETE), 131008, 'messaging_product'));
	test('no other properties', () => expectFault({ ...READ, to: TO }, 100, 'Unexpected key "to"'));
});

describe('text', () => {
	test('body ≤ 4096', () => {
		expectValid(message('text', { body: 'a'.repeat(4096) }));
		expectFault(message('text', { body: 'a'.repeat(4097) }), 100, "text['body']", '4096');
	});
	test('body counts characters, not UTF-16 units', () => expectValid(message('text', { body: '😀'.repeat(4096) })));
	test('body required, non-empty, string', () => {
		expectFault(message('text', { preview_url: true }), 131008, "text['body']");
		expectFault(message('text', { body: '' }), 131009, "text['body']", 'empty');
		expectFault(message('text', { body: 42 }), 100, "text['body'] must be a string");
	});
	test('preview_url boolean', () =>
		expectFault(message('text', { body: 'x', preview_url: 'true' }), 100, "text['preview_url'] must be a boolean"));
	test('unknown text property', () =>
		expectFault(message('text', { body: 'x', previewUrl: true }), 100, 'Unexpected key "previewUrl" on param "text"'));
});

describe('media', () => {
	test.each(['image', 'audio', 'video', 'document', 'sticker'])('%s: id or link, not both, not neither', (type) => {
		expectValid(message(type, { id: '123' }));
		expectValid(message(type, { link: 'https://example.com/file' }));
		expectFault(message(type, { id: '123', link: 'https://example.com/file' }), 131009, `Param ${type}`, 'not both');
		expectFault(message(type, {}), 131008, `${type}['id']`, 'link');
	});
	test.each(['audio', 'sticker'])('caption is not allowed on %s', (type) => {
		expectFault(message(type, { id: '1', caption: 'x' }), 131009, `${type}['caption']`);
	});
	test('filename only on documents', () => {
		expectValid(message('document', { id: '1', filename: 'invoice.pdf', caption: 'Invoice' }));
		expectFault(message('image', { id: '1', filename: 'a.png' }), 131009, "image['filename']");
	});
	test('link must be http(s)', () => {
		expectFault(message('image', { link: 'ftp://example.com/a.png' }), 131009, "image['link']", 'HTTP');
		expectFault(message('video', { link: 'not a url' }), 131009, "video['link']");
	});
	test('caption ≤ 1024', () => {
		expectValid(message('video', { id: '1', caption: 'c'.repeat(1024) }));
		expectFault(message('image', { id: '1', caption: 'c'.repeat(1025) }), 100, "image['caption']", '1024');
	});
	test('provider is On-Premises only; unknown keys rejected', () => {
		expectFault(
			message('image', { link: 'https://e.x/a.png', provider: { name: 'p' } }),
			100,
			'Unexpected key "provider" on param "image"',
		);
		expectFault(message('image', { id: '1', mime_type: 'image/png' }), 100, 'Unexpected key "mime_type"');
	});
	test('id must be a non-empty string', () => {
		expectFault(message('image', { id: 123 }), 100, "image['id'] must be a string");
		expectFault(message('image', { id: '' }), 131009, "image['id']");
	});
});

describe('location', () => {
	const LOC = message('location', {
		latitude: '37.44',
		longitude: '-122.16',
		name: 'Philz Coffee',
		address: '101 Forest Ave',
	});
	test('coordinates required and in range', () => {
		expectFault(withValue(LOC, 'location.longitude', DELETE), 131008, "location['longitude']");
		expectFault(withValue(LOC, 'location.latitude', 91), 131009, "location['latitude']", '90');
		expectFault(withValue(LOC, 'location.longitude', '-180.5'), 131009, "location['longitude']", '180');
		expectFault(withValue(LOC, 'location.latitude', 'north'), 131009, "location['latitude']", 'decimal');
		expectFault(withValue(LOC, 'location.latitude', true), 100, "location['latitude']");
	});
	test('name and address are required (doc 16 reference wins over doc 17)', () => {
		expectFault(withValue(LOC, 'location.name', DELETE), 131008, "location['name']");
		expectFault(withValue(LOC, 'location.address', DELETE), 131008, "location['address']");
	});
	test('unknown key', () => expectFault(withValue(LOC, 'location.lat', 1), 100, 'Unexpected key "lat"'));
});

describe('contacts', () => {
	const contact = {
		name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara' },
		phones: [{ phone: '+16505559999', type: 'CELL', wa_id: '16505559999' }],
	};
	test('up to 257 contacts (doc 65)', () => {
		expectValid(
			message(
				'contacts',
				Array.from({ length: 257 }, () => contact),
			),
		);
		expectFault(
			message(
				'contacts',
				Array.from({ length: 258 }, () => contact),
			),
			131009,
			'Param contacts',
			'at most 257',
		);
		expectFault(message('contacts', []), 131009, 'Param contacts', 'at least 1');
		expectFault(message('contacts', contact), 100, 'Param contacts must be a JSON array');
	});
	test('name.formatted_name required, plus one other name field (doc 16)', () => {
		expectFault(message('contacts', [{ phones: [] }]), 131008, "contacts[0]['name']");
		expectFault(message('contacts', [{ name: { first_name: 'B' } }]), 131008, "contacts[0]['name']['formatted_name']");
		expectFault(
			message('contacts', [{ name: { formatted_name: 'B' } }]),
			131008,
			"contacts[0]['name']['first_name']",
			'at least one',
		);
	});
	test('birthday YYYY-MM-DD', () => {
		expectValid(message('contacts', [{ ...contact, birthday: '1999-01-23' }]));
		expectFault(
			message('contacts', [{ ...contact, birthday: '23-01-1999' }]),
			131009,
			"contacts[0]['birthday']",
			'YYYY-MM-DD',
		);
		expectFault(message('contacts', [{ ...contact, birthday: '1999-02-30' }]), 131009, "contacts[0]['birthday']");
	});
	test('sub-objects only take documented fields', () => {
		expectFault(
			message('contacts', [{ ...contact, phones: [{ number: '1' }] }]),
			100,
			'Unexpected key "number" on param "contacts[0][\'phones\'][0]"',
		);
		expectFault(message('contacts', [{ ...contact, nickname: 'B' }]), 100, 'Unexpected key "nickname"');
		expectFault(
			message('contacts', [{ ...contact, org: { company: 1 } }]),
			100,
			"contacts[0]['org']['company'] must be a string",
		);
	});
});

describe('reaction', () => {
	const R = (reaction: Json): Json => message('reaction', reaction);
	test('must react to a message', () => {
		expectFault(R({ emoji: '👍' }), 131008, "reaction['message_id']");
		expectFault(R({ message_id: '', emoji: '👍' }), 131009, "reaction['message_id']");
	});
	test('emoji required; one emoji or "" only', () => {
		expectFault(R({ message_id: 'wamid.A' }), 131008, "reaction['emoji']");
		expectFault(R({ message_id: 'wamid.A', emoji: 'ok' }), 131009, "reaction['emoji']", 'exactly one emoji');
		expectFault(R({ message_id: 'wamid.A', emoji: '👍👍' }), 131009, "reaction['emoji']");
		expectFault(R({ message_id: 'wamid.A', emoji: 1 }), 100, "reaction['emoji'] must be a string");
	});
	test.each(['', '👍', '👍🏽', '👨‍👩‍👧', '🇮🇳', '❤️', '\\uD83D\\uDE00'])('emoji %j accepted', (emoji) => {
		expectValid(R({ message_id: 'wamid.A', emoji }));
	});
});

// ---------------------------------------------------------------- interactive

const BUTTONS = interactive({
	type: 'button',
	body: { text: 'Pick one' },
	action: {
		buttons: [
			{ type: 'reply', reply: { id: 'a', title: 'A' } },
			{ type: 'reply', reply: { id: 'b', title: 'B' } },
		],
	},
});
const button = (id: string, title: string): Json => ({ type: 'reply', reply: { id, title } });

describe('interactive: common parts', () => {
	test('type enum', () => {
		expectFault(withValue(BUTTONS, 'interactive.type', 'carousel'), 131009, "interactive['type']", 'carousel');
		expectFault(withValue(BUTTONS, 'interactive.type', DELETE), 131008, "interactive['type']");
	});
	test('action required', () =>
		expectFault(withValue(BUTTONS, 'interactive.action', DELETE), 131008, "interactive['action']"));
	test('body required (except product) and ≤ 1024', () => {
		expectFault(withValue(BUTTONS, 'interactive.body', DELETE), 131008, "interactive['body']");
		expectFault(
			withValue(BUTTONS, 'interactive.body.text', 'b'.repeat(1025)),
			100,
			"interactive['body']['text']",
			'1024',
		);
		expectFault(withValue(BUTTONS, 'interactive.body', {}), 131008, "interactive['body']['text']");
	});
	test('footer ≤ 60', () => {
		expectValid(withValue(BUTTONS, 'interactive.footer', { text: 'f'.repeat(60) }));
		expectFault(
			withValue(BUTTONS, 'interactive.footer', { text: 'f'.repeat(61) }),
			100,
			"interactive['footer']['text']",
			'60',
		);
	});
	test('header text ≤ 60, sub_text ≤ 60, type required and consistent', () => {
		expectFault(
			withValue(BUTTONS, 'interactive.header', { type: 'text', text: 'h'.repeat(61) }),
			100,
			"interactive['header']['text']",
			'60',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.header', { type: 'text', text: 'h', sub_text: 's'.repeat(61) }),
			100,
			"interactive['header']['sub_text']",
		);
		expectFault(withValue(BUTTONS, 'interactive.header', { text: 'h' }), 131008, "interactive['header']['type']");
		expectFault(
			withValue(BUTTONS, 'interactive.header', { type: 'gif', text: 'h' }),
			131009,
			"interactive['header']['type']",
		);
		expectFault(
			withValue(BUTTONS, 'interactive.header', { type: 'text', text: 'h', image: { id: '1' } }),
			131009,
			"interactive['header']['image']",
		);
		expectFault(withValue(BUTTONS, 'interactive.header', { type: 'image' }), 131008, "interactive['header']['image']");
		expectFault(
			withValue(BUTTONS, 'interactive.header', { type: 'video', video: { id: '1', link: 'https://e.x/v.mp4' } }),
			131009,
			"interactive['header']['video']",
			'not both',
		);
	});
	test.each(['text', 'image', 'video', 'document'])('reply buttons accept a %s header', (type) => {
		const header = type === 'text' ? { type, text: 'Hello' } : { type, [type]: { link: 'https://e.x/file' } };
		expectValid(withValue(BUTTONS, 'interactive.header', header));
	});
	test('unknown interactive property', () =>
		expectFault(withValue(BUTTONS, 'interactive.buttons', []), 100, 'Unexpected key "buttons" on param "interactive"'));
});

describe('interactive: reply buttons', () => {
	test('1–3 buttons', () => {
		expectValid(
			withValue(BUTTONS, 'interactive.action.buttons', [button('a', 'A'), button('b', 'B'), button('c', 'C')]),
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [
				button('a', 'A'),
				button('b', 'B'),
				button('c', 'C'),
				button('d', 'D'),
			]),
			131009,
			"interactive['action']['buttons']",
			'at most 3',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', []),
			131009,
			"interactive['action']['buttons']",
			'at least 1',
		);
		expectFault(withValue(BUTTONS, 'interactive.action', {}), 131008, "interactive['action']['buttons']");
	});
	test('ids and titles unique', () => {
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button('a', 'A'), button('a', 'B')]),
			131009,
			"interactive['action']['buttons'][1]['reply']['id']",
			'unique',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button('a', 'Same'), button('b', 'Same')]),
			131009,
			"['buttons'][1]['reply']['title']",
			'unique',
		);
	});
	test('title ≤ 20 and non-empty; id ≤ 256', () => {
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button('a', 't'.repeat(21))]),
			100,
			"['reply']['title']",
			'20',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button('a', '')]),
			131009,
			"['reply']['title']",
			'empty',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button('i'.repeat(257), 'A')]),
			100,
			"['reply']['id']",
			'256',
		);
		expectValid(withValue(BUTTONS, 'interactive.action.buttons', [button('i'.repeat(256), 't'.repeat(20))]));
	});
	test('no leading/trailing spaces on ids and titles (doc 28)', () => {
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button(' a', 'A')]),
			131009,
			"['reply']['id']",
			'whitespace',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [button('a', '   ')]),
			131009,
			"['reply']['title']",
			'whitespace',
		);
	});
	test('button type only "reply"; reply required', () => {
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [{ type: 'url', reply: { id: 'a', title: 'A' } }]),
			131009,
			"['buttons'][0]['type']",
			'"reply"',
		);
		expectFault(
			withValue(BUTTONS, 'interactive.action.buttons', [{ type: 'reply' }]),
			131008,
			"['buttons'][0]['reply']",
		);
	});
});

const row = (id: string, title = id): Json => ({ id, title, description: 'd' });
const LIST = interactive({
	type: 'list',
	header: { type: 'text', text: 'Choose' },
	body: { text: 'Which?' },
	action: { button: 'Options', sections: [{ title: 'S1', rows: [row('r1'), row('r2')] }] },
});

describe('interactive: list', () => {
	test('at most 10 rows across all sections', () => {
		const tenRows = Array.from({ length: 10 }, (_, i) => row(`r${i}`));
		expectValid(
			withValue(LIST, 'interactive.action.sections', [
				{ title: 'A', rows: tenRows.slice(0, 5) },
				{ title: 'B', rows: tenRows.slice(5) },
			]),
		);
		expectFault(
			withValue(LIST, 'interactive.action.sections', [
				{ title: 'A', rows: tenRows.slice(0, 6) },
				{ title: 'B', rows: [...tenRows.slice(6), row('x')] },
			]),
			131009,
			"interactive['action']['sections']",
			'10 rows',
		);
	});
	test('1–10 sections, each with ≥ 1 row', () => {
		const sections = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [] }));
		expectFault(
			withValue(LIST, 'interactive.action.sections', sections),
			131009,
			"interactive['action']['sections']",
			'at most 10',
		);
		expectFault(
			withValue(LIST, 'interactive.action.sections', []),
			131009,
			"interactive['action']['sections']",
			'at least 1',
		);
		expectFault(
			withValue(LIST, 'interactive.action.sections', [{ title: 'A', rows: [] }]),
			131009,
			"['sections'][0]['rows']",
		);
	});
	test('section title required when more than one section (doc 16); optional with one', () => {
		expectValid(withValue(LIST, 'interactive.action.sections', [{ rows: [row('r1')] }]));
		expectFault(
			withValue(LIST, 'interactive.action.sections', [{ title: 'A', rows: [row('r1')] }, { rows: [row('r2')] }]),
			131008,
			"['sections'][1]['title']",
		);
		expectFault(
			withValue(LIST, 'interactive.action.sections.0.title', 's'.repeat(25)),
			100,
			"['sections'][0]['title']",
			'24',
		);
	});
	test('row limits: title 24, id 200, description 72', () => {
		expectFault(
			withValue(LIST, 'interactive.action.sections.0.rows', [row('r', 't'.repeat(25))]),
			100,
			"['rows'][0]['title']",
			'24',
		);
		expectFault(
			withValue(LIST, 'interactive.action.sections.0.rows', [row('i'.repeat(201), 't')]),
			100,
			"['rows'][0]['id']",
			'200',
		);
		expectFault(
			withValue(LIST, 'interactive.action.sections.0.rows', [{ id: 'r', title: 't', description: 'd'.repeat(73) }]),
			100,
			"['rows'][0]['description']",
			'72',
		);
		expectFault(withValue(LIST, 'interactive.action.sections.0.rows', [{ id: 'r' }]), 131008, "['rows'][0]['title']");
	});
	test('button required, ≤ 20, no padding', () => {
		expectFault(withValue(LIST, 'interactive.action.button', DELETE), 131008, "interactive['action']['button']");
		expectFault(
			withValue(LIST, 'interactive.action.button', 'b'.repeat(21)),
			100,
			"interactive['action']['button']",
			'20',
		);
		expectFault(
			withValue(LIST, 'interactive.action.button', 'Options '),
			131009,
			"interactive['action']['button']",
			'whitespace',
		);
	});
	test('header: text only; body ≤ 1024 (doc 16 over doc 10)', () => {
		expectFault(
			withValue(LIST, 'interactive.header', { type: 'image', image: { id: '1' } }),
			131009,
			"interactive['header']['type']",
			'list',
		);
		expectFault(withValue(LIST, 'interactive.body.text', 'b'.repeat(1025)), 100, "interactive['body']['text']", '1024');
	});
});

const CTA = interactive({
	type: 'cta_url',
	header: { type: 'text', text: 'Available Dates' },
	body: { text: 'Tap the button below to see available dates.' },
	action: { name: 'cta_url', parameters: { display_text: 'See Dates', url: 'https://www.luckyshrub.com' } },
});

describe('interactive: cta_url', () => {
	test('valid, with and without header type (doc 30 example omits it)', () => {
		expectValid(CTA);
		expectValid(withValue(CTA, 'interactive.header', { text: 'Available Dates' }));
	});
	test('name must be cta_url', () =>
		expectFault(
			withValue(CTA, 'interactive.action.name', 'url'),
			131009,
			"interactive['action']['name']",
			'"cta_url"',
		));
	test('display_text and url required; url http(s)', () => {
		expectFault(
			withValue(CTA, 'interactive.action.parameters.display_text', DELETE),
			131008,
			"['parameters']['display_text']",
		);
		expectFault(withValue(CTA, 'interactive.action.parameters.url', DELETE), 131008, "['parameters']['url']");
		expectFault(
			withValue(CTA, 'interactive.action.parameters.url', 'www.luckyshrub.com'),
			131009,
			"['parameters']['url']",
			'HTTP',
		);
	});
	test('body required (doc 16 / doc 30 table)', () =>
		expectFault(withValue(CTA, 'interactive.body', DELETE), 131008, "interactive['body']"));
	test('media header not documented for cta_url', () => {
		expectFault(
			withValue(CTA, 'interactive.header', { type: 'image', image: { id: '1' } }),
			131009,
			"interactive['header']['type']",
		);
	});
});

const FLOW = interactive({
	type: 'flow',
	header: { type: 'text', text: 'Flow message header' },
	body: { text: 'Flow message body' },
	footer: { text: 'Flow message footer' },
	action: {
		name: 'flow',
		parameters: {
			flow_message_version: '3',
			flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
			flow_id: '1',
			flow_cta: 'Book!',
			flow_action: 'navigate',
			flow_action_payload: { screen: 'SCREEN', data: { product_name: 'name', product_price: 100 } },
		},
	},
});
const flowParam = (key: string, value: unknown): Json => withValue(FLOW, `interactive.action.parameters.${key}`, value);

describe('interactive: flow', () => {
	test('flow_message_version must be the string "3"', () => {
		expectFault(flowParam('flow_message_version', '2'), 131009, "['parameters']['flow_message_version']", '"3"');
		expectFault(flowParam('flow_message_version', 3), 100, "['parameters']['flow_message_version']");
		expectFault(flowParam('flow_message_version', DELETE), 131008, "['parameters']['flow_message_version']");
	});
	test('exactly one of flow_id / flow_name', () => {
		expectValid(withValue(flowParam('flow_id', DELETE), 'interactive.action.parameters.flow_name', 'booking'));
		expectFault(
			flowParam('flow_name', 'booking'),
			131009,
			"interactive['action']['parameters']",
			'only one of flow_id, flow_name',
		);
		expectFault(flowParam('flow_id', DELETE), 131008, "['parameters']['flow_id']");
	});
	test('flow_cta required; mode and flow_action enums', () => {
		expectFault(flowParam('flow_cta', DELETE), 131008, "['parameters']['flow_cta']");
		expectFault(flowParam('mode', 'beta'), 131009, "['parameters']['mode']", 'draft');
		expectValid(flowParam('mode', 'draft'));
		expectFault(flowParam('flow_action', 'open'), 131009, "['parameters']['flow_action']");
	});
	test('flow_action_payload only with navigate; data non-empty', () => {
		expectFault(flowParam('flow_action', 'data_exchange'), 131009, "['flow_action_payload']", 'navigate');
		expectValid(
			withValue(flowParam('flow_action', 'data_exchange'), 'interactive.action.parameters.flow_action_payload', DELETE),
		);
		expectFault(
			flowParam('flow_action_payload', { screen: 'S', data: {} }),
			131009,
			"['flow_action_payload']['data']",
			'non-empty',
		);
	});
	test('name must be "flow"; unknown parameter rejected', () => {
		expectFault(withValue(FLOW, 'interactive.action.name', 'flows'), 131009, "interactive['action']['name']");
		expectFault(flowParam('flow_version', '3'), 100, 'Unexpected key "flow_version"');
	});
	test('doc 16 table form: flow fields directly on action', () => {
		expectValid(withValue(FLOW, 'interactive.action', { flow_message_version: '3', flow_id: '1', flow_cta: 'Book!' }));
		expectFault(
			withValue(FLOW, 'interactive.action', { flow_message_version: '3', flow_cta: 'Book!' }),
			131008,
			"interactive['action']['flow_id']",
		);
	});
});

const LOCATION_REQUEST = interactive({
	type: 'location_request_message',
	body: { text: 'Share your location' },
	action: { name: 'send_location' },
});

describe('interactive: location_request_message', () => {
	test('action.name must be send_location', () => {
		expectFault(
			withValue(LOCATION_REQUEST, 'interactive.action.name', 'location'),
			131009,
			"interactive['action']['name']",
			'send_location',
		);
		expectFault(withValue(LOCATION_REQUEST, 'interactive.action', {}), 131008, "interactive['action']['name']");
		expectFault(withValue(LOCATION_REQUEST, 'interactive.action.parameters', {}), 100, 'Unexpected key "parameters"');
	});
	test('no header; body required', () => {
		expectFault(
			withValue(LOCATION_REQUEST, 'interactive.header', { type: 'text', text: 'h' }),
			131009,
			"interactive['header']",
			'location_request_message',
		);
		expectFault(withValue(LOCATION_REQUEST, 'interactive.body', DELETE), 131008, "interactive['body']");
	});
});

const ADDRESS = interactive({
	type: 'address_message',
	body: { text: 'Where should we deliver?' },
	action: {
		name: 'address_message',
		parameters: { country: 'IN', values: { name: 'A', phone_number: '+919876543210', in_pin_code: '400063' } },
	},
});

describe('interactive: address_message', () => {
	test('country mandatory and IN only', () => {
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.country', DELETE),
			131008,
			"['parameters']['country']",
		);
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.country', 'US'),
			131009,
			"['parameters']['country']",
			'"IN"',
		);
	});
	test('field rules: pin code ≤ 6, valid phone, known fields only', () => {
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.values.in_pin_code', '4000631'),
			100,
			"['values']['in_pin_code']",
			'6',
		);
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.values.phone_number', 'call me'),
			131009,
			"['values']['phone_number']",
		);
		expectFault(withValue(ADDRESS, 'interactive.action.parameters.values.zip', '1'), 100, 'Unexpected key "zip"');
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.validation_errors', { pin: 'bad' }),
			100,
			'Unexpected key "pin"',
		);
	});
	test('saved addresses need unique ids and a value', () => {
		const saved = [
			{ id: 'a1', value: { city: 'Mumbai' } },
			{ id: 'a1', value: { city: 'Delhi' } },
		];
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.saved_addresses', saved),
			131009,
			"['saved_addresses'][1]['id']",
			'unique',
		);
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters.saved_addresses', [{ id: 'a1' }]),
			131008,
			"['saved_addresses'][0]['value']",
		);
	});
	test('parameters: object or stringified JSON object', () => {
		expectValid(withValue(ADDRESS, 'interactive.action.parameters', JSON.stringify({ country: 'IN' })));
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters', 'JSON Payload'),
			131009,
			"interactive['action']['parameters']",
		);
		expectFault(
			withValue(ADDRESS, 'interactive.action.parameters', DELETE),
			131008,
			"interactive['action']['parameters']",
		);
	});
	test('action name', () =>
		expectFault(withValue(ADDRESS, 'interactive.action.name', 'address'), 131009, "interactive['action']['name']"));
});

const PRODUCT = interactive({
	type: 'product',
	action: { catalog_id: 'CATALOG_ID', product_retailer_id: 'ID_TEST_ITEM_1' },
});
const item = (id: string): Json => ({ product_retailer_id: id });
const PRODUCT_LIST = interactive({
	type: 'product_list',
	header: { type: 'text', text: 'Our picks' },
	body: { text: 'Have a look' },
	action: { catalog_id: 'CATALOG_ID', sections: [{ title: 'Fruit', product_items: [item('a'), item('b')] }] },
});

describe('interactive: product, product_list, catalog_message', () => {
	test('product: body optional, header forbidden, ids required', () => {
		expectValid(PRODUCT);
		expectFault(
			withValue(PRODUCT, 'interactive.header', { type: 'text', text: 'h' }),
			131009,
			"interactive['header']",
			'product',
		);
		expectFault(
			withValue(PRODUCT, 'interactive.action.product_retailer_id', DELETE),
			131008,
			"interactive['action']['product_retailer_id']",
		);
		expectFault(
			withValue(PRODUCT, 'interactive.action.catalog_id', DELETE),
			131008,
			"interactive['action']['catalog_id']",
		);
		expectFault(withValue(PRODUCT, 'interactive.action.sections', []), 100, 'Unexpected key "sections"');
	});
	test('product_list: header required and text', () => {
		expectFault(withValue(PRODUCT_LIST, 'interactive.header', DELETE), 131008, "interactive['header']");
		expectFault(
			withValue(PRODUCT_LIST, 'interactive.header', { type: 'image', image: { id: '1' } }),
			131009,
			"interactive['header']['type']",
		);
		expectFault(withValue(PRODUCT_LIST, 'interactive.body', DELETE), 131008, "interactive['body']");
	});
	test('product_list: ≤ 30 products across ≤ 10 sections, ≥ 1 per section', () => {
		const items = Array.from({ length: 31 }, (_, i) => item(`p${i}`));
		expectValid(
			withValue(PRODUCT_LIST, 'interactive.action.sections', [
				{ title: 'A', product_items: items.slice(0, 15) },
				{ title: 'B', product_items: items.slice(15, 30) },
			]),
		);
		expectFault(
			withValue(PRODUCT_LIST, 'interactive.action.sections', [
				{ title: 'A', product_items: items.slice(0, 15) },
				{ title: 'B', product_items: items.slice(15) },
			]),
			131009,
			"interactive['action']['sections']",
			'30 products',
		);
		const sections = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, product_items: [item(`p${i}`)] }));
		expectFault(
			withValue(PRODUCT_LIST, 'interactive.action.sections', sections),
			131009,
			"interactive['action']['sections']",
			'at most 10',
		);
		expectFault(
			withValue(PRODUCT_LIST, 'interactive.action.sections', [{ title: 'A', product_items: [] }]),
			131009,
			"['sections'][0]['product_items']",
		);
		expectFault(
			withValue(PRODUCT_LIST, 'interactive.action.sections', [
				{ title: 'A', product_items: [item('a')] },
				{ product_items: [item('b')] },
			]),
			131008,
			"['sections'][1]['title']",
		);
		expectFault(
			withValue(PRODUCT_LIST, 'interactive.action.sections.0.product_items', [{ retailer_id: 'x' }]),
			100,
			'Unexpected key "retailer_id"',
		);
	});
	test('catalog_message', () => {
		const CATALOG = interactive({
			type: 'catalog_message',
			body: { text: 'Browse' },
			action: { name: 'catalog_message' },
		});
		expectValid(CATALOG);
		expectFault(withValue(CATALOG, 'interactive.action.name', 'catalog'), 131009, "interactive['action']['name']");
		expectFault(
			withValue(CATALOG, 'interactive.action.parameters', { thumbnail_id: 'x' }),
			100,
			'Unexpected key "thumbnail_id"',
		);
		expectFault(withValue(CATALOG, 'interactive.header', { type: 'text', text: 'h' }), 131009, "interactive['header']");
		expectFault(withValue(CATALOG, 'interactive.body', DELETE), 131008, "interactive['body']");
	});
});

// ---------------------------------------------------------------- payments: failing cases

const OD = orderDetails(INDIA_PAYMENT_VARIANTS[0][1]);
const P = 'interactive.action.parameters';
const odSet = (where: string, value: unknown, base: Json = OD): Json => withValue(base, `${P}.${where}`, value);

describe('order_details (India) rules', () => {
	test('totals must add up', () => {
		expectFault(
			odSet('order.subtotal.value', 20000),
			131009,
			"['order']['subtotal']['value']",
			'expected 200',
			'got 20000',
		);
		expectFault(odSet('total_amount.value', 21000), 131009, "['total_amount']['value']", '= 1200', 'got 21000');
		expectFault(odSet('order.discount', DELETE), 131009, "['total_amount']['value']", '2200');
	});
	test('amounts: offset 100, integer values ≥ 0', () => {
		expectFault(odSet('total_amount.offset', 1000), 131009, "['total_amount']['offset']", 'must be 100 for INR');
		expectFault(odSet('order.tax.value', 10.5), 131009, "['order']['tax']['value']", 'integer');
		expectFault(odSet('order.tax.value', -1), 131009, "['order']['tax']['value']");
		expectFault(odSet('order.tax.value', '1000'), 100, "['order']['tax']['value'] must be a number");
		expectFault(odSet('order.tax', DELETE), 131008, "['order']['tax']");
		expectFault(odSet('order.tax.description', 'd'.repeat(61)), 100, "['order']['tax']['description']", '60');
		expectFault(odSet('order.discount.discount_program_name', 'd'.repeat(61)), 100, "['discount_program_name']", '60');
	});
	test('currency INR, goods type, order status pending, order type quick_pay', () => {
		expectFault(odSet('currency', 'USD'), 131009, "['parameters']['currency']", '"INR"');
		expectFault(odSet('type', 'services'), 131009, "['parameters']['type']", 'digital-goods');
		expectFault(odSet('order.status', 'paid'), 131009, "['order']['status']", '"pending"');
		expectFault(odSet('order.type', 'fast'), 131009, "['order']['type']", 'quick_pay');
	});
	test('reference_id: ≤ 35, letters/digits/_-. only, required', () => {
		expectFault(odSet('reference_id', 'r'.repeat(36)), 100, "['parameters']['reference_id']", '35');
		expectFault(odSet('reference_id', 'order #1'), 131009, "['parameters']['reference_id']", 'English letters');
		expectFault(odSet('reference_id', DELETE), 131008, "['parameters']['reference_id']");
		expectValid(odSet('reference_id', 'BM345A-12.v_2'));
	});
	test('payment selector', () => {
		expectFault(odSet('payment_configuration', DELETE), 131008, "['parameters']['payment_settings']");
		expectFault(odSet('payment_type', DELETE), 131008, "['parameters']['payment_type']");
		expectFault(odSet('payment_type', 'card'), 131009, "['parameters']['payment_type']");
		expectFault(odSet('payment_configuration', 'c'.repeat(61)), 100, "['parameters']['payment_configuration']", '60');
	});
	const withSettings = (settings: unknown): Json => orderDetails({ payment_settings: settings });
	test('payment_settings entries', () => {
		expectFault(withSettings([{ type: 'stripe', stripe: {} }]), 131009, "['payment_settings'][0]['type']");
		expectFault(withSettings([{ type: 'payment_gateway' }]), 131008, "['payment_settings'][0]['payment_gateway']");
		expectFault(
			withSettings([{ type: 'payment_gateway', payment_link: { uri: 'https://x.y' } }]),
			100,
			'Unexpected key "payment_link"',
		);
		expectFault(withSettings({ type: 'payment_gateway' }), 100, "['payment_settings'] must be a JSON array");
		expectFault(
			withSettings([{ type: 'upi_intent_link', upi_intent_link: { link: 'https://pay.example' } }]),
			131009,
			"['upi_intent_link']['link']",
			'upi://pay',
		);
		expectFault(
			withSettings([{ type: 'payment_link', payment_link: { uri: 'pay-here' } }]),
			131009,
			"['payment_link']['uri']",
		);
		expectFault(
			withSettings([{ type: 'razorpay', razorpay: {} }]),
			131008,
			"['razorpay']['encrypted_payment_gateway_data']",
		);
	});
	test('payment gateway rules', () => {
		const gw = (extra: Json, type = 'razorpay'): Json =>
			withSettings([{ type: 'payment_gateway', payment_gateway: { type, configuration_name: 'cfg', ...extra } }]);
		expectFault(gw({}, 'stripe'), 131009, "['payment_gateway']['type']", 'billdesk');
		expectFault(gw({ configuration_name: 'c'.repeat(61) }), 100, "['configuration_name']", '60');
		expectFault(gw({ configuration_name: undefined }), 131008, "['payment_gateway']['configuration_name']");
		expectFault(gw({ payu: { udf1: 'x' } }), 131009, "['payment_gateway']['payu']", 'razorpay');
		const notes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v']));
		expectFault(gw({ razorpay: { notes } }), 131009, "['razorpay']['notes']", '15 keys');
		expectFault(gw({ razorpay: { notes: { k: 'v'.repeat(257) } } }), 100, "['notes']['k']", '256');
		expectFault(gw({ razorpay: { receipt: 'r'.repeat(41) } }), 100, "['razorpay']['receipt']", '40');
		expectFault(gw({ payu: { udf1: 'u'.repeat(256) } }, 'payu'), 100, "['payu']['udf1']", '255');
		expectFault(gw({ payu: { udf5: 'u' } }, 'payu'), 100, 'Unexpected key "udf5"');
		expectFault(gw({ zaakpay: { extra1: 'e'.repeat(181) } }, 'zaakpay'), 100, "['zaakpay']['extra1']", '180');
		expectFault(
			gw({ billdesk: { additional_info1: 'a'.repeat(121) } }, 'billdesk'),
			100,
			"['billdesk']['additional_info1']",
			'120',
		);
		expectFault(
			gw({ preferred_payment_methods: [{ method: 'gpay' }, { method: 'cred' }] }),
			131009,
			"['preferred_payment_methods']",
			'at most 1',
		);
		expectFault(
			gw({ preferred_payment_methods: [{ method: 'venmo' }] }),
			131009,
			"['preferred_payment_methods'][0]['method']",
		);
		expectFault(gw({ enabled_payment_options: ['card'] }), 131009, "['enabled_payment_options'][0]", 'upi');
	});
	test('items', () => {
		expectFault(odSet('order.items', []), 131009, "['order']['items']", 'at least 1');
		expectFault(odSet('order.items.0.name', 'n'.repeat(61)), 100, "['items'][0]['name']", '60');
		expectFault(odSet('order.items.0.quantity', 1.5), 131009, "['items'][0]['quantity']", 'integer');
		expectFault(odSet('order.items.0.quantity', DELETE), 131008, "['items'][0]['quantity']");
		expectFault(
			odSet('order.items.0.sale_amount.value', 10000),
			131009,
			"['items'][0]['sale_amount']['value']",
			'less than',
		);
		expectFault(odSet('order.items.0.importer_adress', 'typo'), 100, 'Unexpected key "importer_adress"');
	});
	test('item images: ≤ 10 items, not with retailer_id or catalog_id', () => {
		const imageItem = {
			name: 'Bread',
			image: { link: 'https://img.example/b.png' },
			amount: { value: 100, offset: 100 },
			quantity: 1,
		};
		const order = (items: Json[], extra: Json = {}): Json => ({
			status: 'pending',
			items,
			subtotal: { value: 100 * items.length, offset: 100 },
			tax: { value: 0, offset: 100 },
			...extra,
		});
		const od = (o: Json): Json => orderDetails(INDIA_PAYMENT_VARIANTS[0][1], o, (o.subtotal as Json).value as number);
		expectValid(od(order(Array.from({ length: 10 }, () => imageItem))));
		expectFault(
			od(order(Array.from({ length: 11 }, () => imageItem))),
			131009,
			"['order']['items']",
			'at most 10 items',
		);
		expectFault(od(order([{ ...imageItem, retailer_id: 'sku' }])), 131009, "['items'][0]['image']", 'retailer_id');
		expectFault(od(order([imageItem], { catalog_id: 'c' })), 131009, "['items'][0]['image']", 'catalog_id');
		expectFault(od(order([{ ...imageItem, image: {} }])), 131008, "['items'][0]['image']['link']");
	});
	test('expiration: ≥ 300 s ahead, description required ≤ 120', () => {
		expectFault(
			odSet('order.expiration.timestamp', String(NOW + 299)),
			131009,
			"['expiration']['timestamp']",
			'300 seconds',
		);
		expectValid(odSet('order.expiration.timestamp', NOW + 300));
		expectFault(odSet('order.expiration.timestamp', 'utc_timestamp_in_seconds'), 131009, "['expiration']['timestamp']");
		expectFault(odSet('order.expiration.description', DELETE), 131008, "['expiration']['description']");
		expectFault(odSet('order.expiration.description', 'd'.repeat(121)), 100, "['expiration']['description']", '120');
	});
	test('beneficiaries', () => {
		const b = {
			name: 'A',
			address_line1: '1 Road',
			city: 'Mumbai',
			state: 'MH',
			country: 'India',
			postal_code: '400063',
		};
		expectFault(
			odSet('beneficiaries', [{ ...b, country: 'USA' }]),
			131009,
			"['beneficiaries'][0]['country']",
			'"India"',
		);
		expectFault(
			odSet('beneficiaries', [{ ...b, postal_code: '4000' }]),
			131009,
			"['beneficiaries'][0]['postal_code']",
			'6-digit',
		);
		expectFault(odSet('beneficiaries', [{ ...b, name: 'n'.repeat(201) }]), 100, "['beneficiaries'][0]['name']", '200');
		expectFault(
			odSet('beneficiaries', [{ ...b, address_line1: undefined }]),
			131008,
			"['beneficiaries'][0]['address_line1']",
		);
	});
	test('action name, header image only, parameters shape', () => {
		expectFault(
			withValue(OD, 'interactive.action.name', 'pay'),
			131009,
			"interactive['action']['name']",
			'review_and_pay',
		);
		expectFault(
			withValue(OD, 'interactive.header', { type: 'text', text: 'Order' }),
			131009,
			"interactive['header']['type']",
			'order_details',
		);
		expectValid(
			withValue(OD, 'interactive.header', {
				type: 'image',
				image: { link: 'https://e.x/a.png', provider: 'provider-name' },
			}),
		);
		expectFault(
			withValue(OD, 'interactive.header', { type: 'image', image: { link: 'https://e.x/a.png', provider: {} } }),
			131008,
			"['image']['provider']['name']",
		);
		expectFault(withValue(OD, `${P}`, '{not json'), 131009, "interactive['action']['parameters']", 'stringified');
		expectFault(odSet('order.shipping_cost', 1), 100, 'Unexpected key "shipping_cost"');
	});
});

const BR = brazilOrderDetails();
const brSet = (where: string, value: unknown): Json => withValue(BR, `${P}.${where}`, value);

describe('order_details (Brazil) rules', () => {
	test('payment_type br and currency BRL', () => {
		expectFault(brSet('payment_type', 'upi'), 131009, "['parameters']['payment_type']", '"br"');
		expectFault(brSet('payment_type', DELETE), 131008, "['parameters']['payment_type']");
		expectFault(brSet('total_amount.offset', 1), 131009, "['total_amount']['offset']", 'BRL');
	});
	test('retailer_id required; India-only fields rejected', () => {
		expectFault(brSet('order.items.0.retailer_id', DELETE), 131008, "['items'][0]['retailer_id']");
		expectFault(brSet('order.type', 'quick_pay'), 100, 'Unexpected key "type"');
		expectFault(brSet('order.items.0.country_of_origin', 'BR'), 100, 'Unexpected key "country_of_origin"');
	});
	test('payment settings (pix / boleto / payment_link)', () => {
		const pix = { code: 'c', merchant_name: 'm', key: 'k', key_type: 'RG' };
		expectFault(
			brSet('payment_settings', [{ type: 'pix_dynamic_code', pix_dynamic_code: pix }]),
			131009,
			"['pix_dynamic_code']['key_type']",
			'CPF',
		);
		expectFault(brSet('payment_settings', [{ type: 'boleto', boleto: {} }]), 131008, "['boleto']['digitable_line']");
		expectFault(
			brSet('payment_settings', [{ type: 'payment_gateway', payment_gateway: {} }]),
			131009,
			"['payment_settings'][0]['type']",
		);
		expectFault(
			brSet('payment_settings', [
				{ type: 'payment_link', payment_link: { uri: 'https://x.y', success_url: 'https://x.y' } },
			]),
			100,
			'Unexpected key "success_url"',
		);
	});
	test('installment and totals', () => {
		expectFault(brSet('installment', { max_installment_count: 0 }), 131009, "['installment']['max_installment_count']");
		expectFault(brSet('order.subtotal.value', 40000), 131009, "['order']['subtotal']['value']", 'expected 50000');
		expectFault(brSet('order.expiration', { timestamp: FUTURE }), 131008, "['expiration']['description']");
	});
});

describe('order_status rules', () => {
	const OS = orderStatus('shipped');
	test('status enum', () =>
		expectFault(withValue(OS, `${P}.order.status`, 'shipping'), 131009, "['order']['status']", 'partially_shipped'));
	test('description ≤ 120', () =>
		expectFault(withValue(OS, `${P}.order.description`, 'd'.repeat(121)), 100, "['order']['description']", '120'));
	test('reference_id required', () =>
		expectFault(withValue(OS, `${P}.reference_id`, DELETE), 131008, "['parameters']['reference_id']"));
	test('payment status enum', () =>
		expectFault(
			orderStatus('shipped', { payment: { status: 'refunded' } }),
			131009,
			"['payment']['status']",
			'captured',
		));
	test('action name review_order', () =>
		expectFault(
			withValue(OS, 'interactive.action.name', 'review_and_pay'),
			131009,
			"interactive['action']['name']",
			'review_order',
		));
	test('body required', () => expectFault(withValue(OS, 'interactive.body', DELETE), 131008, "interactive['body']"));
	test('unknown parameter', () => expectFault(withValue(OS, `${P}.status`, 'shipped'), 100, 'Unexpected key "status"'));
});

describe('template messages: envelope only', () => {
	const T = message('template', { name: 'hello_world', language: { code: 'en_US' } });
	test('template content is not checked here', () => {
		expectValid(T);
		expectValid(withValue(T, 'template', { anything: true }));
	});
	test('envelope still checked', () => {
		expectFault(withValue(T, 'template', DELETE), 131008, 'The parameter template is required');
		expectFault(withValue(T, 'to', 'abc'), 131009, 'Param to');
		expectFault(withValue(T, 'messaging_product', DELETE), 131008, 'messaging_product');
		expectFault({ ...T, text: { body: 'x' } }, 100, 'Unexpected key "text"');
	});
});

describe('fault helpers', () => {
	test('formatPath uses Graph notation', () => {
		expect(formatPath(['interactive', 'action', 'buttons', 0, 'reply', 'id'])).toBe(
			"interactive['action']['buttons'][0]['reply']['id']",
		);
		expect(formatPath(['contacts', 3])).toBe('contacts[3]');
	});
	test('toGraphErrorBody mirrors doc 86', () => {
		const fault = validate(message('text', { body: '' }))!;
		expect(toGraphErrorBody(fault, 'trace')).toEqual({
			error: {
				message: '(#131009) Parameter value is not valid',
				type: 'OAuthException',
				code: 131009,
				error_data: { messaging_product: 'whatsapp', details: fault.details },
				fbtrace_id: 'trace',
			},
		});
	});
	test('titles follow doc 86', () => {
		expect(validate({ ...TEXT, foo: 1 })!.title).toBe('Invalid parameter');
		expect(validate(withValue(TEXT, 'to', DELETE))!.title).toBe('Required parameter is missing');
		expect(validate(message('carousel', {}))!.title).toBe('Unsupported message type');
	});
});
