import ipaddr from 'ipaddr.js';

/** What each non-public range is, as it reads after "which is". */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified address (this server itself)',
  loopback: 'loopback (this server itself)',
  private: 'in a private network',
  linkLocal: 'link-local (where cloud metadata services answer)',
  carrierGradeNat: 'in the shared address space of carrier-grade NAT',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  reserved: 'in a reserved range',
  uniqueLocal: 'in a private IPv6 network (unique local)',
  deprecatedSiteLocal: 'in a site-local IPv6 network',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'in a local NAT64 prefix',
  '6to4': 'a 6to4 tunnel address',
  teredo: 'a Teredo tunnel address',
  benchmarking: 'in a benchmarking range',
  discard: 'in the IPv6 discard range',
};

/** The IPv6 addresses in use on the internet: 2000::/3 (global unicast). */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * Why the server must not connect to `text` on a user's behalf (read after "which is"), or null
 * when it is a public internet address. An IPv6 address that carries an IPv4 one (IPv4-mapped
 * `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`) is judged by the IPv4 address it reaches; IPv4-compatible
 * `::a.b.c.d` and everything else outside 2000::/3 is refused, and so are tunnels. Only what
 * ipaddr.js calls `unicast` is public.
 */
export function addressProblem(text: string): string | null {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return problemOf(address);
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const problem = problemOf(embedded.address);
    return problem && `${problem} (${embedded.kind} ${embedded.address})`;
  }
  if (v6.range() === 'unicast' && !v6.match(GLOBAL_UNICAST)) return 'not a global IPv6 address';
  return problemOf(v6);
}

function problemOf(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  const range = address.range();
  return range === 'unicast' ? null : (RANGE_WORDS[range] ?? `in the ${range} range`);
}

/** The IPv4 address an IPv6 one stands for: IPv4-mapped (::ffff:0:0/96) or well-known NAT64 (64:ff9b::/96). */
function embeddedIPv4(address: ipaddr.IPv6): { kind: string; address: ipaddr.IPv4 } | null {
  if (address.isIPv4MappedAddress()) return { kind: 'IPv4-mapped', address: address.toIPv4Address() };
  const [a, b, ...rest] = address.parts;
  if (a !== 0x64 || b !== 0xff9b || rest.slice(0, 4).some((p) => p !== 0)) return null;
  return { kind: 'NAT64 for', address: new ipaddr.IPv4(address.toByteArray().slice(12)) };
}
