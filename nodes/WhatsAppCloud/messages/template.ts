import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checkLength, checkOneOf, InputError, parseJsonInput } from '../../shared/InputError';
import { graphId } from '../../shared/graphApi';
import { buildTemplateComponents, type Values } from '../templates/build';
import { planTemplate, type TemplateDefinition } from '../templates/model';
import { checkTemplateSendable, orderDetailsFromParams, TEMPLATE_ORDER_PROPERTIES } from '../templates/send';
import { readTemplate, templateRef } from '../templates/reader';
import type { MessageType } from './MessageType';

export const MAX_TEMPLATE_NAME = 512;

// A leading '/' names the root parameter: n8n 1.x cannot resolve a dotted name that is not a sibling.
const byName = { '/template.mode': ['name'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'Approved message template to send',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'order_update',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[a-z0-9_]+$',
							errorMessage: 'Template names have lowercase letters, digits and underscores only',
						},
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1421988012088524',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A template ID has digits only' } }],
			},
		],
	},
	{
		displayName: 'Language Code',
		name: 'templateLanguage',
		type: 'string',
		default: '',
		placeholder: 'en_US',
		description:
			'Language and locale of the template version to send (e.g. en_US). May be left empty when the template exists in one language only.',
		displayOptions: { show: byName },
	},
	{
		displayName: 'Parameters Input',
		name: 'templateInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Form', value: 'form', description: 'One field per variable of the template, read from the account' },
			{
				name: 'Components as JSON',
				value: 'json',
				description: 'The template components array, for anything the form cannot express',
			},
		],
		default: 'form',
	},
	{
		displayName: 'Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: [
				'template.value',
				'templateLanguage',
				'templateOptions.businessAccountId',
				'businessAccountId',
			],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				valuesLabel: 'Variables',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
				noFieldsError: 'This template has no variables: it is sent as it is.',
			},
		},
		displayOptions: { show: { templateInput: ['form'] } },
	},
	{
		displayName: 'Components (JSON)',
		name: 'templateComponentsJson',
		type: 'json',
		default: '[]',
		description:
			'The template "components" array exactly as the Cloud API takes it, e.g. [{"type":"body","parameters":[{"type":"text","text":"Pablo"}]}]',
		displayOptions: { show: { templateInput: ['json'] } },
	},
	{
		displayName: 'Check Template Before Sending',
		name: 'templateCheck',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the template from the account first and stop when it is not approved (JSON mode only; the form always reads it)',
		displayOptions: { show: { templateInput: ['json'] } },
	},
	{
		displayName: 'Template Options',
		name: 'templateOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'WhatsApp Business Account ID',
				name: 'businessAccountId',
				type: 'string',
				default: '',
				placeholder: '102290129340398',
				description:
					"Only for a template of another account than the credential's: the WhatsApp Business Account that owns it",
			},
		],
	},
	{
		// Where workflows saved before Template Options keep the WABA ID; still read when Template Options has none.
		displayName: 'WhatsApp Business Account ID (Earlier Versions)',
		name: 'businessAccountId',
		type: 'hidden',
		default: '',
	},
	{
		displayName:
			'This node still uses the WhatsApp Business Account ID saved by an earlier version of it. To change it, set Template Options > WhatsApp Business Account ID.',
		name: 'savedBusinessAccountIdNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { businessAccountId: [{ _cnd: { exists: true } }] } },
	},
	...TEMPLATE_ORDER_PROPERTIES,
];

/** Template Options > WhatsApp Business Account ID; empty means the old field, then the credential (BuildContext). */
function optionAccountId(params: IDataObject): string {
	const options = params.templateOptions;
	return typeof options === 'object' && options !== null
		? String((options as IDataObject).businessAccountId ?? '').trim()
		: '';
}

function jsonComponents(value: unknown): IDataObject[] {
	const parsed = parseJsonInput<unknown>('Components (JSON)', value);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	for (const [i, component] of list.entries()) {
		if (
			typeof component !== 'object' ||
			component === null ||
			Array.isArray(component) ||
			typeof (component as IDataObject).type !== 'string'
		) {
			throw new InputError(
				'Components (JSON)',
				`Components (JSON) entry ${i} must be an object with a "type" (header, body, button, carousel, ...)`,
			);
		}
	}
	return list as IDataObject[];
}

function mapperValues(value: unknown): Values {
	if (typeof value !== 'object' || value === null) return {};
	const inner = (value as IDataObject).value;
	return typeof inner === 'object' && inner !== null ? (inner as Values) : {};
}

/** `type: "template"` (docs 01, 16 and the template pages). */
export const templateMessage: MessageType = {
	operation: 'sendTemplate',
	name: 'Send Template',
	action: 'Send a message template',
	description: 'Send an approved template, also outside the 24-hour window',
	properties,
	async build(params, ctx) {
		const ref = templateRef(params.template, params.templateLanguage);
		if (ref.mode === 'name') checkLength('Template', ref.value, MAX_TEMPLATE_NAME);
		const input = checkOneOf('Parameters Input', String(params.templateInput ?? 'form'), ['form', 'json']);
		const optionWaba = optionAccountId(params);
		if (optionWaba) graphId(optionWaba, '', 'WhatsApp Business Account ID');
		const accountId = optionWaba ? async () => optionWaba : ctx.businessAccountId;
		const load = async (): Promise<TemplateDefinition> => await readTemplate(ctx.graphGet, accountId, ref);

		let definition: TemplateDefinition | undefined;
		let components: IDataObject[];
		if (input === 'json') {
			const parsed = jsonComponents(params.templateComponentsJson);
			if (params.templateCheck !== false || ref.mode !== 'name') definition = await load();
			if (definition) checkTemplateSendable(definition);
			components = parsed;
		} else {
			definition = await load();
			checkTemplateSendable(definition);
			const pending = buildTemplateComponents(planTemplate(definition), mapperValues(params.templateVariables), () =>
				orderDetailsFromParams(params),
			);
			components = await pending({ uploadBinary: ctx.uploadBinary });
		}
		const name = definition?.name ?? ref.value;
		const code = definition?.language ?? ref.language;
		if (!code)
			throw new InputError('Language Code', 'Language Code is required when the template is not read from the account');
		// Docs: most guide examples omit language.policy; the reference page (16) marks it Required ("deterministic").
		const template: IDataObject = { name, language: { policy: 'deterministic', code } };
		if (components.length > 0) template.components = components;
		return { type: 'template', template };
	},
};
