/** The media object shared by media messages and interactive headers (docs 16, 20, 22, 06, 81, 68). */

import { allowKeys, at, checkHttpUrl, has, Obj, optStr, reqStr } from './checks';
import { badValue, fail, JsonPath, missing } from './fault';

/** Keys documented for On-Premises only (doc 16); Cloud API rejects unknown properties (doc 28). */
export const ON_PREM_HINTS: Readonly<Record<string, string>> = {
	hsm: 'The hsm object is On-Premises API only (deprecated); use a template message.',
	preview_url: 'On Cloud API preview_url goes inside the text object.',
	provider: 'Media providers are On-Premises API only.',
	namespace: 'Template namespace is On-Premises API only.',
};

// ---------------------------------------------------------------- media (docs 16, 20, 22, 06, 81, 68)

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

const MEDIA_FIELDS: Readonly<Record<MediaKind, readonly string[]>> = {
	image: ['id', 'link', 'caption'],
	video: ['id', 'link', 'caption'],
	document: ['id', 'link', 'caption', 'filename'],
	audio: ['id', 'link'],
	sticker: ['id', 'link'],
};

/** A media object {id | link} (+ caption / filename where the type allows them). */
export function checkMediaObject(kind: MediaKind, media: Obj, path: JsonPath, extraKeys: readonly string[] = []): void {
	const allowed = [...MEDIA_FIELDS[kind], ...extraKeys];
	// caption/filename are real media-object properties, so using them on the wrong type is a bad value, not an unknown key.
	for (const key of ['caption', 'filename']) {
		if (has(media, key) && !allowed.includes(key)) {
			const rule = key === 'caption' ? 'Do not use with audio or sticker media' : 'Use only with document media';
			fail(badValue(at(path, key), `is not supported for ${kind} media (doc 16: "${rule}").`));
		}
	}
	allowKeys(media, path, allowed, ON_PREM_HINTS);

	const hasId = has(media, 'id');
	const hasLink = has(media, 'link');
	if (hasId && hasLink) fail(badValue(path, 'must contain either id or link, not both.'));
	if (!hasId && !hasLink) fail(missing(at(path, 'id'), '(either id or link is required)'));
	if (hasId) reqStr(media, 'id', path);
	else checkHttpUrl(media.link, at(path, 'link'));

	// Docs: doc 22/06 give 1024 for image/video captions; doc 81 states no maximum for documents (On-Prem: 1024) — 1024 applied to all.
	optStr(media, 'caption', path, { max: 1024 });
	optStr(media, 'filename', path);
}
