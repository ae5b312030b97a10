import { addressRequestMessage } from './addressRequest';
import { catalogMessage } from './catalog';
import { contactsMessage } from './contacts';
import { ctaUrlMessage } from './ctaUrl';
import { flowMessage } from './flow';
import { listMessage } from './list';
import { locationMessage } from './location';
import { locationRequestMessage } from './locationRequest';
import { MEDIA_MESSAGES } from './media';
import type { MessageType } from './MessageType';
import { orderDetailsMessage } from './orderDetails';
import { orderStatusMessage } from './orderStatus';
import { productMessage } from './product';
import { productListMessage } from './productList';
import { rawMessage } from './raw';
import { reactionMessage, removeReactionMessage } from './reaction';
import { replyButtonsMessage } from './replyButtons';
import { templateMessage } from './template';
import { textMessage } from './text';

/** Every sendable (non-template) message type, in the order of the operation list. */
export const MESSAGE_TYPES: MessageType[] = [
	textMessage,
	templateMessage,
	...MEDIA_MESSAGES,
	locationMessage,
	contactsMessage,
	reactionMessage,
	removeReactionMessage,
	replyButtonsMessage,
	listMessage,
	ctaUrlMessage,
	flowMessage,
	locationRequestMessage,
	addressRequestMessage,
	productMessage,
	productListMessage,
	catalogMessage,
	orderDetailsMessage,
	orderStatusMessage,
	rawMessage,
];

export function messageTypeByOperation(operation: string): MessageType {
	const found = MESSAGE_TYPES.find((type) => type.operation === operation);
	if (!found) throw new Error(`Unknown message operation "${operation}"`);
	return found;
}
