import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocFixture<T = Record<string, unknown>> {
	source: string;
	title: string;
	body: T;
	note?: string;
}

const FIXTURES = join(__dirname, 'fixtures', 'docs');

/** A documented example, e.g. `docFixture('messages', '66-text-with-link-preview')`. */
export function docFixture<T = Record<string, unknown>>(group: string, name: string): DocFixture<T> {
	return JSON.parse(readFileSync(join(FIXTURES, group, `${name}.json`), 'utf8')) as DocFixture<T>;
}

export function docFixtureNames(group: string): string[] {
	return readdirSync(join(FIXTURES, group))
		.filter((file) => file.endsWith('.json'))
		.map((file) => file.slice(0, -'.json'.length));
}
