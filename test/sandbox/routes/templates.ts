import { graphError } from '../graphError';
import { unsupported, type RouteModule, type SandboxRequest, type SandboxResponse } from '../server';
import { SANDBOX_IDS } from '../state';
import { templateStore, type StoredTemplate } from '../templateStore';

/**
 * Message templates: list/create/delete under `/{waba-id}/message_templates`, the Template Library (doc 27),
 * `GET /{template-id}` with `?fields=health_status` (doc 55).
 */

const bad = (details: string, code = 100, title = 'Invalid parameter'): SandboxResponse => ({
	status: 400,
	body: graphError(code, title, details),
});

export const LIBRARY = [
	{
		name: 'delivery_update_1',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'ORDER_MANAGEMENT',
		usecase: 'DELIVERY_UPDATE',
		industry: ['E_COMMERCE'],
		body: 'Good news! Your order {{1}} is on its way. Track it below.',
		body_params: ['#12345'],
		body_param_types: ['TEXT'],
		buttons: [{ type: 'URL', text: 'Track order', url: 'https://www.example.com/' }],
		id: '7147013345418901',
	},
	{
		name: 'low_balance_warning_1',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'PAYMENTS',
		usecase: 'LOW_BALANCE_WARNING',
		industry: ['FINANCIAL_SERVICES'],
		header: 'Your account balance is low',
		body: 'Hi {{1}},\nThis is to notify you that your {{2}} in your {{3}} account, ending in {{4}} is below your pre-set {{5}} of {{6}}.\nClick the button to deposit more {{7}}.\n{{8}}',
		body_params: ['Jim', 'available funds', 'CS Mutual checking plus', '1234', 'limit', '$75.00', 'funds', 'CS Mutual'],
		buttons: [
			{ type: 'URL', text: 'Make a deposit', url: 'https://www.example.com/' },
			{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+18005551234' },
		],
		id: '7147013345418927',
	},
	{
		name: 'delivery_failed_2_form',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'ORDER_MANAGEMENT',
		usecase: 'DELIVERY_FAILED',
		industry: ['E_COMMERCE'],
		body: 'We were unable to deliver order {{1}} today.\n\nPlease {{2}} to schedule another delivery attempt.',
		body_params: ['#12345', 'try a redelivery'],
		body_param_types: ['TEXT', 'TEXT'],
		buttons: [{ type: 'FLOW', text: 'Reschedule' }],
		id: '7138055039625658',
	},
];

function page<T>(records: T[], req: SandboxRequest, defaultLimit = 25): { data: T[]; paging?: object } {
	const limit = Math.max(1, Number(req.query.limit ?? defaultLimit) || defaultLimit);
	const start = req.query.after ? Number(Buffer.from(req.query.after, 'base64').toString('utf8')) || 0 : 0;
	const data = records.slice(start, start + limit);
	const end = start + data.length;
	const cursors = {
		before: Buffer.from(String(start)).toString('base64'),
		after: Buffer.from(String(end)).toString('base64'),
	};
	return end < records.length
		? { data, paging: { cursors, next: `https://graph.facebook.com/next?after=${cursors.after}` } }
		: { data, paging: { cursors } };
}

function pick(template: StoredTemplate, fields: string | undefined): Record<string, unknown> {
	if (!fields) return { ...template };
	const wanted = fields.split(',').map((f) => f.trim());
	const out: Record<string, unknown> = {};
	for (const key of wanted) if (key in template) out[key] = (template as unknown as Record<string, unknown>)[key];
	out.id = template.id;
	return out;
}

function healthStatus(template: StoredTemplate) {
	const blocked = template.status !== 'APPROVED';
	const entity: Record<string, unknown> = {
		entity_type: 'MESSAGE_TEMPLATE',
		id: template.id,
		can_send_message: blocked ? 'BLOCKED' : 'AVAILABLE',
	};
	if (blocked) {
		entity.errors = [
			{
				error_code: 141002,
				error_description: 'Message templates can only be sent out if they are approved.',
				possible_solution: 'Edit or appeal the message template review decision.',
			},
		];
	}
	return {
		health_status: {
			can_send_message: blocked ? 'BLOCKED' : 'AVAILABLE',
			entities: [
				entity,
				{ entity_type: 'WABA', id: SANDBOX_IDS.businessAccountId, can_send_message: 'AVAILABLE' },
				{ entity_type: 'BUSINESS', id: '506914307656634', can_send_message: 'AVAILABLE' },
				{ entity_type: 'APP', id: SANDBOX_IDS.appId, can_send_message: 'AVAILABLE' },
			],
		},
		id: template.id,
	};
}

const NAME = /^[a-z0-9_]+$/;
const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

export const templateRoutes: RouteModule = (sandbox) => {
	const known = (waba: string) => waba === SANDBOX_IDS.businessAccountId;

	sandbox.route('GET', '/message_template_library', (req) => {
		const search = (req.query.search ?? '').replace(/^"|"$/g, '').toLowerCase();
		const records = LIBRARY.filter(
			(t) =>
				(!search || JSON.stringify([t.name, t.header, t.body]).toLowerCase().includes(search)) &&
				(!req.query.topic || t.topic === req.query.topic) &&
				(!req.query.usecase || t.usecase === req.query.usecase) &&
				(!req.query.industry || t.industry.includes(req.query.industry)) &&
				(!req.query.language || t.language === req.query.language),
		);
		return { status: 200, body: page(records, req) };
	});

	sandbox.route('GET', '/:waba/message_templates', (req) => {
		if (!known(req.params.waba)) return unsupported('GET', req.params.waba);
		const q = req.query;
		const records = templateStore(sandbox)
			.all()
			.filter(
				(t) =>
					(!q.name || t.name.includes(q.name)) &&
					(!q.status || t.status === q.status.toUpperCase()) &&
					(!q.category || t.category === q.category.toUpperCase()) &&
					(!q.language || t.language === q.language),
			)
			.map((t) => pick(t, q.fields));
		return { status: 200, body: page(records, req) };
	});

	sandbox.route('POST', '/:waba/message_templates', (req) => {
		if (!known(req.params.waba)) return unsupported('POST', req.params.waba);
		const body = (req.json ?? {}) as Record<string, unknown>;
		const name = body.name;
		if (typeof name !== 'string' || !name)
			return bad('The parameter name is required.', 131008, 'Required parameter is missing');
		if (!NAME.test(name) || name.length > 512)
			return bad('Param name must be at most 512 lowercase letters, digits and underscores.');
		if (typeof body.language !== 'string' || !body.language)
			return bad('The parameter language is required.', 131008, 'Required parameter is missing');
		const category = String(body.category ?? '').toUpperCase();
		if (!CATEGORIES.includes(category)) return bad(`Param category must be one of ${CATEGORIES.join(', ')}.`);
		const store = templateStore(sandbox);
		if (store.find(name, body.language)) return bad(`Content in this language already exists for template ${name}.`);
		let components: Array<Record<string, unknown>>;
		let status = 'PENDING';
		if (body.library_template_name !== undefined) {
			const library = LIBRARY.find((t) => t.name === body.library_template_name);
			if (!library)
				return bad(`Param library_template_name: no library template named "${String(body.library_template_name)}".`);
			// Doc 27: library templates must be UTILITY; with buttons, button inputs are required.
			if (category !== 'UTILITY') return bad('Param category must be UTILITY for templates from the Template Library.');
			const inputs = body.library_template_button_inputs;
			if (library.buttons.some((b) => b.type !== 'FLOW') && inputs === undefined) {
				return bad(
					'The parameter library_template_button_inputs is required for this library template.',
					131008,
					'Required parameter is missing',
				);
			}
			components = [{ type: 'BODY', text: library.body, example: { body_text: [library.body_params] } }];
			status = 'APPROVED';
		} else {
			if (!Array.isArray(body.components) || body.components.length === 0) {
				return bad('The parameter components is required.', 131008, 'Required parameter is missing');
			}
			components = body.components as Array<Record<string, unknown>>;
			if (!components.some((c) => String(c.type).toUpperCase() === 'BODY'))
				return bad('Param components must include a BODY component.');
		}
		const stored = store.add({
			name,
			language: body.language,
			status,
			category,
			parameter_format: body.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL',
			components,
			...(typeof body.sub_category === 'string' ? { sub_category: body.sub_category } : {}),
			...(typeof body.display_format === 'string' ? { display_format: body.display_format } : {}),
			...(typeof body.library_template_name === 'string' ? { library_template_name: body.library_template_name } : {}),
		});
		return { status: 200, body: { id: stored.id, status: stored.status, category: stored.category } };
	});

	sandbox.route('DELETE', '/:waba/message_templates', (req) => {
		if (!known(req.params.waba)) return unsupported('DELETE', req.params.waba);
		const store = templateStore(sandbox);
		if (!req.query.name) return bad('The parameter name is required.', 131008, 'Required parameter is missing');
		const matches = store
			.all()
			.filter((t) => t.name === req.query.name && (!req.query.hsm_id || t.id === req.query.hsm_id));
		if (matches.length === 0) return bad(`Message template "${req.query.name}" not found.`);
		for (const t of matches) store.delete(t.id);
		return { status: 200, body: { success: true } };
	});

	sandbox.onObject('GET', (req) => {
		const template = templateStore(sandbox).byId(req.params.id);
		if (!template) return undefined;
		if (req.query.fields === 'health_status') return { status: 200, body: healthStatus(template) };
		return { status: 200, body: pick(template, req.query.fields) };
	});
};
