import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { InputError, parseJsonInput } from '../../shared/InputError';

/**
 * The Custom Form of Send and Wait: its fields as the editor defines them (the names n8n's own Form node
 * uses, so a form written as JSON for n8n works here), the checks made before the question is sent, and the
 * answer the node outputs (one key per field label, as n8n's send-and-wait does).
 */

const FIELD_TYPES = [
	'checkbox',
	'date',
	'dropdown',
	'email',
	'hiddenField',
	'number',
	'password',
	'radio',
	'text',
	'textarea',
] as const;
export type FormFieldType = (typeof FIELD_TYPES)[number];

const CHOICE_TYPES: readonly FormFieldType[] = ['checkbox', 'dropdown', 'radio'];

export interface FormField {
	/** The output key: the label, or the field name of a hidden field. */
	key: string;
	label: string;
	type: FormFieldType;
	required: boolean;
	placeholder: string;
	defaultValue: string;
	/** Choices of dropdowns, checkboxes and radio buttons. */
	options: string[];
	/** Dropdowns: whether several choices can be picked. */
	multiselect: boolean;
	/** Hidden fields: the value sent with the answer. */
	value: string;
}

const FIELD_TYPE_OPTIONS = [
	{ name: 'Checkboxes', value: 'checkbox' },
	{ name: 'Date', value: 'date' },
	{ name: 'Dropdown', value: 'dropdown' },
	{ name: 'Email', value: 'email' },
	{ name: 'Hidden Field', value: 'hiddenField' },
	{ name: 'Number', value: 'number' },
	{ name: 'Password', value: 'password' },
	{ name: 'Radio Buttons', value: 'radio' },
	{ name: 'Text Input', value: 'text' },
	{ name: 'Textarea', value: 'textarea' },
];

const JSON_EXAMPLE = JSON.stringify(
	[
		{ fieldLabel: 'Name', placeholder: 'Your name', requiredField: true },
		{ fieldLabel: 'Quantity', fieldType: 'number' },
		{
			fieldLabel: 'Delivery',
			fieldType: 'radio',
			fieldOptions: { values: [{ option: 'Pick-up' }, { option: 'Courier' }] },
		},
	],
	null,
	2,
);

export function formFieldProperties(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Define Form',
			name: 'defineForm',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
			displayOptions,
		},
		{
			displayName: 'Form Fields',
			name: 'jsonOutput',
			type: 'json',
			typeOptions: { rows: 5 },
			default: JSON_EXAMPLE,
			description:
				'Array of fields as n8n\'s Form node takes them: {"fieldLabel", "fieldType", "requiredField", "placeholder", "defaultValue", "fieldOptions": {"values": [{"option"}]}, "multiselect"}; hidden fields: {"fieldType": "hiddenField", "fieldName", "fieldValue"}',
			displayOptions: { show: { ...displayOptions.show, defineForm: ['json'] } },
		},
		{
			displayName: 'Form Elements',
			name: 'formFields',
			placeholder: 'Add Form Element',
			type: 'fixedCollection',
			default: {},
			typeOptions: { multipleValues: true, sortable: true },
			displayOptions: { show: { ...displayOptions.show, defineForm: ['fields'] } },
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Default Value',
							name: 'defaultValue',
							type: 'string',
							default: '',
							displayOptions: { hide: { fieldType: ['hiddenField'] } },
						},
						{
							displayName: 'Element Type',
							name: 'fieldType',
							type: 'options',
							default: 'text',
							options: FIELD_TYPE_OPTIONS,
						},
						{
							displayName: 'Field Name',
							name: 'fieldName',
							type: 'string',
							default: '',
							description: 'Key of the hidden value in the output',
							displayOptions: { show: { fieldType: ['hiddenField'] } },
						},
						{
							displayName: 'Field Value',
							name: 'fieldValue',
							type: 'string',
							default: '',
							description: 'Value sent with the answer',
							displayOptions: { show: { fieldType: ['hiddenField'] } },
						},
						{
							displayName: 'Label',
							name: 'fieldLabel',
							type: 'string',
							default: '',
							placeholder: 'e.g. What is your name?',
							description: 'Shown above the field; also the key of the answer in the output',
							displayOptions: { hide: { fieldType: ['hiddenField'] } },
						},
						{
							displayName: 'Multiple Choice',
							name: 'multiselect',
							type: 'boolean',
							default: false,
							description: 'Whether several options can be picked',
							displayOptions: { show: { fieldType: ['dropdown'] } },
						},
						{
							displayName: 'Options',
							name: 'fieldOptions',
							placeholder: 'Add Option',
							type: 'fixedCollection',
							default: { values: [{ option: '' }] },
							typeOptions: { multipleValues: true, sortable: true },
							displayOptions: { show: { fieldType: CHOICE_TYPES as FormFieldType[] } },
							options: [
								{
									displayName: 'Values',
									name: 'values',
									values: [{ displayName: 'Option', name: 'option', type: 'string', default: '' }],
								},
							],
						},
						{
							displayName: 'Placeholder',
							name: 'placeholder',
							type: 'string',
							default: '',
							displayOptions: { show: { fieldType: ['text', 'textarea', 'email', 'number', 'password'] } },
						},
						{
							displayName: 'Required Field',
							name: 'requiredField',
							type: 'boolean',
							default: false,
							description: 'Whether the form can only be sent with this field filled in',
							displayOptions: { hide: { fieldType: ['hiddenField'] } },
						},
					],
				},
			],
		},
	];
}

const text = (value: unknown): string =>
	typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

/** Reads and checks the form definition (from the fields or JSON); throws InputError naming the field. */
export function readFormFields(defineForm: unknown, formFields: unknown, jsonOutput: unknown): FormField[] {
	const raw =
		defineForm === 'json'
			? parseJsonInput<unknown>('Form Fields', jsonOutput)
			: ((formFields as IDataObject | undefined)?.values ?? formFields ?? []);
	if (!Array.isArray(raw)) throw new InputError('Form Fields', 'Form Fields must be a list (JSON array) of fields');
	if (raw.length === 0) throw new InputError('Form Fields', 'Form Fields needs at least one field');
	const keys = new Set<string>();
	return raw.map((entry, index) => {
		const where = `Form Fields: field ${index + 1}`;
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
			throw new InputError('Form Fields', `${where} must be an object`);
		const field = entry as IDataObject;
		const type = text(field.fieldType || 'text') as FormFieldType;
		if (!FIELD_TYPES.includes(type)) {
			throw new InputError(
				'Form Fields',
				`${where} has type "${type}", which WhatsApp Cloud's Send and Wait does not offer; use one of ${FIELD_TYPES.join(', ')}`,
			);
		}
		const label = text(field.fieldLabel).trim();
		const key = type === 'hiddenField' ? text(field.fieldName).trim() : label;
		if (!key)
			throw new InputError('Form Fields', `${where} needs a ${type === 'hiddenField' ? 'field name' : 'label'}`);
		if (keys.has(key)) throw new InputError('Form Fields', `Form Fields: "${key}" is used by more than one field`);
		keys.add(key);
		const options = collectOptions(field.fieldOptions);
		if (CHOICE_TYPES.includes(type) && options.length === 0) {
			throw new InputError('Form Fields', `${where} ("${key}") needs at least one option`);
		}
		return {
			key,
			label,
			type,
			required: field.requiredField === true,
			placeholder: text(field.placeholder),
			defaultValue: text(field.defaultValue),
			options,
			multiselect: type === 'dropdown' && field.multiselect === true,
			value: text(field.fieldValue),
		};
	});
}

function collectOptions(value: unknown): string[] {
	const values = (value as IDataObject | undefined)?.values ?? value;
	if (!Array.isArray(values)) return [];
	return values
		.map((option) => text((option as IDataObject)?.option ?? option).trim())
		.filter((option) => option !== '');
}

/** The form's HTML input name of the field at `index` (as n8n's forms name them). */
export const inputName = (index: number) => `field-${index}`;

export type FormAnswer = { ok: true; data: IDataObject } | { ok: false; problems: string[] };

/**
 * The submitted form (`data`: the posted fields by input name) as the node's output: one key per field,
 * numbers as numbers, checkboxes and multiple-choice dropdowns as arrays, a missing optional field as null.
 */
export function readFormAnswer(fields: FormField[], data: IDataObject): FormAnswer {
	const answer: IDataObject = {};
	const problems: string[] = [];
	fields.forEach((field, index) => {
		if (field.type === 'hiddenField') {
			answer[field.key] = field.value;
			return;
		}
		const posted = data[inputName(index)];
		const values = (Array.isArray(posted) ? posted : posted === undefined || posted === null ? [] : [posted])
			.map(text)
			.filter((value) => value.trim() !== '');
		if (values.length === 0) {
			if (field.required) problems.push(`${field.label} is required`);
			answer[field.key] = null;
			return;
		}
		if (CHOICE_TYPES.includes(field.type)) {
			const unknown = values.find((value) => !field.options.includes(value));
			if (unknown !== undefined) problems.push(`${field.label}: "${unknown}" is not one of its options`);
			answer[field.key] = field.type === 'checkbox' || field.multiselect ? values : values[0];
			return;
		}
		const value = values[0];
		if (field.type === 'number') {
			const number = Number(value);
			if (!Number.isFinite(number)) problems.push(`${field.label} must be a number`);
			answer[field.key] = number;
			return;
		}
		answer[field.key] = field.type === 'text' || field.type === 'email' ? value.trim() : value;
	});
	return problems.length > 0 ? { ok: false, problems } : { ok: true, data: answer };
}
