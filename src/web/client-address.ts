/**
 * Who the client is, for sign-in limits: the socket's address, or — only when the socket is a configured proxy
 * (TRUST_PROXY) — the right-most address in X-Forwarded-For that is not itself a trusted proxy (ADR 0018).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';
import type { AppContext } from './context.js';

/** Whether the hop at `index` (0 = the socket) is a proxy whose X-Forwarded-For we believe. */
export type ProxyTrust = (address: string, index: number) => boolean;

/** A list of addresses, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal), or a hop count. */
export type TrustProxySetting = readonly string[] | number;

export const trustNoProxy: ProxyTrust = () => false;

/** Reads the TRUST_PROXY value; throws with a readable message when an entry is not an address or range. */
export function parseTrustProxy(value: string | undefined): TrustProxySetting {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return [];
  if (/^\d+$/.test(text)) return Number(text);
  // "true" (trust everyone) would let any client choose its own address, and so its own limits.
  if (text === 'true') throw new Error('"true" would trust every client; list the proxies\' addresses or give a hop count');
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  compileProxyTrust(entries);
  return entries;
}

export function compileProxyTrust(setting: TrustProxySetting): ProxyTrust {
  if (typeof setting === 'number') return (_address, index) => index < setting;
  if (setting.length === 0) return trustNoProxy;
  return proxyaddr.compile([...setting]);
}

/**
 * proxy-addr's rule: from the socket towards the client, skip each hop while it is a trusted proxy; the first
 * untrusted one is the client. Entries further left were written by the client and are never reached.
 */
export function resolveClientAddress(socketAddress: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  const hops = [
    socketAddress,
    ...(forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .reverse(),
  ];
  let index = 0;
  while (index < hops.length - 1 && trust(hops[index] as string, index)) index++;
  return hops[index] as string;
}

/**
 * The key a limit counts under: IPv4-mapped IPv6 as IPv4, and an IPv6 client by its /64 (one subscriber usually
 * holds a whole /64, so single addresses would give an attacker 2^64 fresh keys).
 */
export function clientKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const groups = (parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4);
  return `${groups.join(':')}::/64`;
}

/** The client's limit key for this request; requests made in-process (tests, no socket) share one key. */
export function clientAddress(c: AppContext): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    socketAddress = undefined;
  }
  if (!socketAddress) return 'in-process';
  const trust = c.get('services').trustProxy ?? trustNoProxy;
  return clientKeyOf(resolveClientAddress(socketAddress, c.req.header('x-forwarded-for'), trust));
}
