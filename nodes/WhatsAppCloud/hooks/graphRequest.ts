import type { IDataObject } from 'n8n-workflow';

import { graphRequest as transportRequest, type GraphCall, type GraphContext } from '../../shared/transport';

/**
 * An extra Graph call from a hook or an editor method, through the one transport (nodes/shared/transport.ts),
 * tied to the current item when there is one. New code can call the transport directly.
 */
export async function graphRequest(ctx: GraphContext, call: GraphCall): Promise<IDataObject> {
	const itemIndex = call.itemIndex ?? ('getItemIndex' in ctx ? ctx.getItemIndex() : undefined);
	return await transportRequest(ctx, { ...call, itemIndex });
}
