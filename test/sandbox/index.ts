import { mediaRoutes } from './routes/media';
import { messageRoutes } from './routes/messages';
import { phoneNumberRoutes } from './routes/phoneNumbers';
import { subscriptionRoutes } from './routes/subscriptions';
import { GraphSandbox, type RouteModule } from './server';

export { GraphSandbox } from './server';
export { SANDBOX_IDS } from './state';

/** Every route family the sandbox knows; later issues add theirs here. Specific paths before `/:id` catch-alls. */
export const ROUTE_MODULES: RouteModule[] = [messageRoutes, mediaRoutes, phoneNumberRoutes, subscriptionRoutes];

export function createSandbox(): GraphSandbox {
	return new GraphSandbox(ROUTE_MODULES);
}
