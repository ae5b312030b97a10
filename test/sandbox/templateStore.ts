import type { GraphSandbox } from './server';

/**
 * The sandbox's message templates (state.extra key `templates`), seeded with one template of every kind the
 * template pages document, in the shape GET /{waba-id}/message_templates returns them.
 */

export type Component = Record<string, unknown>;

export interface StoredTemplate {
	id: string;
	name: string;
	language: string;
	status: string;
	category: string;
	parameter_format: 'POSITIONAL' | 'NAMED';
	components: Component[];
	sub_category?: string;
	display_format?: string;
	library_template_name?: string;
	quality_score?: { score: string };
	rejected_reason?: string;
}

export class TemplateStore {
	readonly templates = new Map<string, StoredTemplate>();

	private nextId = 2000000000000001n;

	constructor(seed: StoredTemplate[]) {
		for (const template of seed) this.templates.set(template.id, template);
	}

	all(): StoredTemplate[] {
		return [...this.templates.values()];
	}

	byId(id: string): StoredTemplate | undefined {
		return this.templates.get(id);
	}

	find(name: string, language: string): StoredTemplate | undefined {
		return this.all().find((t) => t.name === name && t.language === language);
	}

	/** Test helper: the seeded template with this name (first language). */
	named(name: string): StoredTemplate {
		const found = this.all().find((t) => t.name === name);
		if (!found) throw new Error(`No seeded template ${name}`);
		return found;
	}

	add(template: Omit<StoredTemplate, 'id'>): StoredTemplate {
		const stored = { ...template, id: String(this.nextId++) };
		this.templates.set(stored.id, stored);
		return stored;
	}

	delete(id: string): void {
		this.templates.delete(id);
	}
}

const TEMPLATES_KEY = 'templates';

/** The sandbox's template store, seeded on first use after every reset. */
export function templateStore(sandbox: GraphSandbox): TemplateStore {
	let store = sandbox.state.extra.get(TEMPLATES_KEY) as TemplateStore | undefined;
	if (!store) {
		store = new TemplateStore(seedTemplates());
		sandbox.state.extra.set(TEMPLATES_KEY, store);
	}
	return store;
}

const body = (text: string, examples?: string[]): Component =>
	examples ? { type: 'BODY', text, example: { body_text: [examples] } } : { type: 'BODY', text };
const footer = (text: string): Component => ({ type: 'FOOTER', text });
const buttons = (...list: Component[]): Component => ({ type: 'BUTTONS', buttons: list });
const quickReply = (text: string): Component => ({ type: 'QUICK_REPLY', text });
const mediaHeader = (format: string): Component => ({
	type: 'HEADER',
	format,
	example: { header_handle: ['4::aW1hZ2U=:ARb...'] },
});

let seedId = 0;
function template(
	name: string,
	category: string,
	components: Component[],
	extra: Partial<StoredTemplate> = {},
): StoredTemplate {
	seedId++;
	return {
		id: String(1000000000000000 + seedId),
		name,
		language: 'en_US',
		status: 'APPROVED',
		category,
		parameter_format: 'POSITIONAL',
		components,
		...extra,
	};
}

const otpButton = (otpType: string): Component =>
	otpType === 'COPY_CODE'
		? {
				type: 'URL',
				text: 'Copy code',
				url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=10&code=otp{{1}}',
			}
		: {
				type: 'OTP',
				otp_type: otpType,
				text: 'Autofill',
				package_name: 'com.example.luckyshrub',
				signature_hash: 'K8a/AINcGX7',
			};

const mediaCard = (image: string): Component => ({
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: [image] } },
		{ type: 'BODY', text: 'Rare succulents for your collection.' },
		buttons(quickReply('Send more like this'), {
			type: 'URL',
			text: 'Buy now',
			url: 'https://www.luckyshrub.com/shop?promo={{1}}',
			example: ['https://www.luckyshrub.com/shop?promo=summer_lp'],
		}),
	],
});

const productCard = (): Component => ({
	components: [{ type: 'HEADER', format: 'PRODUCT' }, buttons({ type: 'SPM', text: 'View' })],
});

export function seedTemplates(): StoredTemplate[] {
	seedId = 0;
	return [
		// doc 01: location header, body variables, footer, quick reply
		template('order_delivery_update', 'UTILITY', [
			{ type: 'HEADER', format: 'LOCATION' },
			body('Good news {{1}}! Your order #{{2}} is on its way to the location above.', ['Pablo', '566701']),
			footer('Lucky Shrub'),
			buttons(quickReply('Stop updates')),
		]),
		// doc 01: named parameters
		template(
			'order_confirmation',
			'UTILITY',
			[body('Thank you {{customer_name}}! Your order number is {{order_id}}.', undefined), footer('Lucky Shrub')],
			{ parameter_format: 'NAMED' },
		),
		template('order_confirmation', 'UTILITY', [body('¡Gracias {{1}}! Tu pedido es el {{2}}.', ['Pablo', '1234'])], {
			language: 'es',
		}),
		// docs 01, 16: image header, text/currency/date_time body, quick replies
		template('purchase_receipt', 'UTILITY', [
			mediaHeader('IMAGE'),
			body('Hi {{1}}, you paid {{2}} on {{3}}.', ['Pablo', '$100.99', 'May 1, 2025']),
			buttons(quickReply('Thanks'), quickReply('Not me')),
		]),
		template('invoice_document', 'UTILITY', [
			mediaHeader('DOCUMENT'),
			body('Your invoice {{1}} is attached.', ['INV-1']),
		]),
		template('product_video', 'MARKETING', [mediaHeader('VIDEO'), body('See it in action.')]),
		template('welcome_header_text', 'MARKETING', [
			{ type: 'HEADER', format: 'TEXT', text: 'Welcome {{1}}', example: { header_text: ['Pablo'] } },
			body('Glad you are here.'),
		]),
		// doc 42: authentication (copy code, one-tap, zero-tap)
		template('verification_code', 'AUTHENTICATION', [
			{ type: 'BODY', text: '*{{1}}* is your verification code.', add_security_recommendation: true },
			{ type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
			buttons(otpButton('COPY_CODE')),
		]),
		template('verification_code_one_tap', 'AUTHENTICATION', [
			{ type: 'BODY', text: '*{{1}}* is your verification code.' },
			buttons(otpButton('ONE_TAP')),
		]),
		template('verification_code_zero_tap', 'AUTHENTICATION', [
			{ type: 'BODY', text: '*{{1}}* is your verification code.' },
			buttons(otpButton('ZERO_TAP')),
		]),
		// doc 24: multi-product message
		template('abandoned_cart', 'MARKETING', [
			{ type: 'HEADER', format: 'TEXT', text: 'Forget something, {{1}}?', example: { header_text: ['Pablo'] } },
			body('Use code {{1}} to get 10% off!', ['10OFF']),
			buttons({ type: 'MPM', text: 'View items' }),
		]),
		// doc 14: single-product message
		template('abandoned_cart_offer', 'MARKETING', [
			{ type: 'HEADER', format: 'PRODUCT' },
			body('Use code {{1}} to get {{2}} off!', ['25OFF', '25%']),
			footer('Lucky Shrub'),
			buttons({ type: 'SPM', text: 'View' }),
		]),
		// doc 82: catalog
		template('intro_catalog_offer', 'MARKETING', [
			body(
				'Now shop for your favourite products right here on WhatsApp! Get Rs {{1}} off on all orders above {{2}}Rs! Valid for your first {{3}} orders!',
				['100', '400', '3'],
			),
			buttons({ type: 'CATALOG', text: 'View catalog' }),
		]),
		// doc 34: coupon code
		template('coupon_code_fall2023_25off', 'MARKETING', [
			body('Use code {{1}} to get {{2}} off all fall items!', ['25OFF', '25%']),
			buttons(quickReply('Unsubscribe'), { type: 'COPY_CODE', example: '25OFF' }),
		]),
		// doc 78: limited-time offer
		template('limited_time_offer_caribbean_pkg_2023', 'MARKETING', [
			mediaHeader('IMAGE'),
			{ type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Expiring offer!', has_expiration: true } },
			body('Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!', [
				'Pablo',
				'CARIBE25',
			]),
			buttons(
				{ type: 'COPY_CODE', example: 'CARIBE25' },
				{
					type: 'URL',
					text: 'Book now!',
					url: 'https://awesomedestinations.com/offers?code={{1}}',
					example: ['https://awesomedestinations.com/offers?ref=n3mtql'],
				},
			),
		]),
		// doc 87: media card carousel
		template('carousel_template_media_cards_v1', 'MARKETING', [
			body(
				'Rare succulents for sale! {{1}}, add these unique plants to your collection. Each comes in a handcrafted pot. Use code {{3}} for {{2}} off!',
				['Pablo', '20%', '20OFF'],
			),
			{ type: 'CAROUSEL', cards: [mediaCard('4::aW1hZ2U=:1'), mediaCard('4::aW1hZ2U=:2'), mediaCard('4::aW1hZ2U=:3')] },
		]),
		// doc 19: product card carousel
		template('carousel_template_product_cards_v1', 'MARKETING', [
			body('Hi {{1}}! Check out these fantastic savings!', ['Pablo']),
			{ type: 'CAROUSEL', cards: [productCard(), productCard(), productCard()] },
		]),
		// doc 67: flow
		template('example_template_name', 'MARKETING', [
			body('This is a flows as template demo'),
			buttons({
				type: 'FLOW',
				text: 'Sign up',
				flow_action: 'navigate',
				navigate_screen: 'WELCOME_SCREEN',
				flow_id: '1234567890',
			}),
		]),
		// doc 49: checkout button
		template('item_back_in_stock_v2', 'MARKETING', [
			mediaHeader('IMAGE'),
			body("Hi {{1}}! The {{2}} is back in stock! Order now before it's gone!", ['Pablo', 'Blue Elf Aloe']),
			footer("Tap 'Stop' below to stop back-in-stock reminders."),
			buttons({ type: 'ORDER_DETAILS', text: 'Buy now' }, quickReply('Stop')),
		]),
		// doc 35: order details (India)
		template('order_details_in', 'UTILITY', [
			mediaHeader('IMAGE'),
			body('Your order is ready. Review and pay below.'),
			footer('Lucky Shrub'),
			buttons({ type: 'ORDER_DETAILS', text: 'Review and Pay' }),
		]),
		// doc 32: order details (Brazil, Pix)
		template(
			'order_details_br',
			'UTILITY',
			[
				{ type: 'HEADER', format: 'TEXT', text: 'Seu pedido' },
				body('Copie o código Pix para pagar.'),
				buttons({ type: 'ORDER_DETAILS', text: 'Copy Pix code' }),
			],
			{ language: 'pt_BR', display_format: 'ORDER_DETAILS' },
		),
		// doc 51: order status
		template('order_status_update', 'UTILITY', [body('Your order status changed.'), footer('Lucky Shrub')], {
			sub_category: 'ORDER_STATUS',
		}),
		// not sendable
		template('seasonal_promo_paused', 'MARKETING', [body('Spring sale!')], {
			status: 'PAUSED',
			quality_score: { score: 'RED' },
		}),
		template('old_promo_disabled', 'MARKETING', [body('Old sale!')], {
			status: 'DISABLED',
			quality_score: { score: 'RED' },
		}),
		template('welcome_rejected', 'MARKETING', [body('Click here now!!!')], {
			status: 'REJECTED',
			rejected_reason: 'PROMOTIONAL',
		}),
		template('new_offer_pending', 'MARKETING', [body('New offer for {{1}}', ['Pablo'])], { status: 'PENDING' }),
	];
}
