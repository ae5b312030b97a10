import { graphError, httpStatusFor } from '../graphError';
import { unsupported, type GraphSandbox, type RouteModule, type SandboxRequest, type SandboxResponse } from '../server';
import { SANDBOX_IDS, type PhoneNumber } from '../state';
import type { GraphFault } from '../validate/fault';
import {
	conversationalFromQuery,
	requestFields,
	validateConversationalAutomation,
	validateRegister,
	validateRequestCode,
	validateSetPin,
	validateSettings,
	validateVerifyCode,
} from '../validate/account';

/** What the sandbox keeps per phone number beyond `state.phoneNumbers` (in `state.extra`, key `phoneNumbers.account`). */
export interface PhoneAccount {
	/** Two-step verification PIN; undefined = not set yet (the first register sets it, doc 54). */
	pin?: string;
	registerLog: number[];
	deregisterLog: number[];
	storage: { status: 'IN_COUNTRY_STORAGE_ENABLED' | 'IN_COUNTRY_STORAGE_DISABLED'; data_localization_region?: string };
	identityKeyCheck: boolean;
	conversational: {
		enable_welcome_message: boolean;
		prompts: string[];
		commands: Array<{ command_name: string; command_description: string }>;
	};
	/** Last code sent by request_code. */
	pendingCode?: string;
}

const ACCOUNT_KEY = 'phoneNumbers.account';
/** `state.extra` key: page size of `GET /{waba}/phone_numbers` when the request sets no `limit` (default 25). */
export const PHONE_PAGE_SIZE_KEY = 'phoneNumbers.pageSize';
const WINDOW_72H = 72 * 60 * 60 * 1000;
const PHONE_FIELDS = [
	'id',
	'display_phone_number',
	'verified_name',
	'quality_rating',
	'code_verification_status',
	'name_status',
	'status',
	'platform_type',
	'throughput',
	'health_status',
	'conversational_automation',
];
const LIST_DEFAULT_FIELDS = ['verified_name', 'display_phone_number', 'id', 'quality_rating'];

/** The sandbox state of one phone number's account settings, created on first use. */
export function phoneAccount(sandbox: GraphSandbox, id: string): PhoneAccount {
	let accounts = sandbox.state.extra.get(ACCOUNT_KEY) as Map<string, PhoneAccount> | undefined;
	if (!accounts) {
		accounts = new Map();
		sandbox.state.extra.set(ACCOUNT_KEY, accounts);
	}
	let account = accounts.get(id);
	if (!account) {
		account = {
			registerLog: [],
			deregisterLog: [],
			storage: { status: 'IN_COUNTRY_STORAGE_DISABLED' },
			identityKeyCheck: false,
			conversational: { enable_welcome_message: false, prompts: [], commands: [] },
		};
		accounts.set(id, account);
	}
	return account;
}

function faultResponse(fault: GraphFault): SandboxResponse {
	return {
		status: fault.httpStatus ?? httpStatusFor(fault.code),
		body: graphError(fault.code, fault.title, fault.details),
	};
}

function error(code: number, title: string, details: string): SandboxResponse {
	return { status: httpStatusFor(code), body: graphError(code, title, details) };
}

const ok = (): SandboxResponse => ({ status: 200, body: { success: true } });

function healthEntity(type: string, id: string, limitedBy?: string): Record<string, unknown> {
	return limitedBy
		? { entity_type: type, id, can_send_message: 'LIMITED', additional_info: [limitedBy] }
		: { entity_type: type, id, can_send_message: 'AVAILABLE' };
}

/** Doc 55: overall BLOCKED if any entity is, else LIMITED if any is, else AVAILABLE. */
function healthStatus(entities: Array<Record<string, unknown>>): Record<string, unknown> {
	const statuses = entities.map((e) => e.can_send_message);
	const overall = statuses.includes('BLOCKED') ? 'BLOCKED' : statuses.includes('LIMITED') ? 'LIMITED' : 'AVAILABLE';
	return { can_send_message: overall, entities };
}

const accountEntities = () => [
	healthEntity('WABA', SANDBOX_IDS.businessAccountId),
	healthEntity('BUSINESS', SANDBOX_IDS.businessId),
	healthEntity('APP', SANDBOX_IDS.appId),
];

function phoneHealth(phone: PhoneNumber): Record<string, unknown> {
	const limited =
		phone.name_status === 'APPROVED'
			? undefined
			: 'Your display name has not been approved yet. Your message limit will increase after the display name is approved.';
	return healthStatus([healthEntity('PHONE_NUMBER', phone.id, limited), ...accountEntities()]);
}

function nonexistingField(field: string, node: string): SandboxResponse {
	return error(
		100,
		'Tried accessing nonexisting field',
		`Tried accessing nonexisting field (${field}) on node type (${node})`,
	);
}

/** Register and deregister are each limited to 10 requests per number in a 72-hour moving window (doc 54). */
function rateLimited(log: number[], what: string): SandboxResponse | undefined {
	const now = Date.now();
	while (log.length && now - log[0] > WINDOW_72H) log.shift();
	if (log.length >= 10) {
		return error(
			133016,
			'Account register deregister rate limit exceeded',
			`More than 10 ${what} requests for this number in 72 hours; it is blocked from ${what} for the next 72 hours.`,
		);
	}
	log.push(now);
	return undefined;
}

/** Phone numbers (docs 12, 54, 55, 57, 60, 64, 72, 83, 09, 47): reading, listing, verifying, registering, settings. */
export const phoneNumberRoutes: RouteModule = (sandbox) => {
	const phoneFor = (req: SandboxRequest) => sandbox.state.phoneNumbers.get(req.params.phone);

	sandbox.onObject('GET', (req) => {
		const phone = sandbox.state.phoneNumbers.get(req.params.id);
		if (!phone) return undefined;
		const { registered: _registered, ...fields } = phone;
		const wanted = req.query.fields
			? req.query.fields
					.split(',')
					.map((f) => f.trim())
					.filter(Boolean)
			: ['verified_name', 'display_phone_number', 'quality_rating'];
		const unknown = wanted.find((field) => !PHONE_FIELDS.includes(field));
		if (unknown) return nonexistingField(unknown, 'WhatsAppBusinessPhoneNumber');
		const body: Record<string, unknown> = {};
		for (const field of wanted) {
			if (field === 'health_status') body.health_status = phoneHealth(phone);
			else if (field === 'conversational_automation')
				body.conversational_automation = phoneAccount(sandbox, phone.id).conversational;
			else if (field in fields) body[field] = fields[field as keyof typeof fields];
		}
		body.id = phone.id;
		return { status: 200, body };
	});

	// The WABA node answers only what this family knows about it: its health status (doc 55).
	sandbox.onObject('GET', (req) => {
		if (req.params.id !== SANDBOX_IDS.businessAccountId || req.query.fields !== 'health_status') return undefined;
		return { status: 200, body: { health_status: healthStatus(accountEntities()), id: req.params.id } };
	});

	// Doc 09: POST /{phone} { pin } sets the two-step verification PIN.
	sandbox.onObject('POST', (req) => {
		const phone = sandbox.state.phoneNumbers.get(req.params.id);
		if (!phone) return undefined;
		const fault = validateSetPin(req.json);
		if (fault) return faultResponse(fault);
		phoneAccount(sandbox, phone.id).pin = (req.json as { pin: string }).pin;
		return ok();
	});

	sandbox.route('GET', '/:waba/phone_numbers', (req) => {
		if (req.params.waba !== SANDBOX_IDS.businessAccountId) return unsupported('GET', req.params.waba);
		const all = [...sandbox.state.phoneNumbers.values()];
		const pageSize = req.query.limit
			? Number(req.query.limit)
			: Number(sandbox.state.extra.get(PHONE_PAGE_SIZE_KEY) ?? 25);
		if (!Number.isInteger(pageSize) || pageSize < 1)
			return error(100, 'Invalid parameter', `Param limit must be a positive integer (got "${req.query.limit}").`);
		const start = req.query.after ? Number(Buffer.from(req.query.after, 'base64').toString('utf8')) : 0;
		if (!Number.isInteger(start) || start < 0)
			return error(100, 'Invalid parameter', 'Param after is not a valid cursor.');
		const fields = req.query.fields ? req.query.fields.split(',').map((f) => f.trim()) : LIST_DEFAULT_FIELDS;
		const unknown = fields.find((field) => !PHONE_FIELDS.includes(field));
		if (unknown) return nonexistingField(unknown, 'WhatsAppBusinessPhoneNumber');
		const page = all.slice(start, start + pageSize).map((phone) => {
			const record: Record<string, unknown> = {};
			for (const field of fields) {
				if (field === 'health_status') record.health_status = phoneHealth(phone);
				else if (field !== 'conversational_automation') record[field] = phone[field as keyof PhoneNumber];
			}
			return record;
		});
		const cursor = (index: number) => Buffer.from(String(index)).toString('base64');
		const end = start + page.length;
		const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end) } };
		if (end < all.length) {
			paging.next = `${sandbox.baseUrl}/${req.version}/${req.params.waba}/phone_numbers?limit=${pageSize}&after=${cursor(end)}`;
		}
		return { status: 200, body: { data: page, paging } };
	});

	sandbox.route('POST', '/:phone/request_code', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('POST', req.params.phone);
		const fault = validateRequestCode(requestFields(req));
		if (fault) return faultResponse(fault);
		phoneAccount(sandbox, phone.id).pendingCode = String(Math.floor(100000 + Math.random() * 900000));
		return ok();
	});

	sandbox.route('POST', '/:phone/verify_code', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('POST', req.params.phone);
		const fields = requestFields(req);
		const fault = validateVerifyCode(fields);
		if (fault) return faultResponse(fault);
		const account = phoneAccount(sandbox, phone.id);
		if (!account.pendingCode || fields.code !== account.pendingCode) {
			return error(
				131009,
				'Parameter value is not valid',
				'Param code is not the verification code that was sent to this number.',
			);
		}
		account.pendingCode = undefined;
		phone.code_verification_status = 'VERIFIED';
		return ok();
	});

	sandbox.route('POST', '/:phone/register', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('POST', req.params.phone);
		const account = phoneAccount(sandbox, phone.id);
		const limited = rateLimited(account.registerLog, 'registration');
		if (limited) return limited;
		const fault = validateRegister(req.json);
		if (fault) return faultResponse(fault);
		const body = req.json as { pin: string; data_localization_region?: string };
		if (phone.code_verification_status !== 'VERIFIED') {
			return error(
				133006,
				'Phone number re-verification needed',
				'Verify the phone number (request_code, verify_code) before registering it.',
			);
		}
		if (account.pin !== undefined && account.pin !== body.pin) {
			return error(
				133005,
				'Two step verification PIN Mismatch',
				'The PIN does not match the two-step verification PIN of this number.',
			);
		}
		account.pin = body.pin;
		if (body.data_localization_region) {
			account.storage = {
				status: 'IN_COUNTRY_STORAGE_ENABLED',
				data_localization_region: body.data_localization_region,
			};
		}
		phone.registered = true;
		phone.status = 'CONNECTED';
		return ok();
	});

	sandbox.route('POST', '/:phone/deregister', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('POST', req.params.phone);
		const account = phoneAccount(sandbox, phone.id);
		const limited = rateLimited(account.deregisterLog, 'deregistration');
		if (limited) return limited;
		if (req.rawBody.length > 0 && !(req.json && typeof req.json === 'object' && Object.keys(req.json).length === 0)) {
			return error(100, 'Invalid parameter', 'Deregister takes no parameters.');
		}
		if (!phone.registered)
			return error(133010, 'Phone number Not Registered', 'The phone number is not registered on Cloud API.');
		phone.registered = false;
		phone.status = 'DISCONNECTED';
		// Doc 54: deregistering disables local storage.
		account.storage = { status: 'IN_COUNTRY_STORAGE_DISABLED' };
		return ok();
	});

	sandbox.route('GET', '/:phone/settings', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('GET', req.params.phone);
		return { status: 200, body: { storage_configuration: { ...phoneAccount(sandbox, phone.id).storage } } };
	});

	sandbox.route('POST', '/:phone/settings', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('POST', req.params.phone);
		const fault = validateSettings(req.json);
		if (fault) return faultResponse(fault);
		const body = req.json as {
			user_identity_change?: { enable_identity_key_check: boolean };
			storage_configuration?: PhoneAccount['storage'];
		};
		const account = phoneAccount(sandbox, phone.id);
		if (body.storage_configuration && phone.registered) {
			return error(
				131009,
				'Parameter value is not valid',
				'Local Storage can only be enabled or disabled on business phone numbers when they are in an unregistered state.',
			);
		}
		if (body.user_identity_change) account.identityKeyCheck = body.user_identity_change.enable_identity_key_check;
		if (body.storage_configuration) account.storage = { ...body.storage_configuration };
		return ok();
	});

	// Docs: doc 47's prose names this path while its request syntax reads the `conversational_automation` field; both are served.
	sandbox.route('GET', '/:phone/conversational_automation', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('GET', req.params.phone);
		return {
			status: 200,
			body: { conversational_automation: phoneAccount(sandbox, phone.id).conversational, id: phone.id },
		};
	});

	sandbox.route('POST', '/:phone/conversational_automation', (req) => {
		const phone = phoneFor(req);
		if (!phone) return unsupported('POST', req.params.phone);
		let input: unknown = req.json;
		if (input === undefined && Object.keys(req.query).length > 0) {
			const parsed = conversationalFromQuery(req.query);
			if ('code' in parsed && 'details' in parsed) return faultResponse(parsed as GraphFault);
			input = parsed;
		}
		const fault = validateConversationalAutomation(input);
		if (fault) return faultResponse(fault);
		const body = input as Partial<PhoneAccount['conversational']>;
		const current = phoneAccount(sandbox, phone.id).conversational;
		if (body.enable_welcome_message !== undefined) current.enable_welcome_message = body.enable_welcome_message;
		if (body.commands !== undefined) current.commands = body.commands;
		if (body.prompts !== undefined) current.prompts = body.prompts;
		return ok();
	});
};
