// The authorization server: oidc-provider (a certified OpenID/OAuth library), mounted under
// /oauth on the API's Fastify server. Built on first use, because its issuer may depend on
// the port the server listens on (OAUTH_ISSUER unset). docs/oauth.md, docs/decisions/oauth.md.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ApiClient } from '../clients/api-client.entity';
import { clientSecretMatches } from '../clients/client-secret';
import { audienceFor, issuerFor, OAUTH_PATH } from './issuer';
import { providerConfiguration } from './provider-configuration';
import { recordAdapterClass, sweepExpiredRecords } from './record-adapter';
import { Jwk, loadSigningKeys, publicJwk } from './signing-keys';

export interface BuiltOAuthServer {
  provider: Provider;
  issuer: string;
  audience: string;
  /** Public keys that verify access tokens. */
  verificationKeys: Jwk[];
}

/** Expired records (codes, tokens, sessions) are deleted hourly, a day after they expired. */
const SWEEP_EVERY_MS = 3_600_000;
const SWEEP_GRACE_MS = 86_400_000;

@Injectable()
export class OAuthServer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OAuth');
  private built?: Promise<BuiltOAuthServer>;
  private sweeper?: NodeJS.Timeout;
  /** Extra routes under /oauth served by the application (consent pages), registered before mounting. */
  private readonly ownRoutes: ((scope: FastifyInstance) => void)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Adds routes of the application under /oauth (more specific paths win over the provider's). */
  addRoutes(register: (scope: FastifyInstance) => void): void {
    this.ownRoutes.push(register);
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS).unref();
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    void fastify.register(async (scope) => {
      for (const register of this.ownRoutes) register(scope);
      // The provider reads the body itself: leave the stream untouched, whatever its type.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      const handle = (request: FastifyRequest, reply: FastifyReply): Promise<void> => this.handle(request, reply);
      scope.all(OAUTH_PATH, handle);
      scope.all(`${OAUTH_PATH}/*`, handle);
    });
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    try {
      const deleted = await sweepExpiredRecords(this.dataSource, new Date(Date.now() - SWEEP_GRACE_MS));
      if (deleted > 0) this.logger.log(`deleted ${deleted} expired authorization records`);
    } catch (error) {
      this.logger.warn(`could not delete expired authorization records: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The provider and what verifying its tokens needs (built once). */
  server(): Promise<BuiltOAuthServer> {
    this.built ??= this.build().catch((error: unknown) => {
      this.built = undefined;
      throw error;
    });
    return this.built;
  }

  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { provider } = await this.server();
    const raw = request.raw as typeof request.raw & { originalUrl?: string };
    // Headers set by hooks (security headers) would be lost once the reply is hijacked.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
    reply.hijack();
    raw.originalUrl = raw.url;
    raw.url = (raw.url ?? '/').slice(OAUTH_PATH.length) || '/';
    await provider.callback()(raw, reply.raw);
  }

  private async build(): Promise<BuiltOAuthServer> {
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
    const issuer = issuerFor(this.config.oauth.issuer, address);
    const audience = audienceFor(issuer);
    const keys = await loadSigningKeys(this.dataSource);
    const { default: Provider, errors } = await this.loadLibrary();
    const provider = new Provider(
      issuer,
      providerConfiguration({
        adapter: recordAdapterClass(this.dataSource),
        keys,
        audience,
        config: this.config.oauth,
        secret: this.config.jwtSecret,
        invalidTarget: () => new errors.InvalidTarget(),
      }),
    );
    // Secrets are stored hashed: the client's `clientSecret` is the hash (client-metadata.ts).
    provider.Client.prototype.compareClientSecret = function (this: { clientSecret?: string }, actual: string): boolean {
      return clientSecretMatches(this.clientSecret, actual);
    };
    provider.on('server_error', (_ctx, error: Error) => this.logger.error(`authorization server error: ${error.message}`));
    this.logger.log(`authorization server at ${issuer}`);
    return { provider, issuer, audience, verificationKeys: keys.map(publicJwk) };
  }

  /**
   * oidc-provider, loaded on first use (a process that never serves OAuth never loads it).
   * Its load-time notices (console.warn) go to the process logger like every other line.
   */
  private async loadLibrary(): Promise<typeof import('oidc-provider')> {
    const original = console.warn;
    const notices: string[] = [];
    console.warn = (...args: unknown[]) => notices.push(args.map(String).join(' '));
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = original;
      for (const notice of notices) this.logger.warn(notice);
    }
  }

  /** The registered client behind an OAuth client_id (null when deleted). */
  findClient(clientId: string): Promise<ApiClient | null> {
    return this.dataSource.getRepository(ApiClient).findOneBy({ clientId });
  }
}
