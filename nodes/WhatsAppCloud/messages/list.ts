import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from './MessageType';
import {
	actionText,
	bodyProperty,
	buildBody,
	buildFooter,
	buildHeader,
	footerProperty,
	headerProperties,
	interactiveMessage,
	MAX_INTERACTIVE_BODY,
	readStructuredList,
	structuredProperties,
	type HeaderKind,
	sectionTitle,
} from './interactiveParts';
import { collectionItems, entryString } from '../formValues';
import { checkCount, checkLength, InputError } from '../../shared/InputError';

// Doc 16 (action, section object) and doc 10.
export const MAX_LIST_BUTTON = 20;
export const MAX_LIST_SECTIONS = 10;
export const MAX_LIST_ROWS = 10;
export const MAX_LIST_SECTION_TITLE = 24;
export const MAX_LIST_ROW_ID = 200;
export const MAX_LIST_ROW_TITLE = 24;
export const MAX_LIST_ROW_DESCRIPTION = 72;
// Docs: body max 1024 per reference page 16, not 4096 as the list guide (10) says.
export const MAX_LIST_BODY = MAX_INTERACTIVE_BODY;

const HEADER_KINDS: readonly HeaderKind[] = ['text'];

const SECTIONS = { name: 'listSections', displayName: 'Sections', itemName: 'section' } as const;

interface Row {
	id: string;
	title: string;
	description: string;
}

function asObject(entry: unknown, what: string): IDataObject {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
		throw new InputError('Sections', `Sections: ${what} must be an object`);
	}
	return entry as IDataObject;
}

export const listMessage: MessageType = {
	operation: 'sendList',
	name: 'Send List',
	action: 'Send a list message',
	description: 'Let the user pick one row of a menu of up to 10 rows',
	properties: [
		...headerProperties(HEADER_KINDS),
		bodyProperty({ max: MAX_LIST_BODY }),
		footerProperty(),
		{
			displayName: 'Button Label',
			name: 'listButton',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Shipping Options',
			description: `Text of the button that opens the list, up to ${MAX_LIST_BUTTON} characters. Emojis are allowed, markdown is not.`,
		},
		...structuredProperties({
			...SECTIONS,
			itemDisplayName: 'Section',
			required: true,
			description: `1 to ${MAX_LIST_SECTIONS} sections with at most ${MAX_LIST_ROWS} rows in total`,
			jsonDescription:
				'Array of sections as the API expects them: [{"title": "...", "rows": [{"id": "...", "title": "...", "description": "..."}]}]',
			jsonExample:
				'[\n  {\n    "title": "Options",\n    "rows": [\n      { "id": "option_1", "title": "Option 1", "description": "" }\n    ]\n  }\n]',
			fields: [
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: `Section title, up to ${MAX_LIST_SECTION_TITLE} characters. Required when there is more than one section.`,
				},
				{
					displayName: 'Rows',
					name: 'rows',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Row',
					default: {},
					description: `Options the user can pick; at most ${MAX_LIST_ROWS} rows across all sections`,
					options: [
						{
							displayName: 'Row',
							name: 'row',
							values: [
								{
									displayName: 'ID',
									name: 'id',
									type: 'string',
									default: '',
									required: true,
									description: `Returned in the webhook when the row is picked, up to ${MAX_LIST_ROW_ID} characters`,
								},
								{
									displayName: 'Title',
									name: 'title',
									type: 'string',
									default: '',
									required: true,
									description: `Row title, up to ${MAX_LIST_ROW_TITLE} characters`,
								},
								{
									displayName: 'Description',
									name: 'description',
									type: 'string',
									default: '',
									description: `Optional text under the title, up to ${MAX_LIST_ROW_DESCRIPTION} characters`,
								},
							],
						},
					],
				},
			],
		}),
	],
	async build(params, ctx) {
		const header = buildHeader(params, HEADER_KINDS);
		const body = buildBody(params, { max: MAX_LIST_BODY });
		const footer = buildFooter(params);
		const button = actionText('Button Label', params.listButton, MAX_LIST_BUTTON);

		const entries = readStructuredList(params, SECTIONS);
		checkCount('Sections', entries, 1, MAX_LIST_SECTIONS, 'sections');
		let rowCount = 0;
		const sections = entries.map((entry, index) => {
			const section = asObject(entry, `section ${index + 1}`);
			const title = sectionTitle(section, index, entries.length, MAX_LIST_SECTION_TITLE);
			const rowEntries = collectionItems('Sections > Rows', section.rows, 'row');
			if (rowEntries.length === 0) {
				throw new InputError('Sections > Rows', `Sections > Rows: section ${index + 1} needs at least 1 row`);
			}
			rowCount += rowEntries.length;
			const rows = rowEntries.map((rowEntry, rowIndex): Row => {
				const row = asObject(rowEntry, `row ${rowIndex + 1} of section ${index + 1}`);
				const id = actionText('Sections > Rows > ID', entryString(row, 'id'), MAX_LIST_ROW_ID);
				const rowTitle = actionText('Sections > Rows > Title', entryString(row, 'title'), MAX_LIST_ROW_TITLE);
				const description = entryString(row, 'description');
				checkLength('Sections > Rows > Description', description, MAX_LIST_ROW_DESCRIPTION);
				return { id, title: rowTitle, description };
			});
			const out: IDataObject = {};
			if (title !== '') out.title = title;
			out.rows = rows.map(({ id, title: rowTitle, description }) =>
				description === '' ? { id, title: rowTitle } : { id, title: rowTitle, description },
			);
			return out;
		});
		if (rowCount > MAX_LIST_ROWS) {
			throw new InputError(
				'Sections > Rows',
				`Sections > Rows has ${rowCount} rows in total, the limit is ${MAX_LIST_ROWS}`,
			);
		}

		return await interactiveMessage(ctx, 'list', { header, body, footer, action: { button, sections } });
	},
};
