import type { IDataObject } from 'n8n-workflow';

import { listMessage } from '../../../nodes/WhatsAppCloud/messages/list';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(listMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(listMessage.build(params(values), ctx));

const rows = (n: number, prefix = 'r') => ({
	row: Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}`, description: '' })),
});
const valid: IDataObject = {
	interactiveBody: 'Pick one',
	listButton: 'Options',
	listSections: { section: [{ title: '', rows: rows(2) }] },
};

describe('list message', () => {
	test('doc 10 example from the form: header, body, footer, two sections of two rows', async () => {
		const result = await listMessage.build(
			params({
				interactiveHeaderText: 'Choose Shipping Option',
				interactiveBody: 'Which shipping option do you prefer?',
				interactiveFooter: 'Lucky Shrub: Your gateway to succulents™',
				listButton: 'Shipping Options',
				listSections: {
					section: [
						{
							title: 'I want it ASAP!',
							rows: {
								row: [
									{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
									{ id: 'priority_mail', title: 'Priority Mail', description: '1–3 Days' },
								],
							},
						},
						{
							title: 'I can wait a bit',
							rows: {
								row: [
									{ id: 'usps_ground_advantage', title: 'USPS Ground Advantage', description: '2–5 Days' },
									{ id: 'media_mail', title: 'Media Mail', description: '2–8 Days' },
								],
							},
						},
					],
				},
			}),
			ctx,
		);
		expect(result).toStrictEqual(fixturePart('10-list-two-sections'));
	});

	test('doc 16 example with the sections given as JSON', async () => {
		const fixture = fixturePart('16-list-messages');
		const action = (fixture.interactive as IDataObject).action as IDataObject;
		const result = await listMessage.build(
			params({
				interactiveHeaderText: 'HEADER_TEXT',
				interactiveBody: 'BODY_TEXT',
				interactiveFooter: 'FOOTER_TEXT',
				listButton: 'BUTTON_TEXT',
				listSectionsInput: 'json',
				listSectionsJson: JSON.stringify(action.sections),
			}),
			ctx,
		);
		expect(result).toStrictEqual(fixture);
	});

	test('no header when Header Text is empty; empty descriptions are left out', async () => {
		const result = await listMessage.build(params(valid), ctx);
		expect(result).toStrictEqual({
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Pick one' },
				action: {
					button: 'Options',
					sections: [
						{
							rows: [
								{ id: 'r0', title: 'Row 0' },
								{ id: 'r1', title: 'Row 1' },
							],
						},
					],
				},
			},
		});
	});

	describe('doc contradiction 13 (reference page 16 over guide 10)', () => {
		test('body limit is 1024, not 4096', async () => {
			await expect(
				listMessage.build(params({ ...valid, interactiveBody: 'b'.repeat(1024) }), ctx),
			).resolves.toBeDefined();
			expect(await inputError({ ...valid, interactiveBody: 'b'.repeat(1025) })).toMatchObject({
				field: 'Body',
				message: 'Body is too long: 1025 characters, the limit is 1024',
			});
		});
		test('a single section may have no title', async () => {
			const result = await listMessage.build(params(valid), ctx);
			const sections = ((result.interactive as IDataObject).action as IDataObject).sections as IDataObject[];
			expect(sections[0]).not.toHaveProperty('title');
		});
		test('with more than one section every section needs a title', async () => {
			expect(
				await inputError({
					...valid,
					listSections: {
						section: [
							{ title: 'A', rows: rows(1, 'a') },
							{ title: '', rows: rows(1, 'b') },
						],
					},
				}),
			).toMatchObject({
				field: 'Sections > Title',
				message: 'Sections > Title is required when there is more than one section (section 2 has none)',
			});
		});
	});

	describe('limits', () => {
		test('button label is required', async () => {
			expect(await inputError({ ...valid, listButton: '' })).toMatchObject({
				field: 'Button Label',
				message: 'Button Label is required',
			});
		});
		test.each([
			['Button Label', ' Options', { listButton: ' Options' }],
			['Button Label', 'Options\n', { listButton: 'Options\n' }],
			['Sections > Title', 'Drinks ', { listSections: { section: [{ title: 'Drinks ', rows: rows(1) }] } }],
			['Sections > Rows > ID', ' a', { listSections: { section: [{ rows: { row: [{ id: ' a', title: 'T' }] } }] } }],
			['Sections > Rows > Title', 'T ', { listSections: { section: [{ rows: { row: [{ id: 'a', title: 'T ' }] } }] } }],
		])(
			'Docs: %s cannot start or end with spaces (28: Cloud API refuses them on action properties)',
			async (field, value, values) => {
				expect(await inputError({ ...valid, ...values })).toMatchObject({
					field,
					message: `${field} cannot start or end with spaces; got "${value}"`,
				});
			},
		);
		test('a lone section whose title is only spaces goes without a title', async () => {
			const result = await listMessage.build(
				params({ ...valid, listSections: { section: [{ title: '   ', rows: rows(1) }] } }),
				ctx,
			);
			expect(((result.interactive as IDataObject).action as IDataObject).sections).toEqual([
				{ rows: [{ id: 'r0', title: 'Row 0' }] },
			]);
		});
		test('button label up to 20 characters', async () => {
			expect(await inputError({ ...valid, listButton: 'b'.repeat(21) })).toMatchObject({
				field: 'Button Label',
				message: 'Button Label is too long: 21 characters, the limit is 20',
			});
		});
		test('header text up to 60 characters', async () => {
			expect(await inputError({ ...valid, interactiveHeaderText: 'h'.repeat(61) })).toMatchObject({
				field: 'Header Text',
				message: 'Header Text is too long: 61 characters, the limit is 60',
			});
		});
		test('footer up to 60 characters', async () => {
			expect(await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) })).toMatchObject({
				field: 'Footer',
				message: 'Footer is too long: 61 characters, the limit is 60',
			});
		});
		test('at least 1 section', async () => {
			expect(await inputError({ ...valid, listSections: {} })).toMatchObject({
				field: 'Sections',
				message: 'Sections needs at least 1 sections, got 0',
			});
		});
		test('at most 10 sections', async () => {
			const section = Array.from({ length: 11 }, (_, i) => ({
				title: `S${i}`,
				rows: { row: [{ id: `r${i}`, title: 'R' }] },
			}));
			expect(await inputError({ ...valid, listSections: { section } })).toMatchObject({
				field: 'Sections',
				message: 'Sections has 11 sections, the limit is 10',
			});
		});
		test('at most 10 rows across all sections', async () => {
			expect(
				await inputError({
					...valid,
					listSections: {
						section: [
							{ title: 'A', rows: rows(6, 'a') },
							{ title: 'B', rows: rows(5, 'b') },
						],
					},
				}),
			).toMatchObject({ field: 'Sections > Rows', message: 'Sections > Rows has 11 rows in total, the limit is 10' });
		});
		test('each section needs a row', async () => {
			expect(await inputError({ ...valid, listSections: { section: [{ title: 'A', rows: {} }] } })).toMatchObject({
				field: 'Sections > Rows',
				message: 'Sections > Rows: section 1 needs at least 1 row',
			});
		});
		test('section title up to 24 characters', async () => {
			expect(
				await inputError({ ...valid, listSections: { section: [{ title: 's'.repeat(25), rows: rows(1) }] } }),
			).toMatchObject({
				field: 'Sections > Title',
				message: 'Sections > Title is too long: 25 characters, the limit is 24',
			});
		});
		test('row ID up to 200 characters', async () => {
			expect(
				await inputError({
					...valid,
					listSections: { section: [{ rows: { row: [{ id: 'i'.repeat(201), title: 'T' }] } }] },
				}),
			).toMatchObject({
				field: 'Sections > Rows > ID',
				message: 'Sections > Rows > ID is too long: 201 characters, the limit is 200',
			});
		});
		test('row ID is required', async () => {
			expect(
				await inputError({ ...valid, listSections: { section: [{ rows: { row: [{ id: '', title: 'T' }] } }] } }),
			).toMatchObject({
				field: 'Sections > Rows > ID',
				message: 'Sections > Rows > ID is required',
			});
		});
		test('row title up to 24 characters', async () => {
			expect(
				await inputError({
					...valid,
					listSections: { section: [{ rows: { row: [{ id: 'a', title: 't'.repeat(25) }] } }] },
				}),
			).toMatchObject({
				field: 'Sections > Rows > Title',
				message: 'Sections > Rows > Title is too long: 25 characters, the limit is 24',
			});
		});
		test('row title is required', async () => {
			expect(
				await inputError({ ...valid, listSections: { section: [{ rows: { row: [{ id: 'a', title: '' }] } }] } }),
			).toMatchObject({
				field: 'Sections > Rows > Title',
				message: 'Sections > Rows > Title is required',
			});
		});
		test('row description up to 72 characters', async () => {
			expect(
				await inputError({
					...valid,
					listSections: { section: [{ rows: { row: [{ id: 'a', title: 'T', description: 'd'.repeat(73) }] } }] },
				}),
			).toMatchObject({
				field: 'Sections > Rows > Description',
				message: 'Sections > Rows > Description is too long: 73 characters, the limit is 72',
			});
		});
		test('sections JSON must be a list', async () => {
			expect(await inputError({ ...valid, listSectionsInput: 'json', listSectionsJson: '"rows"' })).toMatchObject({
				field: 'Sections',
				message: 'Sections must be a list (JSON array)',
			});
		});
	});

	test('header is a single optional text field', () => {
		const header = listMessage.properties.find((p) => p.name === 'interactiveHeaderText');
		expect(header).toMatchObject({ type: 'string', required: false });
		expect(listMessage.properties.find((p) => p.name === 'interactiveHeaderType')).toBeUndefined();
	});
});
