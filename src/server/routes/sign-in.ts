import { signInSettingsInputSchema, signInSettingsSchema } from '../../core/sso/schemas.ts';
import { setSignInSettings, signInSettings } from '../../core/sso/settings.ts';
import { featureRoutes } from '../operation.ts';

export const [signInRoutes, route] = featureRoutes('sign-in');

route.get('/workspace/sign-in', {
  summary: 'How people sign in (owner): e-mail domains that may join by SSO, and whether passwords are off',
  responds: [200, 'The sign-in settings', signInSettingsSchema],
  run: ({ c, db, actor }) => signInSettings(db, actor, c.var.core.sso),
});

route.put('/workspace/sign-in', {
  summary: 'Set the SSO domains and passwords off (owner; passwords off needs SSO set up on the server)',
  body: signInSettingsInputSchema,
  responds: [200, 'The sign-in settings now', signInSettingsSchema],
  run: ({ c, db, actor, body }) => setSignInSettings(db, actor, c.var.core.sso, body),
});
