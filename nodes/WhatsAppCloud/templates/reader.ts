import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';
import type { TemplateDefinition } from './model';

/** Fields of a stored template that sending needs. */
export const TEMPLATE_FIELDS = 'id,name,language,status,category,sub_category,parameter_format,components';

export interface TemplateRef {
	/** `list` and `id` hold the template ID; `name` the template name. */
	mode: string;
	value: string;
	language?: string;
}

export type GraphGet = (path: string, qs?: IDataObject) => Promise<IDataObject>;

/** Reads a template (a `{ __rl, mode, value }` locator or a plain string) into a reference. */
export function templateRef(locator: unknown, language: unknown): TemplateRef {
	const rl =
		typeof locator === 'object' && locator !== null ? (locator as IDataObject) : { mode: 'name', value: locator };
	const value = String(rl.value ?? '').trim();
	if (!value) throw new InputError('Template', 'Template is required: pick one from the list or enter its name');
	const mode = String(rl.mode ?? 'name');
	if (mode === 'name') {
		return { mode, value, language: String(language ?? '').trim() || undefined };
	}
	if (!/^\d+$/.test(value)) throw new InputError('Template', `A template ID has digits only; got "${value}"`);
	return { mode, value };
}

async function fetchDefinition(get: GraphGet, waba: string | undefined, ref: TemplateRef): Promise<TemplateDefinition> {
	if (waba === undefined) {
		return (await get(`/${ref.value}`, { fields: TEMPLATE_FIELDS })) as unknown as TemplateDefinition;
	}
	const found: TemplateDefinition[] = [];
	let after: string | undefined;
	for (let page = 0; page < 20; page++) {
		const body = await get(`/${waba}/message_templates`, {
			name: ref.value,
			fields: TEMPLATE_FIELDS,
			limit: 100,
			...(after ? { after } : {}),
		});
		const data = (Array.isArray(body.data) ? body.data : []) as unknown as TemplateDefinition[];
		found.push(...data.filter((t) => t.name === ref.value));
		const paging = body.paging as { next?: string; cursors?: { after?: string } } | undefined;
		after = paging?.next ? paging.cursors?.after : undefined;
		if (!after) break;
	}
	if (found.length === 0) {
		throw new InputError('Template', `No template named "${ref.value}" in WhatsApp Business Account ${waba}`);
	}
	if (!ref.language) {
		if (found.length === 1) return found[0];
		throw new InputError(
			'Language Code',
			`Template "${ref.value}" exists in ${found.length} languages (${found.map((t) => t.language).join(', ')}): set the Language Code`,
		);
	}
	const match = found.find((t) => t.language === ref.language);
	if (!match) {
		throw new InputError(
			'Language Code',
			`Template "${ref.value}" has no "${ref.language}" version; its languages are ${found.map((t) => t.language).join(', ')}`,
		);
	}
	return match;
}

/**
 * The template's stored definition, read through `get` (Graph errors propagate). Nothing is remembered here: a
 * definition belongs to one credential, and the send pipeline's `get` reads each path once per run.
 */
export async function readTemplate(
	get: GraphGet,
	businessAccountId: () => Promise<string>,
	ref: TemplateRef,
): Promise<TemplateDefinition> {
	// Template IDs are unique across Graph; names only within their WhatsApp Business Account.
	const waba = ref.mode === 'name' ? await businessAccountId() : undefined;
	return await fetchDefinition(get, waba, ref);
}
