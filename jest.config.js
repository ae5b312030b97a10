/** unit: pure and in-process (n8n-core) tests; e2e: a real n8n process (slow, run with --runInBand). */
const base = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
module.exports = {
	projects: [
		{
			...base,
			displayName: 'unit',
			testMatch: [
				'<rootDir>/test/unit/**/*.test.ts',
				'<rootDir>/test/inprocess/**/*.test.ts',
				'<rootDir>/test/fuzz/**/*.test.ts',
			],
		},
		{ ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
	],
};
