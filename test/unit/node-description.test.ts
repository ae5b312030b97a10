/**
 * The shape of the action node's description: every routed request states its method and URL, goes through
 * one all-or-nothing preSend at most, and has its answer checked for Graph errors before anything reads it.
 */
import type { INodeExecutionData, INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/WhatsAppCloud/descriptions';
import {
	pairWithInputItem,
	readsGraphErrors,
	throwOnGraphError,
	withGraphAnswerHandling,
} from '../../nodes/WhatsAppCloud/hooks/graphResponse';
import { readBlockUsersAnswer } from '../../nodes/WhatsAppCloud/hooks/blockedUsers';
import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';

const node = new WhatsAppCloud().description;
const operationProperties = node.properties.filter((property) => property.name === 'operation');

interface Operation {
	resource: string;
	option: INodePropertyOptions;
}

const operations: Operation[] = operationProperties.flatMap((property) =>
	(property.options as INodePropertyOptions[]).map((option) => ({
		resource: String(property.displayOptions?.show?.resource?.[0]),
		option,
	})),
);
const routed = operations.filter(({ option }) => option.routing !== undefined);
/** The Message resource sends through the send pipeline (send/), a custom operation, not through routing. */
const graphResources = routed.filter(({ resource }) => resource !== 'message');
const label = ({ resource, option }: Operation) => `${resource}.${String(option.value)}`;

/** Every property and nested option of the description, with its routing. */
function* allRoutings(properties: readonly INodeProperties[], path = ''): Generator<[string, INodePropertyRouting]> {
	for (const property of properties) {
		const here = `${path}${property.name}`;
		if (property.routing) yield [here, property.routing];
		for (const option of (property.options ?? []) as Array<
			INodeProperties | INodePropertyOptions | { name: string; values?: INodeProperties[] }
		>) {
			if ('routing' in option && option.routing)
				yield [`${here}.${String('value' in option ? option.value : option.name)}`, option.routing];
			if ('values' in option && option.values) yield* allRoutings(option.values, `${here}.${option.name}.`);
			if ('type' in option && 'options' in option) yield* allRoutings([option as INodeProperties], `${here}.`);
		}
	}
}

describe('WhatsApp Cloud node description', () => {
	it('has one Operation dropdown per resource, each option with an action and a description', () => {
		expect(operationProperties.map((property) => property.displayOptions?.show?.resource)).toEqual(
			RESOURCES.map((resource) => [resource.value]),
		);
		expect(operations.filter(({ option }) => !option.action).map(label)).toEqual([]);
		expect(operations.filter(({ option }) => !option.description).map(label)).toEqual([]);
	});

	it('names list operations "Get Many …", never "List …"', () => {
		expect(operations.filter(({ option }) => /^List\b/.test(option.name)).map(label)).toEqual([]);
		const lists = operations.filter(({ option }) => /^Get Many\b/.test(option.name)).map(label);
		expect(lists).toEqual(
			expect.arrayContaining([
				'template.getAll',
				'phoneNumber.getAll',
				'blockedUser.list',
				'businessAccount.listSubscribedApps',
				'payment.listConfigurations',
			]),
		);
	});

	it('states method and URL in the routing of every Graph request outside the send path', () => {
		const urlFromField = ['phoneNumber.getHealthStatus'];
		const unstated = graphResources.filter(({ option }) => !option.routing?.request?.method).map(label);
		expect(unstated).toEqual([]);
		const noUrl = graphResources.filter(({ option }) => option.routing?.request?.url === undefined).map(label);
		expect(noUrl).toEqual(urlFromField);
		// Phone Number > Get Health Status takes its URL from the option chosen in "Health Status Of".
		const target = node.properties.find((property) => property.name === 'healthStatusTarget');
		expect((target?.options as INodePropertyOptions[]).map((option) => option.routing?.request?.url)).toEqual([
			expect.stringMatching(/^=\/\{\{.*phoneNumberId.*\}\}$/),
			expect.stringMatching(/^=\/\{\{.*businessAccountId.*\}\}$/),
		]);
	});

	it('gives every request at most one preSend, on its operation (two all-or-nothing gates would not hold)', () => {
		const many = routed.filter(({ option }) => (option.routing?.send?.preSend?.length ?? 0) > 1).map(label);
		expect(many).toEqual([]);
		const onFields = [...allRoutings(node.properties)]
			.filter(([path, routing]) => !path.startsWith('operation.') && (routing.send?.preSend?.length ?? 0) > 0)
			.map(([path]) => path);
		expect(onFields).toEqual([]);
	});

	it('checks every answer for a Graph error first and pairs the output with its input item last', () => {
		for (const operation of routed) {
			const chain = operation.option.routing?.output?.postReceive ?? [];
			const first =
				operation.resource === 'blockedUser' && ['block', 'unblock'].includes(String(operation.option.value))
					? readBlockUsersAnswer
					: throwOnGraphError;
			expect([label(operation), chain[0]]).toEqual([label(operation), first]);
			expect([label(operation), chain.at(-1)]).toEqual([label(operation), pairWithInputItem]);
			expect(chain.filter((action) => action === throwOnGraphError)).toHaveLength(first === throwOnGraphError ? 1 : 0);
		}
	});

	it('puts the Graph error check first in any answer chain, whatever the property order', () => {
		const own = readsGraphErrors(async (items) => items);
		const step = async (items: INodeExecutionData[]) => items;
		const [field, operation] = withGraphAnswerHandling([
			{
				displayName: 'Field',
				name: 'field',
				type: 'string',
				default: '',
				routing: { output: { postReceive: [step] } },
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				default: 'a',
				options: [
					{ name: 'A', value: 'a', routing: { request: { method: 'GET', url: '/a' } } },
					{
						name: 'B',
						value: 'b',
						routing: { request: { method: 'POST', url: '/b' }, output: { postReceive: [own] } },
					},
					{ name: 'C', value: 'c' },
				],
			},
		]);
		expect(field.routing?.output?.postReceive).toEqual([throwOnGraphError, step]);
		const [a, b, c] = operation.options as INodePropertyOptions[];
		expect(a.routing?.output?.postReceive).toEqual([throwOnGraphError, pairWithInputItem]);
		expect(b.routing?.output?.postReceive).toEqual([own, pairWithInputItem]);
		expect(c.routing).toBeUndefined();
	});
});
