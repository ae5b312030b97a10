import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkCount, checkLength, checkOneOf, InputError, requireText } from '../../shared/InputError';
import { collectionItems, entryString } from '../formValues';
import { resolveBusinessAccountId, resolvePhoneNumberId } from './accountIds';
import { allOrNothing } from './allOrNothing';

/** Local storage countries (doc 54, `data_localization_region`; doc 72 points there). */
export const DATA_LOCALIZATION_REGIONS = [
	'AU',
	'ID',
	'IN',
	'JP',
	'SG',
	'KR',
	'DE',
	'CH',
	'GB',
	'BR',
	'BH',
	'ZA',
	'AE',
	'CA',
] as const;

/** Phone number fields the docs name (docs 12, 55, 57, 64, 72) plus the usual listing fields. */
export const PHONE_NUMBER_FIELDS = [
	'code_verification_status',
	'display_phone_number',
	'health_status',
	'name_status',
	'platform_type',
	'quality_rating',
	'status',
	'throughput',
	'verified_name',
] as const;

/** Conversational components limits (doc 47). */
export const CONVERSATIONAL_LIMITS = {
	commands: 30,
	commandName: 32,
	commandDescription: 256,
	prompts: 4,
	prompt: 80,
} as const;

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;
const PIN = /^\d{6}$/;

/** Doc 12 sends these as multipart form fields. */
function setForm(requestOptions: IHttpRequestOptions, form: FormData): IHttpRequestOptions {
	const headers = { ...(requestOptions.headers ?? {}) };
	// The node's default JSON content type would make the HTTP client serialise the form as JSON.
	for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
	requestOptions.headers = headers;
	requestOptions.body = form;
	return requestOptions;
}

/** A 6-digit two-step verification PIN (docs 09, 54, 83). The PIN itself never appears in a message. */
export function checkPin(field: string, value: unknown): string {
	const pin = typeof value === 'number' ? String(value) : requireText(field, value).trim();
	if (!PIN.test(pin)) {
		const size = [...pin].length;
		throw new InputError(
			field,
			`${field} must be exactly 6 digits; the value given has ${size} character${size === 1 ? '' : 's'}${/^\d*$/.test(pin) ? '' : ' and not only digits'}`,
		);
	}
	return pin;
}

function checkNoEmoji(field: string, value: string): void {
	if (EMOJI.test(value)) throw new InputError(field, `${field} cannot contain emojis; got "${value}"`);
}

/** Phone Number › Get: the chosen fields are names Graph knows. */
export function checkPhoneNumberFields(ctx: IExecuteSingleFunctions): void {
	const fields = (ctx.getNodeParameter('phoneNumberFields', []) as string[]) ?? [];
	for (const field of fields) checkOneOf('Fields', field, PHONE_NUMBER_FIELDS);
}

/** Phone Number › Get Health Status (doc 55): the ID of the phone number or of the WABA, whichever is asked about. */
export async function checkHealthStatusTarget(ctx: IExecuteSingleFunctions): Promise<string> {
	const target = String(ctx.getNodeParameter('healthStatusTarget', 'phoneNumber'));
	return target === 'businessAccount' ? await resolveBusinessAccountId(ctx) : await resolvePhoneNumberId(ctx);
}

/** preSend of Phone Number › Request Verification Code (doc 12): the form fields. */
export const requestCodeForm = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const method = checkOneOf('Code Method', String(this.getNodeParameter('codeMethod', 'SMS')), [
		'SMS',
		'VOICE',
	] as const);
	const language = requireText('Language', this.getNodeParameter('codeLanguage', 'en')).trim();
	// Docs: doc 12 (reference) wants a two-character language code ("en") as form fields; doc 72 (guide) sends "en_US" in the query. We follow doc 12.
	if (!/^[a-z]{2}$/.test(language)) {
		throw new InputError('Language', `Language must be a two-character language code such as "en"; got "${language}"`);
	}
	const form = new FormData();
	form.append('code_method', method);
	form.append('language', language);
	return setForm(requestOptions, form);
});

/** preSend of Phone Number › Verify Code (doc 12): the form field. */
export const verifyCodeForm = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const raw = this.getNodeParameter('verificationCode', '');
	const code = typeof raw === 'number' ? String(raw) : requireText('Verification Code', raw).trim();
	if (!/^\d+$/.test(code)) {
		throw new InputError(
			'Verification Code',
			`Verification Code must be a numeric string (digits only); got "${code}"`,
		);
	}
	const form = new FormData();
	form.append('code', code);
	return setForm(requestOptions, form);
});

/** preSend of Phone Number › Register (docs 54, 83, 28): the body, with local storage and backup only when set. */
export const registerBody = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	const body: IDataObject = { messaging_product: 'whatsapp', pin: checkPin('PIN', this.getNodeParameter('pin', '')) };
	const options = this.getNodeParameter('registerOptions', {}) as IDataObject;
	const region = String(options.dataLocalizationRegion ?? '').trim();
	if (region) body.data_localization_region = checkOneOf('Local Storage Region', region, DATA_LOCALIZATION_REGIONS);
	const password = options.backupPassword === undefined ? undefined : String(options.backupPassword);
	const data = options.backupData === undefined ? undefined : String(options.backupData).trim();
	if (password !== undefined || data !== undefined) {
		// Doc 83: both backup values are required when migrating from the On-Premises API.
		if (!password)
			throw new InputError(
				'Backup Password',
				'Backup Password is required with Backup Data (On-Premises migration, doc 83)',
			);
		if (!data)
			throw new InputError(
				'Backup Data',
				'Backup Data is required with Backup Password (On-Premises migration, doc 83)',
			);
		body.backup = { password, data };
	}
	requestOptions.body = body;
	return requestOptions;
});

/** Phone Number › Set Two-Step Verification PIN (doc 09): a 6-digit PIN. */
export function checkTwoStepPin(ctx: IExecuteSingleFunctions): string {
	return checkPin('PIN', ctx.getNodeParameter('pin', ''));
}

/** Builds the `/settings` body: identity change check (doc 12) and local storage (doc 72). */
export function buildSettings(settings: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (settings.identityKeyCheck !== undefined) {
		body.user_identity_change = {
			enable_identity_key_check: settings.identityKeyCheck === true || settings.identityKeyCheck === 'true',
		};
	}
	const storage = settings.localStorage === undefined ? undefined : String(settings.localStorage);
	const region = String(settings.dataLocalizationRegion ?? '').trim();
	if (storage !== undefined) {
		checkOneOf('Local Storage', storage, ['enabled', 'disabled'] as const);
		if (storage === 'enabled') {
			if (!region)
				throw new InputError('Local Storage Region', 'Local Storage Region is required to enable local storage');
			body.storage_configuration = {
				status: 'IN_COUNTRY_STORAGE_ENABLED',
				data_localization_region: checkOneOf('Local Storage Region', region, DATA_LOCALIZATION_REGIONS),
			};
		} else {
			if (region)
				throw new InputError('Local Storage Region', 'Local Storage Region cannot be set when disabling local storage');
			body.storage_configuration = { status: 'IN_COUNTRY_STORAGE_DISABLED' };
		}
	} else if (region) {
		throw new InputError('Local Storage Region', 'Local Storage Region is only used with Local Storage set to Enabled');
	}
	if (Object.keys(body).length === 0) throw new InputError('Settings', 'Settings: add at least one setting to change');
	return body;
}

/** preSend of Phone Number › Update Settings: the body of the settings given. */
export const settingsBody = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	requestOptions.body = buildSettings(this.getNodeParameter('phoneSettings', {}) as IDataObject);
	return requestOptions;
});

/** A list given either in the form (`name`) or as JSON (`nameJson`, the only way an expression can fill it inside a collection). */
function pick(components: IDataObject, name: string, label: string): unknown {
	const form = components[name];
	const json = components[`${name}Json`];
	if (form !== undefined && json !== undefined) {
		throw new InputError(label, `${label}: use either ${label} or ${label} (JSON), not both`);
	}
	return json ?? form;
}

/** Checks conversational components against doc 47 and builds the JSON body. */
export function buildConversationalComponents(components: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (components.enableWelcomeMessage !== undefined) {
		body.enable_welcome_message =
			components.enableWelcomeMessage === true || components.enableWelcomeMessage === 'true';
	}
	const commands = pick(components, 'commands', 'Commands');
	if (commands !== undefined) {
		const entries = collectionItems('Commands', commands, 'command');
		checkCount('Commands', entries, 0, CONVERSATIONAL_LIMITS.commands, 'commands');
		body.commands = entries.map((entry, i) => {
			const nameField = `Commands > Command ${i + 1} > Name`;
			const descriptionField = `Commands > Command ${i + 1} > Description`;
			const name = (entryString(entry, 'commandName') || entryString(entry, 'command_name')).trim();
			const description = (
				entryString(entry, 'commandDescription') || entryString(entry, 'command_description')
			).trim();
			requireText(nameField, name);
			requireText(descriptionField, description);
			checkLength(nameField, name, CONVERSATIONAL_LIMITS.commandName);
			checkLength(descriptionField, description, CONVERSATIONAL_LIMITS.commandDescription);
			checkNoEmoji(nameField, name);
			checkNoEmoji(descriptionField, description);
			return { command_name: name, command_description: description };
		});
	}
	const prompts = pick(components, 'prompts', 'Ice Breakers');
	if (prompts !== undefined) {
		const entries = collectionItems('Ice Breakers', prompts, 'prompt');
		checkCount('Ice Breakers', entries, 0, CONVERSATIONAL_LIMITS.prompts, 'ice breakers');
		body.prompts = entries.map((entry, i) => {
			const field = `Ice Breakers > Ice Breaker ${i + 1}`;
			const text = (typeof entry === 'string' ? entry : entryString(entry, 'text')).trim();
			requireText(field, text);
			checkLength(field, text, CONVERSATIONAL_LIMITS.prompt);
			checkNoEmoji(field, text);
			return text;
		});
	}
	if (Object.keys(body).length === 0) {
		throw new InputError('Components', 'Components: add the welcome message setting, commands or ice breakers to set');
	}
	return body;
}

/** preSend of Phone Number › Set Conversational Components (doc 47): the JSON body. */
export const conversationalComponentsBody = allOrNothing(async function (requestOptions) {
	await resolvePhoneNumberId(this);
	// Docs: doc 47 shows query-string syntax and a JSON-body sample request; we send the JSON body.
	requestOptions.body = buildConversationalComponents(
		this.getNodeParameter('conversationalComponents', {}) as IDataObject,
	);
	return requestOptions;
});
