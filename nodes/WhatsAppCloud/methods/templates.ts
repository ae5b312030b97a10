import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import { graphRequest } from '../../shared/transport';
import { editorBusinessAccountId } from './listSearch';
import { templateFields, toResourceMapperFields } from '../templates/fields';
import { describeTemplate, planTemplate, type TemplateDefinition } from '../templates/model';
import { readTemplate, templateRef } from '../templates/reader';
import { checkTemplateSendable } from '../templates/send';

/** Why Meta would refuse to send this template (paused, disabled, in review, ...), or undefined when it can be sent. */
function sendProblem(definition: TemplateDefinition): string | undefined {
	try {
		checkTemplateSendable(definition);
		return undefined;
	} catch (error) {
		// checkTemplateSendable throws only InputError, whose message names the template and the reason.
		return (error as Error).message;
	}
}

/** The account that owns the template: Send Template's option, else the node's or the credential's WABA ID. */
async function templateAccountId(ctx: ILoadOptionsFunctions): Promise<string> {
	let id = '';
	try {
		id = String(ctx.getNodeParameter('templateOptions.businessAccountId', '') ?? '').trim();
	} catch {
		// not on this operation's form
	}
	return id || (await editorBusinessAccountId(ctx, 'list its templates'));
}

/** `order_update (en_US) · UTILITY`, with the status of templates that cannot be sent: `· PAUSED, cannot be sent`. */
function pickerName(template: TemplateDefinition): string {
	const name = `${template.name} (${template.language})${template.category ? ` · ${template.category}` : ''}`;
	return sendProblem(template) ? `${name} · ${String(template.status)}, cannot be sent` : name;
}

/** The account's templates for the template picker, the ones that can be sent first; the value is the template ID. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const waba = await templateAccountId(this);
	const qs: IDataObject = { fields: 'id,name,language,status,category', limit: 100 };
	if (filter) qs.name = filter.trim();
	if (paginationToken) qs.after = paginationToken;
	const body = await graphRequest(this, { method: 'GET', url: `/${waba}/message_templates`, qs });
	const templates = (Array.isArray(body.data) ? body.data : []) as unknown as TemplateDefinition[];
	const needle = filter?.trim().toLowerCase();
	const matching = templates.filter(
		(t) => !needle || t.name.toLowerCase().includes(needle) || String(t.language).toLowerCase().includes(needle),
	);
	const sendable = matching.filter((t) => !sendProblem(t));
	const results = [...sendable, ...matching.filter((t) => !sendable.includes(t))].map((t) => ({
		name: pickerName(t),
		value: String(t.id),
	}));
	const paging = body.paging as { next?: string; cursors?: { after?: string } } | undefined;
	return { results, paginationToken: paging?.next ? paging.cursors?.after : undefined };
}

/** One mapper field per variable of the chosen template (header, body, buttons, cards, ...). */
export async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const read = async (): Promise<TemplateDefinition> => {
		const ref = templateRef(this.getNodeParameter('template', ''), this.getNodeParameter('templateLanguage', ''));
		return await readTemplate(
			async (path, qs) => await graphRequest(this, { method: 'GET', url: path, qs }),
			async () => await templateAccountId(this),
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
	// Said when the template is picked, not only when a run is refused.
	const problem = sendProblem(definition);
	if (problem)
		return { fields: [], emptyFieldsNotice: `${problem} Its variables are listed here once it can be sent.` };
	const fields = toResourceMapperFields(templateFields(planTemplate(definition)));
	return {
		fields,
		emptyFieldsNotice: `Template ${describeTemplate(definition)} has no variables: it is sent as it is.`,
	};
}
