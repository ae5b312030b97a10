import { configs } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

// n8n's community-node rules, over what the scanner reads: package.json and {nodes,credentials}/**.
export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/**', '*.js', '*.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{ ...configs.recommended, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'] },
];
