import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MediaKind } from '../../shared/mediaRules';

export interface BuildContext {
	/** Uploads the input item's binary property to `POST /{phone-number-id}/media`; resolves to the media ID. */
	uploadBinary(binaryPropertyName: string, kind: MediaKind): Promise<string>;
	/** The file name of the input item's binary property, if it has one (the default document file name). */
	binaryFileName?(binaryPropertyName: string): string | undefined;
	/** GET on the Graph API (path relative to the version, e.g. `/{waba-id}/message_templates`); Graph errors throw NodeApiError. */
	graphGet(path: string, qs?: IDataObject): Promise<IDataObject>;
	/** The WABA ID from the node's field, else the credential's. */
	businessAccountId(): Promise<string>;
}

/** One sendable message type: the fields it shows, the JSON it sends and the limits it checks. */
export interface MessageType {
	operation: string;
	name: string;
	action: string;
	/** One line under the operation in the Operation dropdown: what the message does for the recipient. */
	description: string;
	properties: INodeProperties[];
	/** Validates `params` and returns the type part of the message body, e.g. `{ type: 'text', text: {...} }`. */
	build(params: IDataObject, ctx: BuildContext): Promise<IDataObject>;
}
