// RFC 7047 section 2 names ssl as a transport; OpenSync devices authenticate with a client
// certificate whose subject CN is the device serial. Read it only from a verified peer.

import type { TLSSocket } from 'node:tls';

export function peerCommonName(socket: TLSSocket): string | undefined {
  if (!socket.authorized) return undefined;
  const cert = socket.getPeerCertificate();
  const cn: unknown = cert?.subject?.CN;
  if (typeof cn === 'string') return cn;
  // A subject may repeat CN; node then gives an array. The most specific comes last.
  if (Array.isArray(cn) && cn.length > 0) return String(cn[cn.length - 1]);
  return undefined;
}
