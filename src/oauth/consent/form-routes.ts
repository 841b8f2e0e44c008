// Shared plumbing of the server-rendered pages: an encapsulated Fastify scope (urlencoded
// forms are parsed by the server's own parser), HTML answers with a strict policy, and
// form-bound HMAC tokens (CSRF).

import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Form = Record<string, string | undefined>;

export function registerFormScope(fastify: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  void fastify.register(async (scope) => {
    routes(scope);
  });
}

export function sendHtml(reply: FastifyReply, status: number, html: string): void {
  void reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
    .header('x-frame-options', 'DENY')
    .send(html);
}

export function formOf(body: unknown): Form {
  return typeof body === 'object' && body !== null ? (body as Form) : {};
}

export class FormSigner {
  constructor(private readonly secret: string) {}

  sign(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('base64url');
  }

  verify(signature: string | undefined, ...parts: string[]): boolean {
    if (typeof signature !== 'string') return false;
    const expected = Buffer.from(this.sign(...parts));
    const actual = Buffer.from(signature);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
