import type { IDataObject } from 'n8n-workflow';

export type VerificationAnswer = { status: 200; challenge: string } | { status: 403; reason: string };

/** Meta's GET verification request (doc 39): echo hub.challenge when the mode and verify token match. */
export function answerVerification(query: IDataObject, verifyToken: string): VerificationAnswer {
	const mode = query['hub.mode'];
	const token = query['hub.verify_token'];
	const challenge = query['hub.challenge'];
	if (mode !== 'subscribe') return { status: 403, reason: 'hub.mode is not "subscribe"' };
	if (!verifyToken || typeof token !== 'string' || token !== verifyToken) {
		return { status: 403, reason: "hub.verify_token does not match the trigger's Verify Token" };
	}
	if (typeof challenge !== 'string' || challenge === '') return { status: 403, reason: 'hub.challenge is missing' };
	return { status: 200, challenge };
}
