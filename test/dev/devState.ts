/** What `npm start` tells `npm run simulate` about the running sandbox: written at start, removed at stop. */
export const DEV_STATE_FILE = '.n8n-dev/dev-state.json';

export interface DevState {
	sandboxUrl: string;
	n8nUrl: string;
	/** The sandbox's access token, which its routes (the simulator's too) require. */
	token: string;
}
