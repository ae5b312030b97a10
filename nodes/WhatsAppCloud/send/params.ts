import type { IDataObject, IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { holdsExpression } from '../../shared/nodeParameters';

/**
 * Reads node parameters item by item, but a parameter without any expression only once per run: n8n would give
 * every item the same value, and reading a parameter costs more than sending the message.
 */
export class ParameterReader {
	private readonly fixed = new Map<string, unknown>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly stored: INodeParameters,
	) {}

	get<T = IDataObject[string]>(name: string, itemIndex: number, fallback: unknown): T {
		if (this.fixed.has(name)) return this.fixed.get(name) as T;
		const value = this.ctx.getNodeParameter(name, itemIndex, fallback);
		if (!holdsExpression(this.stored[name])) this.fixed.set(name, value);
		return value as T;
	}
}
