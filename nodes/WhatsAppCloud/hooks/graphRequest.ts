import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { graphErrorToNodeApiError } from '../../shared/GraphErrors';
import { CREDENTIAL_TYPE, graphBaseUrl } from '../../shared/graphApi';

/**
 * An extra Graph request made from inside a hook or an editor method (the declarative request itself
 * goes through RoutingNode). `url` is relative to the version (`/{id}/...`) or absolute.
 */
export async function graphRequest(
	ctx: IExecuteSingleFunctions | ILoadOptionsFunctions,
	options: Omit<IHttpRequestOptions, 'url'> & { url: string },
): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const url = /^https?:\/\//.test(options.url) ? options.url : `${graphBaseUrl(credentials)}${options.url}`;
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
		json: true,
		...options,
		url,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) {
		const itemIndex = 'getItemIndex' in ctx ? ctx.getItemIndex() : undefined;
		throw graphErrorToNodeApiError(ctx.getNode(), response, itemIndex);
	}
	return (response.body ?? {}) as IDataObject;
}
