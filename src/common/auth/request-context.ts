// GraphQL runs over HTTP (Mercurius puts the Fastify reply, and so the request, in the
// context) and, for subscriptions, over graphql-ws (the token arrives in
// connectionParams). This file hides the difference from the guard and the
// @CurrentPrincipal decorator, and is where the authenticated principal is kept.

import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Principal } from './principal';

interface HeaderSource {
  headers?: Record<string, string | string[] | undefined>;
  /** The client's address as Fastify sees it (the peer, unless a proxy is trusted). */
  ip?: string;
}

export interface RequestContext {
  reply?: { request?: HeaderSource };
  connectionParams?: Record<string, unknown>;
  /** Over graphql-ws: the peer address of the socket. */
  sourceAddress?: string;
  principal?: Principal;
  /** The request's one authentication, shared by all its root fields (see AuthGuard). */
  authentication?: Promise<Principal>;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<RequestContext>();
  return { reply: { request: context.switchToHttp().getRequest<HeaderSource>() } };
}

/** The raw bearer token, or undefined when none was sent. */
export function bearerTokenOf(ctx: RequestContext): string | undefined {
  const fromParams = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
  const header = typeof fromParams === 'string' ? fromParams : ctx.reply?.request?.headers?.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : '';
}

/** Where the request comes from, for throttling: the HTTP peer or the socket's peer. */
export function sourceAddressOf(ctx: RequestContext): string {
  return ctx.reply?.request?.ip ?? ctx.sourceAddress ?? 'unknown';
}
