import type { WhatsAppEvent } from './events';
import { isMessageEvent, isStatusEvent } from './events';

/**
 * What the trigger lets through. Each option is a list (or a comma-separated string); an empty or
 * missing option does not filter. All given options must match.
 */
export interface EventFilterOptions {
	/** `event` values: 'message', 'status', 'error', 'user_preferences', 'payment_configuration_update', ... */
	events?: string[] | string;
	/**
	 * Message events only: matches the message `type` ('text', 'interactive', ...), its interactive type
	 * ('button_reply', 'list_reply', 'nfm_reply') or 'voice' for voice notes. Other events pass.
	 */
	messageTypes?: string[] | string;
	/** Status events only: 'sent', 'delivered', 'read', 'failed', 'payment'. Other events pass. */
	statuses?: string[] | string;
	/** `value.metadata.phone_number_id`; events without a phone number ID (account-level fields) are dropped. */
	phoneNumberIds?: string[] | string;
}

function toSet(option: string[] | string | undefined): Set<string> | undefined {
	const list = typeof option === 'string' ? option.split(',') : Array.isArray(option) ? option : [];
	const values = list
		.filter((v): v is string => typeof v === 'string')
		.map((v) => v.trim())
		.filter((v) => v !== '');
	return values.length === 0 ? undefined : new Set(values);
}

/** A predicate over events for the given options. */
export function createEventFilter(options: EventFilterOptions = {}): (event: WhatsAppEvent) => boolean {
	const events = toSet(options.events);
	const messageTypes = toSet(options.messageTypes);
	const statuses = toSet(options.statuses);
	const phoneNumberIds = toSet(options.phoneNumberIds);

	return (event) => {
		if (events && !events.has(event.event)) return false;
		if (phoneNumberIds && (event.phoneNumberId === null || !phoneNumberIds.has(event.phoneNumberId))) return false;
		if (messageTypes && isMessageEvent(event)) {
			const matches =
				messageTypes.has(event.type) ||
				(event.interactiveType !== null && messageTypes.has(event.interactiveType)) ||
				(event.isVoice && messageTypes.has('voice'));
			if (!matches) return false;
		}
		if (statuses && isStatusEvent(event) && !statuses.has(event.type)) return false;
		return true;
	};
}

export function filterEvents(events: WhatsAppEvent[], options: EventFilterOptions = {}): WhatsAppEvent[] {
	return events.filter(createEventFilter(options));
}
