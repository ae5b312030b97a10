import type { BuildContext } from '../../../nodes/WhatsAppCloud/messages/MessageType';

/** A BuildContext for unit tests: no network; any upload or Graph read fails unless overridden. */
export function offlineContext(overrides: Partial<BuildContext> = {}): BuildContext {
	return {
		uploadBinary: async () => {
			throw new Error('unexpected upload in this test');
		},
		graphGet: async () => {
			throw new Error('unexpected Graph request in this test');
		},
		businessAccountId: async () => '102290129340398',
		...overrides,
	};
}
