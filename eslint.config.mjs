import { configs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const SCANNED = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

// The rules n8n's community-package scanner (@n8n/scan-community-package) applies to package.json and
// {nodes,credentials}/**, with its own exceptions, so `npm run lint` finds what the scan would; plus typescript-eslint's
// recommended rules for the tests, the sandbox and the scripts.
export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'.cache/**',
			'.n8n-dev/**',
			'artifacts/**',
			'*.js',
			'*.mjs',
			'scripts/**/*.mjs',
		],
	},
	{
		files: SCANNED,
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{ ...configs.recommended, files: SCANNED },
	{ files: SCANNED, rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['test/**/*.ts'] })),
	{
		files: ['test/**/*.ts'],
		rules: {
			// Tests reach into n8n's internals and JSON fixtures.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
];
