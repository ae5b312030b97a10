import type { IDataObject } from 'n8n-workflow';

import { replyButtonsMessage } from '../../../nodes/WhatsAppCloud/messages/replyButtons';
import type { BuildContext } from '../../../nodes/WhatsAppCloud/messages/MessageType';
import { fixturePart, offlineContext, withDefaults } from './support';
import { InputError } from '../../../nodes/shared/InputError';

/** Every top-level property at its default, as n8n hands them to `build`, then the user's changes. */
const params = (values: IDataObject): IDataObject => withDefaults(replyButtonsMessage, values);

function context(): BuildContext & { uploadBinary: jest.Mock } {
	return offlineContext({ uploadBinary: jest.fn(async () => 'UPLOADED_MEDIA_ID') }) as BuildContext & {
		uploadBinary: jest.Mock;
	};
}

async function inputError(values: IDataObject): Promise<InputError> {
	const error = await replyButtonsMessage.build(params(values), context()).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}

const twoButtons = {
	button: [
		{ id: 'yes', title: 'Yes' },
		{ id: 'no', title: 'No' },
	],
};
const valid: IDataObject = { interactiveBody: 'Hello', replyButtons: twoButtons };

describe('reply buttons message', () => {
	test('doc 08 example: image header by ID, body, footer, two buttons from the form', async () => {
		const result = await replyButtonsMessage.build(
			params({
				interactiveHeaderType: 'image',
				interactiveHeaderMediaSource: 'id',
				interactiveHeaderMediaId: '2762702990552401',
				interactiveBody:
					'Hi Pablo! Your gardening workshop is scheduled for 9am tomorrow. Use the buttons if you need to reschedule. Thank you!',
				interactiveFooter: 'Lucky Shrub: Your gateway to succulents!™',
				replyButtons: {
					button: [
						{ id: 'change-button', title: 'Change' },
						{ id: 'cancel-button', title: 'Cancel' },
					],
				},
			}),
			context(),
		);
		expect(result).toStrictEqual(fixturePart('08-reply-buttons-image-header'));
	});

	test('doc 16 example: body only, buttons as JSON in the API shape', async () => {
		const result = await replyButtonsMessage.build(
			params({
				interactiveBody: 'BUTTON_TEXT',
				replyButtonsInput: 'json',
				replyButtonsJson: JSON.stringify([
					{ type: 'reply', reply: { id: 'UNIQUE_BUTTON_ID_1', title: 'BUTTON_TITLE_1' } },
					{ type: 'reply', reply: { id: 'UNIQUE_BUTTON_ID_2', title: 'BUTTON_TITLE_2' } },
				]),
			}),
			context(),
		);
		expect(result).toStrictEqual(fixturePart('16-reply-button'));
	});

	test('JSON buttons may be the short {id, title} form and an array from an expression', async () => {
		const result = await replyButtonsMessage.build(
			params({
				interactiveBody: 'Pick',
				replyButtonsInput: 'json',
				replyButtonsJson: [{ id: 'a', title: 'A' }] as unknown as IDataObject,
			}),
			context(),
		);
		expect(result).toStrictEqual({
			type: 'interactive',
			interactive: {
				type: 'button',
				body: { text: 'Pick' },
				action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
			},
		});
	});

	test('text header', async () => {
		const result = await replyButtonsMessage.build(
			params({ ...valid, interactiveHeaderType: 'text', interactiveHeaderText: 'Workshop Details' }),
			context(),
		);
		expect((result.interactive as IDataObject).header).toStrictEqual({ type: 'text', text: 'Workshop Details' });
	});

	test('video header by link', async () => {
		const result = await replyButtonsMessage.build(
			params({
				...valid,
				interactiveHeaderType: 'video',
				interactiveHeaderMediaSource: 'link',
				interactiveHeaderMediaLink: 'https://example.com/clip.mp4',
			}),
			context(),
		);
		expect((result.interactive as IDataObject).header).toStrictEqual({
			type: 'video',
			video: { link: 'https://example.com/clip.mp4' },
		});
	});

	test('document header from binary data is uploaded and sent by ID with its filename', async () => {
		const ctx = context();
		const result = await replyButtonsMessage.build(
			params({
				...valid,
				interactiveHeaderType: 'document',
				interactiveHeaderMediaSource: 'binary',
				interactiveHeaderBinaryProperty: 'file',
				interactiveHeaderFilename: 'menu.pdf',
			}),
			ctx,
		);
		expect(ctx.uploadBinary).toHaveBeenCalledWith('file', 'document');
		expect((result.interactive as IDataObject).header).toStrictEqual({
			type: 'document',
			document: { id: 'UPLOADED_MEDIA_ID', filename: 'menu.pdf' },
		});
	});

	test('nothing is uploaded when a later check fails', async () => {
		const ctx = context();
		const error = await replyButtonsMessage
			.build(
				params({
					interactiveHeaderType: 'image',
					interactiveHeaderMediaSource: 'binary',
					interactiveBody: 'Hello',
					replyButtons: { button: [{ id: 'a', title: 'This title is far too long' }] },
				}),
				ctx,
			)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(ctx.uploadBinary).not.toHaveBeenCalled();
	});

	test('emoji count as one character each', async () => {
		const title = '👍'.repeat(20);
		const result = await replyButtonsMessage.build(
			params({ interactiveBody: 'Hi', replyButtons: { button: [{ id: 'a', title }] } }),
			context(),
		);
		expect((result.interactive as IDataObject).action).toStrictEqual({
			buttons: [{ type: 'reply', reply: { id: 'a', title } }],
		});
	});

	describe('limits', () => {
		test('body is required', async () => {
			expect(await inputError({ ...valid, interactiveBody: '' })).toMatchObject({
				field: 'Body',
				message: 'Body is required',
			});
		});
		test('body up to 1024 characters', async () => {
			expect(await inputError({ ...valid, interactiveBody: 'x'.repeat(1025) })).toMatchObject({
				field: 'Body',
				message: 'Body is too long: 1025 characters, the limit is 1024',
			});
		});
		test('footer up to 60 characters', async () => {
			expect(await inputError({ ...valid, interactiveFooter: 'f'.repeat(61) })).toMatchObject({
				field: 'Footer',
				message: 'Footer is too long: 61 characters, the limit is 60',
			});
		});
		test('header text up to 60 characters', async () => {
			expect(
				await inputError({ ...valid, interactiveHeaderType: 'text', interactiveHeaderText: 'h'.repeat(61) }),
			).toMatchObject({
				field: 'Header Text',
				message: 'Header Text is too long: 61 characters, the limit is 60',
			});
		});
		test('header media link must be http(s)', async () => {
			expect(
				await inputError({
					...valid,
					interactiveHeaderType: 'image',
					interactiveHeaderMediaSource: 'link',
					interactiveHeaderMediaLink: 'ftp://example.com/a.jpg',
				}),
			).toMatchObject({
				field: 'Header Media URL',
				message: 'Header Media URL must be an http:// or https:// URL; got "ftp://example.com/a.jpg"',
			});
		});
		test('header media ID is required', async () => {
			expect(
				await inputError({ ...valid, interactiveHeaderType: 'image', interactiveHeaderMediaSource: 'id' }),
			).toMatchObject({
				field: 'Header Media ID',
				message: 'Header Media ID is required',
			});
		});
		test('at most 3 buttons', async () => {
			const button = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }));
			expect(await inputError({ ...valid, replyButtons: { button } })).toMatchObject({
				field: 'Buttons',
				message: 'Buttons has 4 buttons, the limit is 3',
			});
		});
		test('at least 1 button', async () => {
			expect(await inputError({ ...valid, replyButtons: {} })).toMatchObject({
				field: 'Buttons',
				message: 'Buttons needs at least 1 buttons, got 0',
			});
		});
		test('button ID up to 256 characters', async () => {
			expect(
				await inputError({ ...valid, replyButtons: { button: [{ id: 'i'.repeat(257), title: 'A' }] } }),
			).toMatchObject({
				field: 'Buttons > ID',
				message: 'Buttons > ID is too long: 257 characters, the limit is 256',
			});
		});
		test('button ID without leading or trailing spaces', async () => {
			expect(await inputError({ ...valid, replyButtons: { button: [{ id: ' yes', title: 'Yes' }] } })).toMatchObject({
				field: 'Buttons > ID',
				message: 'Buttons > ID cannot start or end with spaces; got " yes"',
			});
		});
		test('Docs: button title without leading or trailing spaces (28: Cloud API refuses them on button properties)', async () => {
			expect(await inputError({ ...valid, replyButtons: { button: [{ id: 'yes', title: 'Yes ' }] } })).toMatchObject({
				field: 'Buttons > Title',
				message: 'Buttons > Title cannot start or end with spaces; got "Yes "',
			});
		});
		test('button IDs unique', async () => {
			expect(
				await inputError({
					...valid,
					replyButtons: {
						button: [
							{ id: 'a', title: 'A' },
							{ id: 'a', title: 'B' },
						],
					},
				}),
			).toMatchObject({
				field: 'Buttons > ID',
				message: 'Buttons > ID must be unique; "a" is used more than once',
			});
		});
		test('button title up to 20 characters', async () => {
			expect(
				await inputError({ ...valid, replyButtons: { button: [{ id: 'a', title: 't'.repeat(21) }] } }),
			).toMatchObject({
				field: 'Buttons > Title',
				message: 'Buttons > Title is too long: 21 characters, the limit is 20',
			});
		});
		test('button title not empty', async () => {
			expect(await inputError({ ...valid, replyButtons: { button: [{ id: 'a', title: ' ' }] } })).toMatchObject({
				field: 'Buttons > Title',
				message: 'Buttons > Title is required',
			});
		});
		test('button titles unique', async () => {
			expect(
				await inputError({
					...valid,
					replyButtons: {
						button: [
							{ id: 'a', title: 'Same' },
							{ id: 'b', title: 'Same' },
						],
					},
				}),
			).toMatchObject({
				field: 'Buttons > Title',
				message: 'Buttons > Title must be unique; "Same" is used more than once',
			});
		});
		test('button type only "reply"', async () => {
			expect(
				await inputError({
					...valid,
					replyButtonsInput: 'json',
					replyButtonsJson: '[{"type": "url", "reply": {"id": "a", "title": "A"}}]',
				}),
			).toMatchObject({ field: 'Buttons', message: 'Buttons: entry 1 has type "url"; only "reply" is supported' });
		});
		test('buttons JSON must parse', async () => {
			const error = await inputError({ ...valid, replyButtonsInput: 'json', replyButtonsJson: '[{"id": ' });
			expect(error.field).toBe('Buttons');
			expect(error.message).toMatch(/^Buttons is not valid JSON: /);
		});
	});

	test('properties follow n8n style and use the shared interactive names', () => {
		const names = replyButtonsMessage.properties.map((p) => p.name);
		expect(names).toEqual([
			'interactiveHeaderType',
			'interactiveHeaderText',
			'interactiveHeaderMediaSource',
			'interactiveHeaderMediaId',
			'interactiveHeaderMediaLink',
			'interactiveHeaderBinaryProperty',
			'interactiveHeaderFilename',
			'interactiveBody',
			'interactiveFooter',
			'replyButtonsInput',
			'replyButtons',
			'replyButtonsJson',
		]);
		for (const property of replyButtonsMessage.properties) {
			expect(property.description).toBeTruthy();
			expect(property.displayOptions?.show?.resource).toBeUndefined();
			expect(property.displayOptions?.show?.operation).toBeUndefined();
		}
		const header = replyButtonsMessage.properties[0];
		expect(header.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'none',
			'text',
			'image',
			'video',
			'document',
		]);
	});
});
