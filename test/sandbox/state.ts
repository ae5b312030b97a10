/** What the sandbox remembers between requests: the account it pretends to be and what was done to it. */
export interface StoredMedia {
	id: string;
	phoneNumberId: string;
	mimeType: string;
	data: Buffer;
	sha256: string;
	fileName?: string;
}

export interface PhoneNumber {
	id: string;
	display_phone_number: string;
	verified_name: string;
	quality_rating: string;
	code_verification_status: string;
	name_status: string;
	status: string;
	platform_type: string;
	throughput: { level: string };
	registered: boolean;
}

export const SANDBOX_IDS = {
	token: 'sandbox-access-token',
	appSecret: 'sandbox-app-secret',
	appId: '1234567890123456',
	businessAccountId: '102290129340398',
	businessId: '506914307656634',
	phoneNumberId: '106540352242922',
	displayPhoneNumber: '15550783881',
	secondPhoneNumberId: '106540352242923',
} as const;

export interface SandboxState {
	phoneNumbers: Map<string, PhoneNumber>;
	media: Map<string, StoredMedia>;
	/** Anything later route files need to keep, by route family. */
	extra: Map<string, unknown>;
}

function phone(id: string, display: string, name: string): PhoneNumber {
	return {
		id,
		display_phone_number: display,
		verified_name: name,
		quality_rating: 'GREEN',
		code_verification_status: 'VERIFIED',
		name_status: 'APPROVED',
		status: 'CONNECTED',
		platform_type: 'CLOUD_API',
		throughput: { level: 'STANDARD' },
		registered: true,
	};
}

export function initialState(): SandboxState {
	return {
		phoneNumbers: new Map([
			[SANDBOX_IDS.phoneNumberId, phone(SANDBOX_IDS.phoneNumberId, '+1 555-078-3881', "Jasper's Market")],
			[
				SANDBOX_IDS.secondPhoneNumberId,
				phone(SANDBOX_IDS.secondPhoneNumberId, '+1 555-078-3882', "Jasper's Market Support"),
			],
		]),
		media: new Map(),
		extra: new Map(),
	};
}
