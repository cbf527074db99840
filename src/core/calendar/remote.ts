import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '../errors.ts';
import { addressProblem } from './addresses.ts';
import { MAX_IMPORT_BYTES, tooLarge } from './limits.ts';

/** Looks a host name up: every address it has. The default is the system's `dns.lookup`. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export interface RemoteOptions {
  /** GET unless told (CalDAV speaks PROPFIND and REPORT). */
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Asked once per hop; the connection goes to exactly what it answered and was checked. */
  resolve?: Resolver;
  /**
   * Why the server must not connect to an address, or null. Default: `addressProblem` (public
   * internet only), or nothing refused with LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS=1.
   */
  check?: (address: string) => string | null;
  maxRedirects?: number;
  /** Answer a redirect as it is instead of following it (the caller follows it, through here again). */
  manualRedirects?: boolean;
}

export interface RemoteResponse {
  /** The address that answered, after redirects. */
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  /** The body, decompressed (gzip, deflate, br). */
  body: AsyncIterable<Uint8Array>;
  /** Stops reading and closes the connection. */
  cancel(): void;
}

/** Checks and normalises a subscription address: http(s), with webcal:// read as https://. */
export function subscriptionUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw AppError.invalid('url', 'is not a web address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw AppError.invalid('url', 'must start with https://, http:// or webcal://');
  }
  return url.toString();
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultCheck = (address: string) =>
  process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS ? null : addressProblem(address);

/**
 * Requests (GET unless told) an address a user gave, from the server, without letting it reach the
 * server's own network: each hop's name is looked up once, every address it has is checked, and the
 * socket connects to exactly those addresses (the lookup the connection uses is pinned to them), so a
 * DNS answer that changes between check and connect (rebinding) has nothing left to change. Redirects are followed
 * by hand, each new address checked the same way.
 */
export async function fetchRemote(address: string, options: RemoteOptions = {}): Promise<RemoteResponse> {
  const max = options.maxRedirects ?? 5;
  let url = new URL(address);
  for (let hop = 0; ; hop++) {
    const addresses = await checkedAddresses(url, hop > 0, options);
    const response = await send(url, addresses, options);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || !location || options.manualRedirects) {
      return wrap(url, response);
    }
    response.destroy();
    if (hop >= max) throw new AppError('bad_request', `${url.host} redirected more than ${max} times`);
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw AppError.invalid('url', `redirects to ${next.protocol} address, which is not a web address`);
    }
    // As fetch does: credentials go to the origin they were given for, never on to another one
    // (another host, or the same one over plain http).
    if (next.origin !== url.origin && options.headers)
      options = { ...options, headers: withoutCredentials(options.headers) };
    url = next;
    // As browsers do: a 303 is looked at with GET; 307/308 (and 301/302 for WebDAV methods) repeat it.
    if (response.statusCode === 303) options = { ...options, method: 'GET', body: undefined };
  }
}

const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const withoutCredentials = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIALS.has(name.toLowerCase())));

/** The addresses `url` may be fetched from: its IP, or everything its name resolves to, each checked. */
async function checkedAddresses(url: URL, redirected: boolean, options: RemoteOptions) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw AppError.invalid('url', 'must start with https://, http:// or webcal://');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const addresses: LookupAddress[] = literal
    ? [{ address: host, family: literal }]
    : await (options.resolve ?? systemResolver)(host).catch(() => []);
  if (addresses.length === 0) throw new AppError('bad_request', `${url.hostname} could not be found`);
  const check = options.check ?? defaultCheck;
  for (const { address } of addresses) {
    const problem = check(address);
    if (problem === null) continue;
    const where = literal ? `${address},` : `${url.hostname}, at ${address},`;
    throw AppError.invalid(
      'url',
      `${redirected ? `redirects to ${url.href}: ` : ''}points to ${where} which is ${problem}: an address inside this server's network. Calendars must be on the internet (an admin can allow internal ones with LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS=1)`,
    );
  }
  return addresses;
}

/** A lookup for the socket that answers only the checked addresses: no second DNS query. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options === 'number' ? options : options.family;
    const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    const [first] = wanted;
    if (!first) callback(Object.assign(new Error('no address of that family'), { code: 'ENOTFOUND' }), '', 0);
    else if (typeof options === 'object' && options.all) callback(null, wanted);
    else callback(null, first.address, first.family);
  };
}

function send(url: URL, addresses: LookupAddress[], options: RemoteOptions): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
        signal: options.signal,
        agent: false, // a connection of its own: never a pooled socket to another address
        lookup: pinnedLookup(addresses),
      },
      resolve,
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function wrap(url: URL, response: IncomingMessage): RemoteResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const v of [value ?? []].flat()) headers.append(name, v);
  }
  return {
    url: url.href,
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    headers,
    body: decoded(response),
    cancel: () => response.destroy(),
  };
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return response;
  return pipeline(response, decoder, () => {}); // an error reaches whoever reads the body
}

/** Reads a body but stops at the import limit, so a huge or endless answer cannot fill memory. */
export async function readLimited(response: RemoteResponse): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      response.cancel();
      throw tooLarge(size);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
