import { featureRoutes } from '../operation.ts';

/** The person's live calendar feed: its secret URL (signed in) and the feed itself (the token is the key). */
export const [feedRoutes, route] = featureRoutes('feed');
export const [publicFeedRoutes, publicRoute] = featureRoutes('feed');
