import type { INodeProperties } from 'n8n-workflow';

import { resolveBusinessAccountId } from '../hooks/accountIds';
import { checkInput } from '../hooks/checkInput';
import { listFields } from '../hooks/pagination';
import {
	checkLibraryFilters,
	checkTemplateDeletion,
	checkTemplateFilters,
	checkTemplateId,
	LIBRARY_INDUSTRIES,
	LIBRARY_TOPICS,
	LIBRARY_USECASES,
	TEMPLATE_CATEGORIES,
	TEMPLATE_STATUSES,
	templateBody,
} from '../hooks/templates';
import { BUSINESS_ACCOUNT_ID, businessAccountIdProperty, field, JOINED_OR_NOTHING, toQuery } from './common';

const resource = ['template'];
const templates = `=/${BUSINESS_ACCOUNT_ID}/message_templates`;
const template = `=/${field('templateId')}`;

const titleCase = (value: string) =>
	value
		.toLowerCase()
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');

const enumOptions = (values: readonly string[]) => values.map((value) => ({ name: titleCase(value), value }));

const TEMPLATE_FIELD_OPTIONS = [
	'category',
	'components',
	'id',
	'language',
	'library_template_name',
	'name',
	'parameter_format',
	'previous_category',
	'quality_score',
	'rejected_reason',
	'status',
	'sub_category',
].map((value) => ({ name: value, value }));

export const templateOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a template',
			description:
				'Create a template from components or from the Template Library; it is reviewed before it can be sent',
			routing: { request: { method: 'POST', url: templates }, send: { preSend: [templateBody] } },
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a template',
			description: 'Delete a template by name (every language), or one language version by its ID',
			routing: {
				request: {
					method: 'DELETE',
					url: templates,
					qs: {
						name: `=${field('templateName')}`,
						hsm_id: '={{ String($parameter.deleteTemplateId ?? "").trim() || undefined }}',
					},
				},
				send: { preSend: [checkInput(resolveBusinessAccountId, checkTemplateDeletion)] },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a template',
			description: 'Get a template with its components, status and category',
			routing: { request: { method: 'GET', url: template }, send: { preSend: [checkInput(checkTemplateId)] } },
		},
		{
			name: 'Get Health Status',
			value: 'getHealthStatus',
			action: 'Get the health status of a template',
			description: 'Whether messages can be sent with the template, and why not',
			routing: {
				// Doc 55: GET /{template-id}?fields=health_status.
				request: { method: 'GET', url: template, qs: { fields: 'health_status' } },
				send: { preSend: [checkInput(checkTemplateId)] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many templates',
			description: 'List the templates of a WhatsApp Business Account, filtered by name, status, category or language',
			routing: {
				request: { method: 'GET', url: templates },
				send: { preSend: [checkInput(resolveBusinessAccountId, checkTemplateFilters)] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
		{
			name: 'Search Library',
			value: 'searchLibrary',
			action: 'Search the template library',
			description: "Browse Meta's pre-written utility templates to create one from",
			routing: {
				// Docs: the example (27) calls /{waba-id}/message_templates?search=…; the endpoint list and syntax say
				// GET /message_template_library, which is used.
				request: { method: 'GET', url: '/message_template_library' },
				send: { preSend: [checkInput(checkLibraryFilters)] },
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
	],
	default: 'getAll',
};

const show = (operation: string[]) => ({ show: { resource, operation } });

export const templateFields: INodeProperties[] = [
	{ ...businessAccountIdProperty({ resource, operation: ['create', 'delete', 'getAll'] }) },
	{
		displayName: 'Template',
		name: 'templateId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The template (one language version)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1421988012088524',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A template ID has digits only' } }],
			},
		],
		displayOptions: show(['get', 'getHealthStatus']),
	},
	{
		displayName: 'Fields',
		name: 'templateFields',
		type: 'multiOptions',
		options: TEMPLATE_FIELD_OPTIONS,
		default: [],
		description: "Fields to return. Leave empty for Meta's default fields.",
		displayOptions: show(['get']),
		routing: toQuery('fields', JOINED_OR_NOTHING),
	},
	// ---- create / delete
	{
		displayName: 'Name',
		name: 'templateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order_update',
		description: 'Template name: lowercase letters, digits and underscores, up to 512 characters',
		displayOptions: show(['create', 'delete']),
	},
	{
		displayName: 'Only the Version With ID',
		name: 'deleteTemplateId',
		type: 'string',
		default: '',
		description:
			'Delete only the language version with this template ID. Leave empty to delete the template in every language.',
		displayOptions: show(['delete']),
	},
	{
		displayName: 'Language',
		name: 'templateCreateLanguage',
		type: 'string',
		default: 'en_US',
		required: true,
		description: 'Language and locale code, e.g. en_US',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Create From',
		name: 'templateSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Components', value: 'components', description: 'Your own header, body, footer and buttons' },
			{
				name: 'Template Library',
				value: 'library',
				description: "One of Meta's pre-written utility templates (approved at once)",
			},
		],
		default: 'components',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Category',
		name: 'templateCategory',
		type: 'options',
		options: enumOptions(TEMPLATE_CATEGORIES),
		default: 'MARKETING',
		displayOptions: { show: { resource, operation: ['create'], templateSource: ['components'] } },
	},
	{
		displayName: 'Components (JSON)',
		name: 'templateCreateComponents',
		type: 'json',
		default: '[\n  { "type": "BODY", "text": "Hello {{1}}", "example": { "body_text": [["Pablo"]] } }\n]',
		required: true,
		description: 'The components array of the template: HEADER, BODY, FOOTER, BUTTONS or CAROUSEL objects',
		displayOptions: { show: { resource, operation: ['create'], templateSource: ['components'] } },
	},
	{
		displayName: 'Options',
		name: 'templateCreateOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource, operation: ['create'], templateSource: ['components'] } },
		options: [
			{
				displayName: 'Allow Category Change',
				name: 'allowCategoryChange',
				type: 'boolean',
				default: false,
				description: 'Whether Meta may assign another category instead of rejecting the template',
			},
			{
				displayName: 'Display Format',
				name: 'displayFormat',
				type: 'options',
				options: [{ name: 'Order Details', value: 'ORDER_DETAILS' }],
				default: 'ORDER_DETAILS',
				description: 'Order details templates in the marketing category (docs 32, 35)',
			},
			{
				displayName: 'Parameter Format',
				name: 'parameterFormat',
				type: 'options',
				options: [
					{ name: 'Named', value: 'NAMED', description: 'Variables like {{customer_name}}' },
					{ name: 'Positional', value: 'POSITIONAL', description: 'Variables like {{1}}' },
				],
				default: 'POSITIONAL',
			},
			{
				displayName: 'Sub-Category',
				name: 'subCategory',
				type: 'options',
				options: [{ name: 'Order Status', value: 'ORDER_STATUS' }],
				default: 'ORDER_STATUS',
				description: 'Order status templates (doc 51)',
			},
		],
	},
	{
		displayName: 'Library Template Name',
		name: 'libraryTemplateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'delivery_update_1',
		description: 'Exact name of the library template (see Search Library)',
		displayOptions: { show: { resource, operation: ['create'], templateSource: ['library'] } },
	},
	{
		displayName: 'Button Inputs',
		name: 'libraryButtonInputs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add button input',
		default: {},
		description: "Your website and phone number for the library template's buttons (required when it has buttons)",
		displayOptions: { show: { resource, operation: ['create'], templateSource: ['library'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'URL', value: 'URL' },
							{ name: 'Phone Number', value: 'PHONE_NUMBER' },
						],
						default: 'URL',
					},
					{
						displayName: 'Base URL',
						name: 'baseUrl',
						type: 'string',
						default: '',
						placeholder: 'https://www.example.com/{{1}}',
						displayOptions: { show: { type: ['URL'] } },
					},
					{
						displayName: 'URL Suffix Example',
						name: 'urlSuffixExample',
						type: 'string',
						default: '',
						placeholder: 'https://www.example.com/demo',
						displayOptions: { show: { type: ['URL'] } },
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: '+16315551010',
						displayOptions: { show: { type: ['PHONE_NUMBER'] } },
					},
				],
			},
		],
	},
	// ---- lists
	...listFields({ resource, operation: ['getAll', 'searchLibrary'] }),
	{
		displayName: 'Filters',
		name: 'templateFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				options: enumOptions(TEMPLATE_CATEGORIES),
				default: 'MARKETING',
				routing: toQuery('category'),
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'multiOptions',
				options: TEMPLATE_FIELD_OPTIONS,
				default: [],
				description: "Fields to return. Leave empty for Meta's default fields.",
				routing: toQuery('fields', JOINED_OR_NOTHING),
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en_US',
				routing: toQuery('language'),
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Templates whose name contains this text',
				routing: toQuery('name'),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: enumOptions(TEMPLATE_STATUSES),
				default: 'APPROVED',
				routing: toQuery('status'),
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'libraryFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: show(['searchLibrary']),
		options: [
			{
				displayName: 'Industry',
				name: 'industry',
				type: 'options',
				options: enumOptions(LIBRARY_INDUSTRIES),
				default: 'E_COMMERCE',
				routing: toQuery('industry'),
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en_US',
				routing: toQuery('language'),
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text to find in the name, header, body or footer',
				routing: toQuery('search', '={{ String($value) || undefined }}'),
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'options',
				options: enumOptions(LIBRARY_TOPICS),
				default: 'ORDER_MANAGEMENT',
				routing: toQuery('topic'),
			},
			{
				displayName: 'Use Case',
				name: 'usecase',
				type: 'options',
				options: enumOptions(LIBRARY_USECASES),
				default: 'DELIVERY_UPDATE',
				routing: toQuery('usecase'),
			},
		],
	},
];
