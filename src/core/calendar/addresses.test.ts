import { describe, expect, it } from 'vitest';
import { addressProblem } from './addresses.ts';

describe('addressProblem: only public internet addresses are fetched for a subscription', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '11.0.0.1',
    '100.128.0.1',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:81c::200e',
    '::ffff:8.8.8.8', // IPv4-mapped public address: the public address it reaches
    '64:ff9b::8.8.8.8', // NAT64 of a public address (DNS64 networks answer these)
  ])('%s is public', (address) => {
    expect(addressProblem(address)).toBeNull();
  });

  it.each([
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['10.1.2.3', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.100.100.200', /carrier-grade NAT/], // Alibaba Cloud metadata
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['169.254.169.254', /link-local/], // AWS, GCP, Azure metadata
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['192.0.0.192', /reserved/],
    ['198.18.0.1', /reserved/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['240.0.0.1', /reserved/],
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['::ffff:127.0.0.1', /loopback \(this server itself\) \(IPv4-mapped 127\.0\.0\.1\)/],
    ['::ffff:7f00:1', /IPv4-mapped 127\.0\.0\.1/],
    ['0:0:0:0:0:ffff:a00:1', /private.*IPv4-mapped 10\.0\.0\.1/],
    ['::ffff:169.254.169.254', /link-local/],
    // IPv4-compatible (deprecated); ipaddr.js reads the dotted form as IPv4-mapped, refused either way.
    // URLs and dns.lookup give the canonical hex form.
    ['::127.0.0.1', /loopback/],
    ['::7f00:1', /not a global IPv6 address/],
    ['64:ff9b::7f00:1', /loopback.*NAT64 for 127\.0\.0\.1/],
    ['64:ff9b::a9fe:a9fe', /link-local.*NAT64 for 169\.254\.169\.254/],
    ['64:ff9b:1::1', /NAT64/],
    ['::ffff:0:7f00:1', /IPv4-translated/],
    ['fc00::1', /private IPv6/],
    ['fd00:ec2::254', /private IPv6/], // AWS IPv6 metadata
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['2002:7f00:1::1', /6to4/],
    ['2001:0:4136:e378::1', /Teredo/],
    ['2001:db8::1', /reserved/],
    ['100::1', /discard/],
    ['[::1]', /loopback/],
    ['localhost', /not an IP address/],
  ])('%s is refused: %s', (address, reason) => {
    expect(addressProblem(address)).toMatch(reason);
  });
});
