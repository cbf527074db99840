import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

const NO_EMBEDDING = { 'frame-ancestors': "'none'", 'base-uri': "'none'", 'object-src': "'none'" };

/**
 * The web app, the API and its docs (Swagger UI): scripts, styles, images and requests only from
 * this origin, `data:` images, never framed. No 'unsafe-inline': the built app and Swagger UI have
 * no inline script or style (React and ECharts set styles through the DOM, which CSP allows).
 */
export const APP_POLICY = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'form-action': "'self'",
  ...NO_EMBEDDING,
});

/**
 * A page the server writes itself (the unsubscribe page, a handover pack opened in the browser):
 * no script at all, its own inline styles and `data:`/inline SVG images, a form only back to here.
 */
const DOCUMENT = { 'default-src': "'none'", 'style-src': "'unsafe-inline'", 'img-src': 'data:' };
export const DOCUMENT_POLICY = policy({ ...DOCUMENT, 'form-action': "'self'", ...NO_EMBEDDING });

/**
 * The same kind of page shown by the app itself in a frame (the digest preview): framed by this
 * origin only, sandboxed, no form. Its route also sets `X-Frame-Options: SAMEORIGIN`.
 */
export const FRAMED_DOCUMENT_POLICY = policy({
  ...DOCUMENT,
  'form-action': "'none'",
  ...NO_EMBEDDING,
  'frame-ancestors': "'self'",
  sandbox: '',
});

function policyFor(path: string, contentType: string): string {
  const serverPage = path.startsWith('/api/') && path !== '/api/docs' && contentType.startsWith('text/html');
  return serverPage ? DOCUMENT_POLICY : APP_POLICY;
}

/** HSTS only when people reach the server over https (LINCHPIN_PUBLIC_URL); over plain http it means nothing. */
const servedOverHttps = () => process.env.LINCHPIN_PUBLIC_URL?.startsWith('https://') ?? false;

/**
 * The security headers of every answer: the page, the assets, the API, errors. A route that sets
 * its own Content-Security-Policy (a stricter one for a download) keeps it.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers: Record<string, string> = {
    'Content-Security-Policy': policyFor(c.req.path, c.res.headers.get('content-type') ?? ''),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Rating, invitation and reset links carry their token in the URL: never pass it on.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Permitted-Cross-Domain-Policies': 'none',
    ...(servedOverHttps() ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
  const missing = (response: Response) =>
    Object.entries(headers).filter(([name]) => !response.headers.has(name));
  try {
    for (const [name, value] of missing(c.res)) c.res.headers.set(name, value);
  } catch {
    // A response with immutable headers: answer a copy that carries them.
    const copy = new Response(c.res.body, c.res);
    for (const [name, value] of missing(copy)) copy.headers.set(name, value);
    c.res = copy;
  }
};
