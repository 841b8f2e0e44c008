// Mutual TLS, judged after the handshake instead of inside it: OpenSSL's own refusal (with
// rejectUnauthorized) ends the handshake with an error that names neither the reason in
// words nor, often, the peer (the socket is gone by then; under TLS 1.3 the server sees a
// reset). Accepting the handshake and refusing an unverified peer before a single byte is
// read keeps the same guarantee and tells the operator which piece is wrong.

import type { TLSSocket } from 'node:tls';

const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

export interface PeerVerification {
  authorized: boolean;
  /** OpenSSL's verification code (Node's authorizationError). */
  code?: string;
  /** Subject CN of the presented certificate, when there is one. */
  commonName?: string;
  presented: boolean;
}

export function verificationOf(socket: TLSSocket): PeerVerification {
  const cert = socket.getPeerCertificate();
  const presented = cert !== null && cert !== undefined && Object.keys(cert).length > 0;
  const cn = presented ? cert.subject?.CN : undefined;
  return {
    authorized: socket.authorized,
    code: socket.authorizationError === null || socket.authorizationError === undefined ? undefined : String(socket.authorizationError),
    commonName: Array.isArray(cn) ? cn.join(',') : cn,
    presented,
  };
}

/** Why the peer is refused, in words an operator acts on; undefined when it is verified. */
export function clientCertificateProblem(v: PeerVerification): string | undefined {
  if (v.authorized) return undefined;
  if (!v.presented) return 'no client certificate';
  const cn = v.commonName === undefined ? '' : `, CN "${v.commonName}"`;
  const code = v.code ?? 'UNVERIFIED';
  if (code === 'CERT_HAS_EXPIRED') return `client certificate expired (${code}${cn})`;
  if (code === 'CERT_NOT_YET_VALID') return `client certificate not yet valid (${code}${cn})`;
  if (UNKNOWN_CA.has(code)) return `client certificate not signed by the configured CA (unknown CA: ${code}${cn})`;
  return `client certificate refused (${code}${cn})`;
}
