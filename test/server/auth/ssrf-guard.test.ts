import { describe, expect, test } from 'bun:test';
import { isPublicAddress, resolvePublicAddress, systemResolver } from '../../../server/auth/ssrf-guard.ts';

describe('isPublicAddress', () => {
  test.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['11.0.0.1', true],
    ['172.32.0.1', true],
    ['100.128.0.1', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['100.127.255.255', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['198.18.0.1', false],
    ['::1', false],
    ['::', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['fd12:3456::1', false],
    ['fc00::1', false],
    ['ff02::1', false],
    ['2001:db8::1', false],
    ['2002:c0a8:101::1', false],
    ['64:ff9b::a00:1', false],
    ['not an address', false],
  ])('%s is public: %p', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('resolvePublicAddress', () => {
  test('refuses a name that resolves to a private address, even when another answer is public', async () => {
    const resolver = async () => [
      { address: '93.184.216.34', family: 4 as const },
      { address: '10.0.0.5', family: 4 as const },
    ];
    await expect(resolvePublicAddress('evil.example', resolver)).rejects.toThrow('10.0.0.5');
  });

  test('refuses localhost through the system resolver and literal private addresses without resolving', async () => {
    await expect(resolvePublicAddress('localhost', systemResolver)).rejects.toThrow('not a public address');
    let asked = false;
    const resolver = async () => {
      asked = true;
      return [];
    };
    await expect(resolvePublicAddress('[::1]', resolver)).rejects.toThrow('::1');
    await expect(resolvePublicAddress('192.168.0.10', resolver)).rejects.toThrow('192.168.0.10');
    expect(asked).toBe(false);
  });

  test('returns the checked address, which is the one connected to', async () => {
    const resolver = async () => [{ address: '93.184.216.34', family: 4 as const }];
    expect(await resolvePublicAddress('example.com', resolver)).toEqual({ address: '93.184.216.34', family: 4 });
  });
});
