import type { FormField } from './formFields';
import { inputName } from './formFields';

/**
 * The pages the link of a Send and Wait message opens: plain HTML forms that POST back to the same signed URL
 * (an empty `action` keeps its query), no scripts, no outside resources.
 */

/** Sandboxed like n8n's own form pages, with nothing loaded from elsewhere. */
export const PAGE_CSP = "sandbox allow-forms; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const escapeHtml = (value: string) =>
	value.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
	);

/** The question as the person read it in WhatsApp: escaped, line breaks kept. */
const paragraph = (value: string) =>
	value.trim() ? `<p class="message">${escapeHtml(value).replace(/\r?\n/g, '<br>')}</p>` : '';

const STYLE = `
body{margin:0;background:#f4f6f8;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328}
main{max-width:460px;margin:32px auto;padding:24px;background:#fff;border:1px solid #dde1e6;border-radius:10px}
h1{font-size:20px;font-weight:600;margin:0 0 12px}
.message{font-size:15px;line-height:1.5;margin:0 0 20px;white-space:normal}
label{display:block;font-weight:600;margin:16px 0 6px}
input[type=text],input[type=email],input[type=number],input[type=password],input[type=date],textarea,select{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c9ced6;border-radius:6px;font:inherit}
textarea{min-height:120px}
.choice{display:block;font-weight:400;margin:6px 0}
.buttons{display:flex;gap:12px;margin-top:24px}
button{flex:1;padding:12px 16px;border-radius:6px;border:1px solid #1f7a4d;background:#1f7a4d;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:#1f2328;border-color:#c9ced6}
.problems{background:#fdecea;border:1px solid #f5c2c0;border-radius:6px;padding:10px 14px;margin:0 0 16px}
.problems p{margin:4px 0}`;

function page(title: string, body: string): string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const problemList = (problems: string[]) =>
	problems.length ? `<div class="problems">${problems.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>` : '';

export function approvalPage(message: string, approveLabel: string, declineLabel?: string): string {
	const decline = declineLabel
		? `<button class="secondary" type="submit" name="approved" value="false">${escapeHtml(declineLabel)}</button>`
		: '';
	return page(
		'Approval',
		`${paragraph(message)}<form method="post" action=""><div class="buttons">${decline}<button type="submit" name="approved" value="true">${escapeHtml(approveLabel)}</button></div></form>`,
	);
}

export interface FormPageText {
	title: string;
	description: string;
	buttonLabel: string;
}

export function freeTextPage(text: FormPageText, problems: string[] = []): string {
	return page(
		text.title || 'Response',
		`${text.title ? `<h1>${escapeHtml(text.title)}</h1>` : ''}${paragraph(text.description)}${problemList(problems)}
<form method="post" action=""><label for="text">Response</label><textarea id="text" name="text" required></textarea>
<div class="buttons"><button type="submit">${escapeHtml(text.buttonLabel)}</button></div></form>`,
	);
}

function fieldHtml(field: FormField, index: number): string {
	const name = inputName(index);
	const id = `f${index}`;
	const required = field.required ? ' required' : '';
	const label = `<label for="${id}">${escapeHtml(field.label)}${field.required ? ' *' : ''}</label>`;
	const attrs = (type: string) =>
		`type="${type}" id="${id}" name="${name}" value="${escapeHtml(field.defaultValue)}" placeholder="${escapeHtml(field.placeholder)}"${required}`;
	switch (field.type) {
		case 'hiddenField':
			return '';
		case 'textarea':
			return `${label}<textarea id="${id}" name="${name}" placeholder="${escapeHtml(field.placeholder)}"${required}>${escapeHtml(field.defaultValue)}</textarea>`;
		case 'dropdown': {
			const options = field.options
				.map((option) => `<option${option === field.defaultValue ? ' selected' : ''}>${escapeHtml(option)}</option>`)
				.join('');
			const empty = field.multiselect ? '' : '<option value=""></option>';
			return `${label}<select id="${id}" name="${name}"${field.multiselect ? ' multiple' : ''}${required}>${empty}${options}</select>`;
		}
		case 'checkbox':
		case 'radio': {
			const choices = field.options
				.map((option, i) => {
					const checked = option === field.defaultValue ? ' checked' : '';
					const req = field.type === 'radio' && field.required && i === 0 ? ' required' : '';
					return `<label class="choice"><input type="${field.type}" name="${name}" value="${escapeHtml(option)}"${checked}${req}> ${escapeHtml(option)}</label>`;
				})
				.join('');
			return `<label>${escapeHtml(field.label)}${field.required ? ' *' : ''}</label>${choices}`;
		}
		default:
			return `${label}<input ${attrs(field.type)}>`;
	}
}

/** n8n's Send and Wait sends custom forms as multipart/form-data (n8n refuses anything else for them). */
export function customFormPage(text: FormPageText, fields: FormField[], problems: string[] = []): string {
	return page(
		text.title || 'Form',
		`${text.title ? `<h1>${escapeHtml(text.title)}</h1>` : ''}${paragraph(text.description)}${problemList(problems)}
<form method="post" action="" enctype="multipart/form-data">${fields.map(fieldHtml).join('\n')}
<div class="buttons"><button type="submit">${escapeHtml(text.buttonLabel)}</button></div></form>`,
	);
}

export function answeredPage(): string {
	return page(
		'Got it, thanks',
		'<h1>Got it, thanks</h1><p class="message">Your answer has been recorded. You can close this page.</p>',
	);
}

export function noLongerValidPage(): string {
	return page(
		'Link no longer valid',
		'<h1>This link is no longer valid</h1><p class="message">The question has already been answered, or it has expired.</p>',
	);
}
