export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/** Minimal multipart/form-data parser: enough to check what the node uploads, byte for byte. */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!match) return undefined;
	const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
	const parts: MultipartPart[] = [];
	let start = body.indexOf(boundary);
	while (start !== -1) {
		const headerStart = start + boundary.length;
		if (body.subarray(headerStart, headerStart + 2).toString() === '--') break;
		const headerEnd = body.indexOf('\r\n\r\n', headerStart);
		if (headerEnd === -1) return undefined;
		const next = body.indexOf(boundary, headerEnd);
		if (next === -1) return undefined;
		const headers = body.subarray(headerStart + 2, headerEnd).toString('utf8');
		const data = body.subarray(headerEnd + 4, next - 2);
		const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		if (name === undefined) return undefined;
		parts.push({
			name,
			filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
			contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
			data: Buffer.from(data),
		});
		start = next;
	}
	return parts;
}
