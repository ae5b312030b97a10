import type { ResourceDescription } from './descriptions';

/**
 * The canvas subtitle, e.g. "Message: Send Template". The editor evaluates it with `$parameter`, which holds
 * option values only ("sendTemplate"), so the display names travel inside the expression as a lookup table.
 */
export function operationSubtitle(resources: ResourceDescription[]): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const option of resource.operations.options ?? []) {
			if ('value' in option) names[`${resource.value}:${String(option.value)}`] = `${resource.name}: ${option.name}`;
		}
	}
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ (${JSON.stringify(names)})[${key}] || $parameter["resource"] + ": " + $parameter["operation"] }}`;
}
