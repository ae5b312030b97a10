import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { graphRequest } from '../hooks/graphRequest';
import { editorBusinessAccountId } from './listSearch';
import { templateFields, toResourceMapperFields } from '../templates/fields';
import { describeTemplate, planTemplate, type TemplateDefinition } from '../templates/model';
import { readTemplate, templateRef } from '../templates/reader';

/** The account's templates for the template picker: name, language, category and status; the value is the template ID. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const waba = await editorBusinessAccountId(this, 'list its templates');
	const qs: IDataObject = { fields: 'id,name,language,status,category', limit: 100 };
	if (filter) qs.name = filter.trim();
	if (paginationToken) qs.after = paginationToken;
	const body = await graphRequest(this, { method: 'GET', url: `/${waba}/message_templates`, qs });
	const templates = (Array.isArray(body.data) ? body.data : []) as unknown as TemplateDefinition[];
	const needle = filter?.trim().toLowerCase();
	const results = templates
		.filter((t) => !needle || t.name.toLowerCase().includes(needle) || String(t.language).toLowerCase().includes(needle))
		.map((t) => ({ name: describeTemplate(t), value: String(t.id) }));
	const paging = body.paging as { next?: string; cursors?: { after?: string } } | undefined;
	return { results, paginationToken: paging?.next ? paging.cursors?.after : undefined };
}

/** One mapper field per variable of the chosen template (header, body, buttons, cards, ...). */
export async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const read = async (): Promise<TemplateDefinition> => {
		const ref = templateRef(this.getNodeParameter('template', ''), this.getNodeParameter('templateLanguage', ''));
		return await readTemplate(
			async (path, qs) => await graphRequest(this, { method: 'GET', url: path, qs }),
			async () => await editorBusinessAccountId(this, 'list its templates'),
			ref,
		);
	};
	const result = await read().then(
		(definition) => ({ definition }),
		(error: unknown) => ({ error }),
	);
	// An unfinished choice (no template yet, unknown name or language) is shown as a notice instead of an error.
	if ('error' in result) {
		if (result.error instanceof InputError) return { fields: [], emptyFieldsNotice: result.error.message };
		throw result.error;
	}
	const definition = result.definition;
	const fields = toResourceMapperFields(templateFields(planTemplate(definition)));
	return {
		fields,
		emptyFieldsNotice: `Template ${describeTemplate(definition)} has no variables: it is sent as it is.`,
	};
}
