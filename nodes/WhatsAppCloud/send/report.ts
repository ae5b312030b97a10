import type { IDataObject, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

export type NodeFailure = NodeApiError | NodeOperationError;

/** How one item ended. */
export type ItemResult =
	| { state: 'accepted'; answer: IDataObject }
	/** Not sent: a problem with the input, or Meta refused it. */
	| { state: 'refused'; error: NodeFailure }
	/** No answer says whether Meta accepted it: it may have been sent, and is not sent again. */
	| { state: 'maybe'; error: NodeFailure }
	/** Not sent, because the run stopped at another item's failure first. */
	| { state: 'skipped' };

/** Marks an error as "may have been sent", in its message and its description. */
export function maybeSent(error: NodeFailure, reason?: string): NodeFailure {
	error.message = `May have been sent: ${error.message}`;
	error.description = [
		`${reason ? `${reason}. ` : ''}Meta may have accepted this message, so it is not sent again: check its status webhooks before sending it again.`,
		error.description,
	]
		.filter(Boolean)
		.join('\n');
	return error;
}

/** Meta's answer to a send, with the message ID and the recipient's WhatsApp ID first. */
export function sentJson(answer: IDataObject): IDataObject {
	const message = (answer.messages as IDataObject[] | undefined)?.[0];
	const contact = (answer.contacts as IDataObject[] | undefined)?.[0];
	if (!message) return answer;
	const json: IDataObject = { messageId: message.id, waId: contact?.wa_id };
	if (message.message_status) json.messageStatus = message.message_status;
	return { ...json, ...answer };
}

/**
 * The item that stands for a failed message with Continue On Fail. n8n replaces the JSON of items that carry an
 * `error` with the message alone, and routes items whose JSON has only `error`, `message` and `details` to the
 * error output (Settings > On Error > Continue (using error output)): so the error stays in the JSON.
 */
function errorItem(result: Exclude<ItemResult, { state: 'accepted' }>, item: number): INodeExecutionData {
	if (result.state === 'skipped') {
		return {
			json: { error: 'Not sent: the run stopped before this item', details: { itemIndex: item, notSent: true } },
			pairedItem: { item },
		};
	}
	const { error } = result;
	const details: IDataObject = { itemIndex: item };
	if ('httpCode' in error && error.httpCode) details.code = error.httpCode;
	if (error.description) details.description = error.description;
	if (result.state === 'maybe') details.maybeSent = true;
	return { json: { error: error.message, details }, pairedItem: { item } };
}

/** One output item per input item, in input order: Meta's answer, or (Continue On Fail) that item's error. */
export function outputItems(results: ItemResult[]): INodeExecutionData[] {
	return results.map((result, item) =>
		result.state === 'accepted' ? { json: sentJson(result.answer), pairedItem: { item } } : errorItem(result, item),
	);
}

/** "0-40, 42, 44-99" (the first few runs only). */
export function itemRanges(items: number[], most = 12): string {
	const runs: string[] = [];
	for (let i = 0; i < items.length;) {
		let j = i;
		while (j + 1 < items.length && items[j + 1] === items[j] + 1) j++;
		runs.push(i === j ? `${items[i]}` : `${items[i]}-${items[j]}`);
		i = j + 1;
	}
	return runs.length > most ? `${runs.slice(0, most).join(', ')}, …` : runs.join(', ');
}

/**
 * The error that fails the run (Continue On Fail off) once sending has begun: the failing item's own error, with
 * what became of the other items, so that nobody sends the accepted ones again.
 */
export function runFailure(error: NodeFailure, itemIndex: number, results: Array<ItemResult | undefined>): NodeFailure {
	const indices = (state: ItemResult['state']) => results.flatMap((result, i) => (result?.state === state ? [i] : []));
	const accepted = indices('accepted');
	const maybe = indices('maybe').filter((i) => i !== itemIndex);
	const lines = [
		`${accepted.length} of ${results.length} messages were accepted by Meta before the node stopped${accepted.length > 0 ? ` (items ${itemRanges(accepted)})` : ''}.`,
	];
	if (maybe.length > 0) lines.push(`May have been sent as well: items ${itemRanges(maybe)}.`);
	const unsent = results.length - accepted.length - maybe.length - 1;
	if (unsent > 0)
		lines.push(
			`${unsent} other messages were not sent. Turn on "Continue On Fail" to send every other item and get one error item per failure.`,
		);
	error.description = [error.description, ...lines].filter(Boolean).join('\n');
	error.context.itemIndex = itemIndex;
	return error;
}
