/**
 * Whether a stored node parameter holds an expression anywhere (a string that starts with "="). A parameter that
 * holds none has the same value for every item, so it can be read once, or straight from the node, without a trip
 * through n8n's expression engine.
 */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsExpression);
	return false;
}
