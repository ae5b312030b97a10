import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { BuildContext } from './MessageType';
import { checkLength, checkOneOf, InputError, parseJsonInput, requireText } from '../../shared/InputError';
import { collectionItems, entryString, requireHttpUrl } from '../formValues';

/**
 * Pieces shared by every `type: "interactive"` message (reply buttons, list, CTA URL, flow, location request,
 * address, product, product list, catalog, order details, order status): the header/body/footer form fields,
 * their builders, the "form or JSON" switch for structured fields, and the final `interactive` envelope.
 */

// Limits of the interactive object, doc 16 (reference-messages).
export const MAX_INTERACTIVE_BODY = 1024;
export const MAX_INTERACTIVE_FOOTER = 60;
export const MAX_INTERACTIVE_HEADER_TEXT = 60;

export type HeaderKind = 'text' | 'image' | 'video' | 'document';
export type HeaderMediaKind = Exclude<HeaderKind, 'text'>;
export type HeaderMediaSource = 'id' | 'link' | 'binary';

const HEADER_MEDIA_KINDS: readonly HeaderMediaKind[] = ['image', 'video', 'document'];

const HEADER_KIND_LABELS: Record<HeaderKind, string> = {
	text: 'Text',
	image: 'Image',
	video: 'Video',
	document: 'Document',
};

export interface HeaderOptions {
	/** Whether the message must have a header (product_list). Default false. */
	required?: boolean;
}

export interface BodyOptions {
	/** Maximum length in characters. Default 1024. */
	max?: number;
	/** Whether the body must be present. Default true (only `product` has an optional body). */
	required?: boolean;
	/** Replaces the default field description. */
	description?: string;
}

const isTextOnly = (kinds: readonly HeaderKind[]) => kinds.length === 1 && kinds[0] === 'text';

/**
 * Header fields for the given header kinds.
 * Text-only headers (list, product list, ...) are a single "Header Text" field: empty means no header.
 * With media kinds there is a "Header" selector, and media can come by ID, link or the item's binary data.
 */
export function headerProperties(kinds: readonly HeaderKind[], options: HeaderOptions = {}): INodeProperties[] {
	const required = options.required === true;
	if (isTextOnly(kinds)) {
		const textHeaderHelp = `Text shown above the body, up to ${MAX_INTERACTIVE_HEADER_TEXT} characters. Emojis are allowed, markdown is not.${
			required ? '' : ' Leave empty for no header.'
		}`;
		return [
			{
				displayName: 'Header Text',
				name: 'interactiveHeaderText',
				type: 'string',
				default: '',
				required,
				description: textHeaderHelp,
			},
		];
	}

	const mediaKinds = HEADER_MEDIA_KINDS.filter((kind) => kinds.includes(kind));
	const typeOptions = kinds.map((kind) => ({ name: HEADER_KIND_LABELS[kind], value: kind }));
	const headerDefault = required ? kinds[0] : 'none';
	const properties: INodeProperties[] = [
		{
			displayName: 'Header',
			name: 'interactiveHeaderType',
			type: 'options',
			options: required ? typeOptions : [{ name: 'None', value: 'none' }, ...typeOptions],
			default: headerDefault,
			description: 'Content shown above the body',
		},
	];
	if (kinds.includes('text')) {
		properties.push({
			displayName: 'Header Text',
			name: 'interactiveHeaderText',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { interactiveHeaderType: ['text'] } },
			description: `Header text, up to ${MAX_INTERACTIVE_HEADER_TEXT} characters. Emojis are allowed, markdown is not.`,
		});
	}
	if (mediaKinds.length > 0) {
		const showMedia = { interactiveHeaderType: mediaKinds };
		properties.push(
			{
				displayName: 'Header Media Source',
				name: 'interactiveHeaderMediaSource',
				type: 'options',
				options: [
					{ name: 'Media ID', value: 'id', description: 'A media ID returned by an earlier upload (recommended)' },
					{ name: 'Link', value: 'link', description: 'A public HTTP(S) URL that WhatsApp downloads' },
					{
						name: 'Binary File',
						value: 'binary',
						description: "Upload the input item's binary data first and send the resulting media ID",
					},
				],
				default: 'id',
				displayOptions: { show: showMedia },
				description: 'Where the header media comes from',
			},
			{
				displayName: 'Header Media ID',
				name: 'interactiveHeaderMediaId',
				type: 'string',
				default: '',
				required: true,
				displayOptions: { show: { ...showMedia, interactiveHeaderMediaSource: ['id'] } },
				description: 'ID of uploaded media',
			},
			{
				displayName: 'Header Media URL',
				name: 'interactiveHeaderMediaLink',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'https://example.com/picture.jpg',
				displayOptions: { show: { ...showMedia, interactiveHeaderMediaSource: ['link'] } },
				description: 'HTTP(S) URL of the media. The server must send the right Content-Type.',
			},
			{
				displayName: 'Header Input Binary Field',
				name: 'interactiveHeaderBinaryProperty',
				type: 'string',
				default: 'data',
				required: true,
				displayOptions: { show: { ...showMedia, interactiveHeaderMediaSource: ['binary'] } },
				description: 'Name of the binary property of the input item holding the file to upload',
			},
		);
		if (mediaKinds.includes('document')) {
			properties.push({
				displayName: 'Header Document Filename',
				name: 'interactiveHeaderFilename',
				type: 'string',
				default: '',
				placeholder: 'invoice.pdf',
				displayOptions: { show: { interactiveHeaderType: ['document'] } },
				description:
					"File name shown to the user; its extension decides how WhatsApp displays the document. With Binary File, leave empty to use the binary's file name.",
			});
		}
	}
	return properties;
}

export function bodyProperty(options: BodyOptions = {}): INodeProperties {
	const max = options.max ?? MAX_INTERACTIVE_BODY;
	const required = options.required !== false;
	return {
		displayName: 'Body',
		name: 'interactiveBody',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required,
		description:
			options.description ??
			`Message text, up to ${max} characters. Emojis, markdown and links are supported.${required ? '' : ' Optional.'}`,
	};
}

export function footerProperty(): INodeProperties {
	return {
		displayName: 'Footer',
		name: 'interactiveFooter',
		type: 'string',
		default: '',
		description: `Small text below the body, up to ${MAX_INTERACTIVE_FOOTER} characters. Emojis, markdown and links are supported. Leave empty for no footer.`,
	};
}

/**
 * Doc 28: Cloud API refuses action and button texts (button labels, IDs, titles) with leading or trailing spaces,
 * which On-Premises API accepted. They are refused here too, naming the field, rather than changed silently:
 * an ID or a title comes back in the reply webhook as it was sent.
 */
export function checkNoOuterSpaces(field: string, value: string): string {
	if (value !== value.trim()) throw new InputError(field, `${field} cannot start or end with spaces; got "${value}"`);
	return value;
}

/** A required action or button text: not empty, no spaces around it (doc 28), at most `max` characters. */
export function actionText(field: string, value: unknown, max?: number): string {
	const text = checkNoOuterSpaces(field, requireText(field, value));
	if (max !== undefined) checkLength(field, text, max);
	return text;
}

/** Uploads pending binary data (if any) and returns the finished header object. */
export type PendingHeader = (ctx: BuildContext) => Promise<IDataObject>;

const optionalString = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Validates the header fields and returns a function producing the header (uploading binary data only then,
 * so nothing is uploaded when a later check fails), or undefined when there is no header.
 */
export function buildHeader(
	params: IDataObject,
	kinds: readonly HeaderKind[],
	options: HeaderOptions = {},
): PendingHeader | undefined {
	const required = options.required === true;
	if (isTextOnly(kinds)) {
		const text = optionalString(params.interactiveHeaderText);
		if (text.trim() === '') {
			if (required) throw new InputError('Header Text', 'Header Text is required');
			return undefined;
		}
		checkLength('Header Text', text, MAX_INTERACTIVE_HEADER_TEXT);
		return async () => ({ type: 'text', text });
	}

	const allowed: readonly string[] = required ? kinds : ['none', ...kinds];
	const type = checkOneOf('Header', optionalString(params.interactiveHeaderType) || 'none', allowed);
	if (type === 'none') {
		if (required) throw new InputError('Header', 'Header is required');
		return undefined;
	}
	if (type === 'text') {
		const text = requireText('Header Text', params.interactiveHeaderText);
		checkLength('Header Text', text, MAX_INTERACTIVE_HEADER_TEXT);
		return async () => ({ type: 'text', text });
	}

	const kind = type as HeaderMediaKind;
	const filename = kind === 'document' ? optionalString(params.interactiveHeaderFilename).trim() : '';
	const media = (ref: IDataObject): IDataObject => ({ type: kind, [kind]: filename ? { ...ref, filename } : ref });
	const source = checkOneOf<HeaderMediaSource>(
		'Header Media Source',
		optionalString(params.interactiveHeaderMediaSource) || 'id',
		['id', 'link', 'binary'],
	);
	if (source === 'id') {
		const id = requireText('Header Media ID', params.interactiveHeaderMediaId).trim();
		return async () => media({ id });
	}
	if (source === 'link') {
		const link = requireHttpUrl('Header Media URL', params.interactiveHeaderMediaLink);
		return async () => media({ link });
	}
	const binaryPropertyName = requireText('Header Input Binary Field', params.interactiveHeaderBinaryProperty).trim();
	return async (ctx) => {
		const id = await ctx.uploadBinary(binaryPropertyName, kind);
		// A document from binary data keeps its file name unless the user typed another one.
		const binaryName = kind === 'document' && !filename ? ctx.binaryFileName?.(binaryPropertyName) : undefined;
		return binaryName ? { type: kind, [kind]: { id, filename: binaryName } } : media({ id });
	};
}

export function buildBody(params: IDataObject, options: BodyOptions = {}): IDataObject | undefined {
	const max = options.max ?? MAX_INTERACTIVE_BODY;
	if (options.required === false && optionalString(params.interactiveBody).trim() === '') return undefined;
	const text = requireText('Body', params.interactiveBody);
	checkLength('Body', text, max);
	return { text };
}

export function buildFooter(params: IDataObject): IDataObject | undefined {
	const text = optionalString(params.interactiveFooter);
	if (text.trim() === '') return undefined;
	checkLength('Footer', text, MAX_INTERACTIVE_FOOTER);
	return { text };
}

export interface InteractiveParts {
	header?: PendingHeader;
	body?: IDataObject;
	footer?: IDataObject;
	action: IDataObject;
}

/** Call last, after every check has passed: uploads header media if needed and returns the type part of the body. */
export async function interactiveMessage(
	ctx: BuildContext,
	type: string,
	parts: InteractiveParts,
): Promise<IDataObject> {
	const interactive: IDataObject = { type };
	if (parts.header) interactive.header = await parts.header(ctx);
	if (parts.body) interactive.body = parts.body;
	if (parts.footer) interactive.footer = parts.footer;
	interactive.action = parts.action;
	return { type: 'interactive', interactive };
}

// ---------------------------------------------------------------------------------------------------------------
// Structured fields: a fixedCollection in the form, or JSON (string or array/object from an expression).
// For a field named `x` there are three properties: `xInput` ('form' | 'json'), `x` (the fixedCollection) and
// `xJson` (the JSON field). Use the same pattern for every list-like field so the node feels the same everywhere.
// ---------------------------------------------------------------------------------------------------------------

export interface StructuredFieldOptions {
	/** Property name of the fixedCollection, unique across message types, e.g. 'replyButtons'. */
	name: string;
	/** Label, e.g. 'Buttons'. */
	displayName: string;
	/** fixedCollection option name, e.g. 'button'. Form values arrive as `{ [itemName]: [...] }`. */
	itemName: string;
	/** fixedCollection option label, e.g. 'Button'. */
	itemDisplayName: string;
	/** Fields of one entry. */
	fields: INodeProperties[];
	/** Whether the form allows several entries (default true). */
	multipleValues?: boolean;
	/** Description of the form field. */
	description: string;
	/** Description of the JSON field, saying what shape is expected. */
	jsonDescription: string;
	/** Default of the JSON field: a documented example. */
	jsonExample: string;
	/** Whether the field must be filled in (default false). */
	required?: boolean;
}

export const structuredInputName = (name: string) => `${name}Input`;
export const structuredJsonName = (name: string) => `${name}Json`;

export function structuredProperties(options: StructuredFieldOptions): INodeProperties[] {
	const inputName = structuredInputName(options.name);
	const multipleValues = options.multipleValues !== false;
	const jsonExample = options.jsonExample;
	return [
		{
			displayName: `Specify ${options.displayName}`,
			name: inputName,
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'form' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'form',
			description: `Whether to enter the ${options.displayName.toLowerCase()} in the form or as JSON (handy with expressions)`,
		},
		{
			displayName: options.displayName,
			name: options.name,
			type: 'fixedCollection',
			typeOptions: { multipleValues },
			placeholder: `Add ${options.itemDisplayName}`,
			default: {},
			required: options.required === true,
			displayOptions: { show: { [inputName]: ['form'] } },
			description: options.description,
			options: [{ displayName: options.itemDisplayName, name: options.itemName, values: options.fields }],
		},
		{
			displayName: `${options.displayName} (JSON)`,
			name: structuredJsonName(options.name),
			type: 'json',
			default: jsonExample,
			required: options.required === true,
			displayOptions: { show: { [inputName]: ['json'] } },
			description: options.jsonDescription,
		},
	];
}

/** Reads a structured field made by `structuredProperties` with multiple values: always an array of entries. */
export function readStructuredList(
	params: IDataObject,
	options: Pick<StructuredFieldOptions, 'name' | 'displayName' | 'itemName'>,
): unknown[] {
	if (params[structuredInputName(options.name)] === 'json') {
		return collectionItems(options.displayName, params[structuredJsonName(options.name)], options.itemName);
	}
	return collectionItems(options.displayName, params[options.name], options.itemName);
}

/** Reads a structured field made by `structuredProperties` with `multipleValues: false`: an object or undefined. */
export function readStructuredObject(
	params: IDataObject,
	options: Pick<StructuredFieldOptions, 'name' | 'displayName' | 'itemName'>,
): IDataObject | undefined {
	const json = params[structuredInputName(options.name)] === 'json';
	const raw = json ? params[structuredJsonName(options.name)] : params[options.name];
	const parsed = parseJsonInput<unknown>(options.displayName, raw);
	if (parsed === undefined || parsed === null || parsed === '') return undefined;
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(options.displayName, `${options.displayName} must be an object (JSON object)`);
	}
	const value = json ? parsed : ((parsed as IDataObject)[options.itemName] ?? parsed);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new InputError(options.displayName, `${options.displayName} must be an object (JSON object)`);
	}
	return Object.keys(value).length === 0 ? undefined : (value as IDataObject);
}

/**
 * A section's title (list and product list), checked against `max`.
 * Docs: the title is required only when there is more than one section (reference page 16), not always (guides 10, 77).
 */
export function sectionTitle(section: IDataObject, index: number, sectionCount: number, max: number): string {
	const title = entryString(section, 'title');
	if (title.trim() === '') {
		if (sectionCount > 1) {
			throw new InputError(
				'Sections > Title',
				`Sections > Title is required when there is more than one section (section ${index + 1} has none)`,
			);
		}
		return '';
	}
	return actionText('Sections > Title', title, max);
}
