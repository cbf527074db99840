import { featureRoutes } from '../operation.ts';

/** The notification centre, notification settings and the digest preview; one-click unsubscribe. */
export const [notificationRoutes, route] = featureRoutes('notifications');
export const [publicMailRoutes, publicRoute] = featureRoutes('notifications');
