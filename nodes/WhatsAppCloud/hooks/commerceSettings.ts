import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/InputError';

/** Commerce Settings › Update (doc 11): at least one setting to change. */
export function checkCommerceUpdate(ctx: IExecuteSingleFunctions): void {
	const fields = ctx.getNodeParameter('updateFields', {}) as IDataObject;
	if (typeof fields.isCartEnabled !== 'boolean' && typeof fields.isCatalogVisible !== 'boolean') {
		throw new InputError('Update Fields', 'Update Fields is empty: add Cart Enabled or Catalog Visible');
	}
}
