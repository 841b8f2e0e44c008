// The issuer URL and the audience of access tokens. OAUTH_ISSUER in production; unset, the
// address the HTTP server listens on (known only once it listens), never a request's Host.

import type { AddressInfo } from 'node:net';

export const OAUTH_PATH = '/oauth';

export function issuerFor(configured: string | undefined, address: AddressInfo | string | null): string {
  if (configured !== undefined) return configured;
  if (address === null || typeof address === 'string') throw new Error('OAUTH_ISSUER is unset and the HTTP server is not listening on a TCP port');
  const wildcard = address.address === '::' || address.address === '0.0.0.0';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}${OAUTH_PATH}`;
}

/** The resource (RFC 8707) every REST API of this controller shares: the server's origin plus /api. */
export function audienceFor(issuer: string): string {
  return `${new URL(issuer).origin}/api`;
}
