import type { IDataObject } from 'n8n-workflow';

import { flowMessage } from '../../../nodes/WhatsAppCloud/messages/flow';
import { InputError } from '../../../nodes/shared/InputError';

import { expectInputError, fixturePart, offlineContext, withDefaults } from './support';

const params = (values: IDataObject): IDataObject => withDefaults(flowMessage, values);

const ctx = offlineContext();

const inputError = (values: IDataObject): Promise<InputError> =>
	expectInputError(flowMessage.build(params(values), ctx));

const headerBodyFooter = {
	interactiveHeaderText: 'Flow message header',
	interactiveBody: 'Flow message body',
	interactiveFooter: 'Flow message footer',
};
const valid: IDataObject = { interactiveBody: 'Book now', flowId: '123', flowCta: 'Book!' };

const parametersOf = (result: IDataObject) =>
	((result.interactive as IDataObject).action as IDataObject).parameters as IDataObject;

describe('flow message', () => {
	test('doc 23 example: token, navigate with a first screen and its data', async () => {
		const result = await flowMessage.build(
			params({
				...headerBodyFooter,
				flowIdentifyBy: 'id',
				flowId: '1',
				flowCta: 'Book!',
				flowToken: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
				flowAction: 'navigate',
				flowScreen: '<SCREEN_NAME>',
				flowData: '{"product_name": "name", "product_description": "description", "product_price": 100}',
			}),
			ctx,
		);
		expect(result).toStrictEqual(fixturePart('23-flow-example-request'));
	});

	test('doc 16 example: only the required parameters', async () => {
		const result = await flowMessage.build(params({ ...headerBodyFooter, flowId: '<FLOW_ID>', flowCta: 'Book!' }), ctx);
		expect(result).toStrictEqual(fixturePart('16-flows-messages'));
	});

	test('doc contradiction 15: parameters go under action.parameters with action.name "flow", as every example does', async () => {
		const result = await flowMessage.build(params(valid), ctx);
		const action = (result.interactive as IDataObject).action as IDataObject;
		expect(Object.keys(action)).toEqual(['name', 'parameters']);
		expect(action.name).toBe('flow');
		expect(action).not.toHaveProperty('flow_message_version');
		expect(action.parameters).toStrictEqual({ flow_message_version: '3', flow_id: '123', flow_cta: 'Book!' });
	});

	test('flow by name, draft mode, data exchange', async () => {
		const result = await flowMessage.build(
			params({ ...valid, flowIdentifyBy: 'name', flowName: 'booking', flowMode: 'draft', flowAction: 'data_exchange' }),
			ctx,
		);
		expect(parametersOf(result)).toStrictEqual({
			flow_message_version: '3',
			flow_name: 'booking',
			flow_cta: 'Book!',
			mode: 'draft',
			flow_action: 'data_exchange',
		});
	});

	test('flow_id and flow_name are never sent together', async () => {
		const result = await flowMessage.build(
			params({ ...valid, flowIdentifyBy: 'name', flowName: 'booking', flowId: '123' }),
			ctx,
		);
		expect(parametersOf(result)).not.toHaveProperty('flow_id');
		expect(parametersOf(result).flow_name).toBe('booking');
	});

	test('screen data may be an object from an expression; screen alone is fine', async () => {
		const withData = await flowMessage.build(params({ ...valid, flowData: { a: 1 } }), ctx);
		expect(parametersOf(withData).flow_action_payload).toStrictEqual({ data: { a: 1 } });
		const withScreen = await flowMessage.build(params({ ...valid, flowScreen: 'START' }), ctx);
		expect(parametersOf(withScreen).flow_action_payload).toStrictEqual({ screen: 'START' });
		expect(parametersOf(withScreen).flow_action).toBe('navigate');
	});

	describe('rules', () => {
		test('flow ID is required', async () => {
			expect(await inputError({ ...valid, flowId: '' })).toMatchObject({
				field: 'Flow ID',
				message: 'Flow ID is required',
			});
		});
		test('flow name is required when naming the flow by name', async () => {
			expect(await inputError({ ...valid, flowIdentifyBy: 'name' })).toMatchObject({
				field: 'Flow Name',
				message: 'Flow Name is required',
			});
		});
		test('button text is required', async () => {
			expect(await inputError({ ...valid, flowCta: '' })).toMatchObject({
				field: 'Button Text',
				message: 'Button Text is required',
			});
		});
		test('Docs: no spaces around the button text (28: Cloud API refuses them on action properties)', async () => {
			for (const flowCta of ['Book ', ' Book', '\tBook!']) {
				expect(await inputError({ ...valid, flowCta })).toMatchObject({
					field: 'Button Text',
					message: `Button Text cannot start or end with spaces; got "${flowCta}"`,
				});
			}
		});
		test('body is required', async () => {
			expect(await inputError({ ...valid, interactiveBody: '' })).toMatchObject({
				field: 'Body',
				message: 'Body is required',
			});
		});
		test('body up to 1024 characters', async () => {
			expect(await inputError({ ...valid, interactiveBody: 'b'.repeat(1025) })).toMatchObject({
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
			expect(await inputError({ ...valid, interactiveHeaderText: 'h'.repeat(61) })).toMatchObject({
				field: 'Header Text',
				message: 'Header Text is too long: 61 characters, the limit is 60',
			});
		});
		test('flow_action_payload only with navigate', async () => {
			expect(await inputError({ ...valid, flowAction: 'data_exchange', flowScreen: 'START' })).toMatchObject({
				field: 'First Screen',
				message:
					'First Screen and Screen Data can only be used with Flow Action "Navigate"; with "Data Exchange" your endpoint provides the first screen',
			});
		});
		test('screen data must be a non-empty object', async () => {
			expect(await inputError({ ...valid, flowData: '{}' })).toMatchObject({
				field: 'Screen Data',
				message: 'Screen Data must be a non-empty JSON object',
			});
			expect(await inputError({ ...valid, flowData: '[1, 2]' })).toMatchObject({
				field: 'Screen Data',
				message: 'Screen Data must be a non-empty JSON object',
			});
		});
		test('screen data must be valid JSON', async () => {
			const error = await inputError({ ...valid, flowData: '{"a": ' });
			expect(error.field).toBe('Screen Data');
			expect(error.message).toMatch(/^Screen Data is not valid JSON: /);
		});
		test('mode is published or draft', async () => {
			expect(await inputError({ ...valid, flowMode: 'live' })).toMatchObject({
				field: 'Mode',
				message: 'Mode must be one of published, draft; got "live"',
			});
		});
	});
});
