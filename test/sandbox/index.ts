import { blockedUserRoutes } from './routes/blockedUsers';
import { businessProfileRoutes } from './routes/businessProfile';
import { commerceSettingsRoutes } from './routes/commerceSettings';
import { flowsEncryptionRoutes } from './routes/flowsEncryption';
import { mediaRoutes } from './routes/media';
import { messageRoutes } from './routes/messages';
import { paymentRoutes } from './routes/payments';
import { phoneNumberRoutes } from './routes/phoneNumbers';
import { simulatorRoutes } from './routes/simulator';
import { subscriptionRoutes } from './routes/subscriptions';
import { templateRoutes } from './routes/templates';
import { GraphSandbox, type RouteModule } from './server';

export { GraphSandbox } from './server';
export { SANDBOX_IDS } from './state';

/** Every route family the sandbox knows, one file each. Specific paths before `/:id` catch-alls. */
export const ROUTE_MODULES: RouteModule[] = [
	messageRoutes,
	templateRoutes,
	mediaRoutes,
	phoneNumberRoutes,
	businessProfileRoutes,
	blockedUserRoutes,
	commerceSettingsRoutes,
	flowsEncryptionRoutes,
	paymentRoutes,
	subscriptionRoutes,
	simulatorRoutes,
];

export function createSandbox(): GraphSandbox {
	return new GraphSandbox(ROUTE_MODULES);
}
