import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { checkLength, checkOneOf, InputError, parseJsonInput, requireText } from '../../shared/InputError';
import { resolveBusinessAccountId } from './accountIds';
import { allOrNothing } from './allOrNothing';

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export const TEMPLATE_STATUSES = [
	'APPROVED',
	'PENDING',
	'REJECTED',
	'PAUSED',
	'DISABLED',
	'IN_APPEAL',
	'PENDING_DELETION',
	'DELETED',
	'LIMIT_EXCEEDED',
] as const;
export const LIBRARY_TOPICS = ['ACCOUNT_UPDATE', 'CUSTOMER_FEEDBACK', 'ORDER_MANAGEMENT', 'PAYMENTS'] as const;
export const LIBRARY_INDUSTRIES = ['E_COMMERCE', 'FINANCIAL_SERVICES'] as const;
export const LIBRARY_USECASES = [
	'ACCOUNT_CREATION_CONFIRMATION',
	'AUTO_PAY_REMINDER',
	'DELIVERY_CONFIRMATION',
	'DELIVERY_FAILED',
	'DELIVERY_UPDATE',
	'FEEDBACK_SURVEY',
	'FRAUD_ALERT',
	'LOW_BALANCE_WARNING',
	'ORDER_ACTION_NEEDED',
	'ORDER_CONFIRMATION',
	'ORDER_DELAY',
	'ORDER_OR_TRANSACTION_CANCEL',
	'ORDER_PICK_UP',
	'PAYMENT_ACTION_REQUIRED',
	'PAYMENT_CONFIRMATION',
	'PAYMENT_DUE_REMINDER',
	'PAYMENT_OVERDUE',
	'PAYMENT_REJECT_FAIL',
	'PAYMENT_SCHEDULED',
	'RECEIPT_ATTACHMENT',
	'RETURN_CONFIRMATION',
	'SHIPMENT_CONFIRMATION',
	'STATEMENT_ATTACHMENT',
	'STATEMENT_AVAILABLE',
	'TRANSACTION_ALERT',
] as const;

export const MAX_TEMPLATE_NAME = 512;
const TEMPLATE_NAME = /^[a-z0-9_]+$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Za-z]{2,4})?$/;

const param = (ctx: IExecuteSingleFunctions, name: string, fallback: unknown = '') =>
	ctx.getNodeParameter(name, fallback);

function templateName(value: unknown): string {
	const name = requireText('Name', value).trim();
	checkLength('Name', name, MAX_TEMPLATE_NAME);
	if (!TEMPLATE_NAME.test(name)) {
		throw new InputError('Name', `Name may only contain lowercase letters, digits and underscores; got "${name}"`);
	}
	return name;
}

function language(value: unknown): string {
	const code = requireText('Language', value).trim();
	if (!LANGUAGE.test(code))
		throw new InputError('Language', `Language must be a language code like en or en_US; got "${code}"`);
	return code;
}

/** Template › Get and Get Health Status: the template's ID goes into the URL, so it must be digits. */
export function checkTemplateId(ctx: IExecuteSingleFunctions): string {
	const id = String(ctx.getNodeParameter('templateId', '', { extractValue: true }) ?? '').trim();
	if (!/^\d+$/.test(id))
		throw new InputError('Template', id ? `A template ID has digits only; got "${id}"` : 'Template is required');
	return id;
}

/** Template › Get Many: the filters Graph would refuse (unknown status or category, malformed language). */
export function checkTemplateFilters(ctx: IExecuteSingleFunctions): void {
	const filters = param(ctx, 'templateFilters', {}) as IDataObject;
	if (filters.status) checkOneOf('Status', String(filters.status), TEMPLATE_STATUSES);
	if (filters.category) checkOneOf('Category', String(filters.category), TEMPLATE_CATEGORIES);
	if (filters.language) language(filters.language);
}

/** Template › Delete: the name (every language) and, optionally, the ID of one language version. */
export function checkTemplateDeletion(ctx: IExecuteSingleFunctions): void {
	templateName(param(ctx, 'templateName'));
	const id = String(param(ctx, 'deleteTemplateId', '') ?? '').trim();
	if (id && !/^\d+$/.test(id))
		throw new InputError('Only the Version With ID', `A template ID has digits only; got "${id}"`);
}

/** Template › Search Library: the filters Graph would refuse. */
export function checkLibraryFilters(ctx: IExecuteSingleFunctions): void {
	const filters = param(ctx, 'libraryFilters', {}) as IDataObject;
	if (filters.topic) checkOneOf('Topic', String(filters.topic), LIBRARY_TOPICS);
	if (filters.usecase) checkOneOf('Use Case', String(filters.usecase), LIBRARY_USECASES);
	if (filters.industry) checkOneOf('Industry', String(filters.industry), LIBRARY_INDUSTRIES);
	if (filters.language) language(filters.language);
}

interface ButtonInputEntry {
	type?: string;
	baseUrl?: string;
	urlSuffixExample?: string;
	phoneNumber?: string;
}

/** `library_template_button_inputs` from the form (or a JSON array from an expression). */
export function libraryButtonInputs(value: unknown): IDataObject[] | undefined {
	const raw = parseJsonInput<unknown>('Button Inputs', value);
	const entries = Array.isArray(raw)
		? raw
		: raw && typeof raw === 'object' && Array.isArray((raw as IDataObject).button)
			? ((raw as IDataObject).button as unknown[])
			: [];
	if (entries.length === 0) return undefined;
	return entries.map((entry, i) => {
		const e = (entry ?? {}) as ButtonInputEntry & IDataObject;
		if (e.url !== undefined || e.phone_number !== undefined) return e as IDataObject;
		const type = checkOneOf('Button Inputs > Type', String(e.type ?? ''), ['URL', 'PHONE_NUMBER']);
		if (type === 'URL') {
			const base = requireText(`Button Inputs > Base URL (button ${i + 1})`, e.baseUrl).trim();
			if (!/^https?:\/\//.test(base))
				throw new InputError('Button Inputs > Base URL', `Base URL must be an http(s) URL; got "${base}"`);
			const url: IDataObject = { base_url: base };
			const example = String(e.urlSuffixExample ?? '').trim();
			if (example) url.url_suffix_example = example;
			return { type, url };
		}
		const phone = requireText(`Button Inputs > Phone Number (button ${i + 1})`, e.phoneNumber).trim();
		if (!/^\+?[\d\s()-]+$/.test(phone))
			throw new InputError(
				'Button Inputs > Phone Number',
				`Phone Number may contain digits, spaces, -, ( ) and + only; got "${phone}"`,
			);
		return { type, phone_number: phone };
	});
}

/** preSend of Template › Create: the body, from the template library (doc 27) or from components. */
export const templateBody = allOrNothing(async function (requestOptions) {
	const source = checkOneOf('Create From', String(param(this, 'templateSource', 'components')), [
		'library',
		'components',
	]);
	const body: IDataObject = {
		name: templateName(param(this, 'templateName')),
		language: language(param(this, 'templateCreateLanguage')),
	};
	if (source === 'library') {
		// Doc 27: library templates must be UTILITY.
		body.category = 'UTILITY';
		body.library_template_name = requireText('Library Template Name', param(this, 'libraryTemplateName')).trim();
		// Docs: the example (27) sends library_template_button_inputs as a string of single-quoted pseudo-JSON; its
		// property table types it "Array of objects", which is what is sent.
		const inputs = libraryButtonInputs(param(this, 'libraryButtonInputs', {}));
		if (inputs) body.library_template_button_inputs = inputs;
	} else {
		body.category = checkOneOf(
			'Category',
			String(param(this, 'templateCategory', 'MARKETING')).toUpperCase(),
			TEMPLATE_CATEGORIES,
		);
		const components = parseJsonInput<unknown>('Components (JSON)', param(this, 'templateCreateComponents', '[]'));
		if (!Array.isArray(components) || components.length === 0) {
			throw new InputError(
				'Components (JSON)',
				'Components (JSON) must be a non-empty array, e.g. [{"type":"BODY","text":"Hello {{1}}"}]',
			);
		}
		body.components = components;
		const extra = param(this, 'templateCreateOptions', {}) as IDataObject;
		if (extra.subCategory) body.sub_category = String(extra.subCategory);
		if (extra.displayFormat) body.display_format = String(extra.displayFormat);
		if (extra.parameterFormat) body.parameter_format = String(extra.parameterFormat);
		if (extra.allowCategoryChange === true) body.allow_category_change = true;
	}
	await resolveBusinessAccountId(this);
	requestOptions.body = body;
	return requestOptions;
});
