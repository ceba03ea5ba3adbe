import { canonicalCidr, cidrContains, formatIpv4, parseIpv4, parseIpv4Cidr } from '../../src/private/net';

describe('parseIpv4', () => {
  test.each([
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
    ['169.254.10.1', 169 * 2 ** 24 + 254 * 2 ** 16 + 10 * 2 ** 8 + 1],
  ])('parses %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });

  test.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3.-4',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '0x7f.0.0.1',
    '::1',
  ])('rejects %j', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
  });
});

describe('parseIpv4Cidr', () => {
  test('computes the network, size and canonical form', () => {
    const c = parseIpv4Cidr('10.0.0.1/24')!;
    expect(c.prefixLength).toBe(24);
    expect(c.size).toBe(256);
    expect(canonicalCidr(c)).toBe('10.0.0.0/24');
    expect(canonicalCidr(parseIpv4Cidr('0.0.0.0/0')!)).toBe('0.0.0.0/0');
    expect(canonicalCidr(parseIpv4Cidr('192.0.2.77/32')!)).toBe('192.0.2.77/32');
    expect(canonicalCidr(parseIpv4Cidr('255.255.255.255/1')!)).toBe('128.0.0.0/1');
  });

  test.each([
    '10.0.0.0',
    '10.0.0.0/',
    '10.0.0.0/33',
    '10.0.0.0/08',
    '10.0.0.0/-1',
    '10.0.0/8',
    '2001:db8::/32',
    '10.0.0.0/24/1',
  ])('rejects %j', (text) => {
    expect(parseIpv4Cidr(text)).toBeUndefined();
  });

  test('containment', () => {
    const a = parseIpv4Cidr('169.254.10.0/30')!;
    expect(cidrContains(a, parseIpv4('169.254.10.3')!)).toBe(true);
    expect(cidrContains(a, parseIpv4('169.254.10.4')!)).toBe(false);
    expect(cidrContains(a, parseIpv4('169.254.9.255')!)).toBe(false);
  });
});
