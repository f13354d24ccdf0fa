// Which addresses an outgoing request for a client metadata document may reach: only public unicast ones. A client
// id is a URL anyone can choose, so without this check it would make mcpdash fetch from the owner's own network
// (the router, a NAS, cloud metadata at 169.254.169.254) on the stranger's behalf.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name -> every address it resolves to. Injected in tests; the default asks the system resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** IPv4 ranges that are not public unicast (RFC 6890 special-purpose registry, multicast, reserved). */
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (Tailscale addresses live here)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata endpoints)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

function v4ToNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function inV4Range(value: number, [base, bits]: [string, number]): boolean {
  const size = 2 ** (32 - bits);
  const start = v4ToNumber(base)!;
  return value >= start && value < start + size;
}

function isPublicV4(address: string): boolean {
  const value = v4ToNumber(address);
  return value !== undefined && !BLOCKED_V4.some((range) => inV4Range(value, range));
}

/** An IPv6 address as eight 16-bit groups (handles `::`, an embedded dotted quad and a zone id). */
function v6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0]!.toLowerCase();
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = v4ToNumber(last);
    if (v4 === undefined) return undefined;
    tail.push(Math.floor(v4 / 65536), v4 % 65536);
    text = text.slice(0, lastColon + 1);
    // "::" before the quad stays; a single ":" separating it goes.
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').filter((g) => g !== '') : []);
  const left = parse(head);
  const right = parse(rest);
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const fill = 8 - tail.length - left.length - right.length;
  if (rest === undefined ? fill !== 0 : fill < 0) return undefined;
  return [...left.map((g) => parseInt(g, 16)), ...Array(Math.max(0, fill)).fill(0), ...right.map((g) => parseInt(g, 16)), ...tail];
}

function isPublicV6(address: string): boolean {
  const g = v6Groups(address);
  if (!g || g.length !== 8) return false;
  // ::ffff:a.b.c.d reaches the IPv4 address: judge that one.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return isPublicV4(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  // Only global unicast (2000::/3), minus the special ranges inside it.
  if ((g[0]! & 0xe000) !== 0x2000) return false;
  if (g[0] === 0x2001 && g[1]! < 0x0200) return false; // 2001::/23 IETF protocol assignments (Teredo, ...)
  if (g[0] === 0x2001 && g[1] === 0x0db8) return false; // documentation
  if (g[0] === 0x2002) return false; // 6to4: embeds an IPv4 address that may be private
  if ((g[0]! & 0xfff0) === 0x3ff0) return false; // 3fff::/20 documentation
  return true;
}

/** Whether an address (v4 or v6 literal) is public unicast, the only kind a metadata fetch may connect to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.split('%')[0]!);
  if (family === 4) return isPublicV4(address);
  if (family === 6) return isPublicV6(address);
  return false;
}

/**
 * Resolves `hostname` and checks every address it gets (a name with one private address among public ones is
 * refused: which one a connection would use is not ours to pick). Returns the address to connect to, so the
 * connection cannot go to a second, different answer (DNS rebinding).
 */
export async function resolvePublicAddress(hostname: string, resolve: Resolver, isAllowed = isPublicAddress): Promise<ResolvedAddress> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(bare);
  const addresses: ResolvedAddress[] = literal ? [{ address: bare, family: literal === 6 ? 6 : 4 }] : await resolve(bare);
  if (addresses.length === 0) throw new Error(`${hostname} did not resolve`);
  const refused = addresses.find((a) => !isAllowed(a.address));
  if (refused) throw new Error(`${hostname} resolves to ${refused.address}, which is not a public address`);
  return addresses[0]!;
}
