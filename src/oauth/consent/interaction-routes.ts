// The sign-in and consent pages of the authorization code flow (oidc-provider
// "interactions"): the customer signs in (an account of the client's group), sees the
// client, its justification and each scope in plain words (sensitive ones apart), and
// allows or denies. Forms are plain HTTP posts; each carries an HMAC of the interaction.

import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { grantableScopes } from '../clients/client-metadata';
import { CustomerCredentialsService } from '../customers/customer-credentials.service';
import { OAUTH_PATH } from '../oidc/issuer';
import { OAuthServer } from '../oidc/oauth-server';
import { formOf, FormSigner, registerFormScope, sendHtml } from './form-routes';
import { consentPage, loginPage, messagePage } from './pages';

type Params = { uid: string };
type Details = Awaited<ReturnType<Awaited<ReturnType<OAuthServer['server']>>['provider']['interactionDetails']>>;

@Injectable()
export class InteractionRoutes implements OnModuleInit {
  private readonly logger = new Logger('OAuth');
  private readonly signer: FormSigner;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly server: OAuthServer,
    private readonly credentials: CustomerCredentialsService,
  ) {
    this.signer = new FormSigner(createHmac('sha256', config.jwtSecret).update('oauth-forms').digest('hex'));
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    const base = `${OAUTH_PATH}/interaction/:uid`;
    registerFormScope(fastify, (scope) => {
      scope.get<{ Params: Params }>(base, (request, reply) => this.guarded(reply, () => this.show(request, reply)));
      scope.post<{ Params: Params }>(`${base}/login`, (request, reply) => this.guarded(reply, () => this.login(request, reply)));
      scope.post<{ Params: Params }>(`${base}/confirm`, (request, reply) => this.guarded(reply, () => this.confirm(request, reply)));
      scope.post<{ Params: Params }>(`${base}/abort`, (request, reply) => this.guarded(reply, () => this.abort(request, reply)));
    });
  }

  private async guarded(reply: FastifyReply, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'SessionNotFound') return sendHtml(reply, 400, messagePage('Sign-in expired', 'This page has expired. Go back to the application and start again.'));
      if (error instanceof AppError && error.code === ErrorCode.FORBIDDEN) return sendHtml(reply, 403, messagePage('Not allowed', error.message));
      this.logger.error(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      sendHtml(reply, 500, messagePage('Something went wrong', 'Please try again later.'));
    }
  }

  private async details(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<Details> {
    const { provider } = await this.server.server();
    const details = await provider.interactionDetails(request.raw, reply.raw);
    if (details.uid !== request.params.uid) throw Object.assign(new Error('interaction mismatch'), { name: 'SessionNotFound' });
    return details;
  }

  private csrfOk(request: FastifyRequest<{ Params: Params }>): boolean {
    return this.signer.verify(formOf(request.body).csrf, 'interaction', request.params.uid);
  }

  private async client(details: Details) {
    const client = await this.server.findClient(String(details.params.client_id));
    if (client === null) throw AppError.forbidden('this application is no longer registered');
    return client;
  }

  private async show(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, error?: string, email?: string): Promise<void> {
    const details = await this.details(request, reply);
    const client = await this.client(details);
    const uid = request.params.uid;
    const csrf = this.signer.sign('interaction', uid);
    const accountId = details.session?.accountId;
    const customer = details.prompt.name === 'consent' && accountId ? await this.credentials.findCustomer(accountId) : null;
    if (customer === null || customer.groupId !== client.groupId || error !== undefined) {
      const action = `${OAUTH_PATH}/interaction/${uid}/login`;
      return sendHtml(reply, error ? 401 : 200, loginPage({ action, clientName: client.name, csrf, error, email }));
    }
    const requested = String(details.params.scope ?? '').split(' ');
    const scopes = grantableScopes(client).filter((s) => requested.includes(s));
    sendHtml(
      reply,
      200,
      consentPage({
        action: `${OAUTH_PATH}/interaction/${uid}/confirm`,
        abortAction: `${OAUTH_PATH}/interaction/${uid}/abort`,
        clientName: client.name,
        justification: client.justification,
        customerName: customer.name,
        scopes,
        csrf,
      }),
    );
  }

  private async login(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<void> {
    if (!this.csrfOk(request)) throw AppError.forbidden('the form is not valid for this sign-in');
    const details = await this.details(request, reply);
    const client = await this.client(details);
    const form = formOf(request.body);
    let customerId: string;
    try {
      const customer = await this.credentials.login(client.groupId, form.email ?? '', form.password ?? '', request.ip);
      if (client.customerId !== null && client.customerId !== customer.id) throw AppError.unauthenticated('this application belongs to another account');
      customerId = customer.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return this.show(request, reply, error.message, form.email);
    }
    const { provider } = await this.server.server();
    const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: customerId } }, { mergeWithLastSubmission: false });
    void reply.redirect(returnTo, 303);
  }

  private async confirm(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<void> {
    if (!this.csrfOk(request)) throw AppError.forbidden('the form is not valid for this sign-in');
    const details = await this.details(request, reply);
    const client = await this.client(details);
    const accountId = details.session?.accountId;
    const customer = accountId ? await this.credentials.findCustomer(accountId) : null;
    if (details.prompt.name !== 'consent' || customer === null || customer.groupId !== client.groupId) throw AppError.forbidden('sign in first');
    const { provider, audience } = await this.server.server();
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const target = grant ?? new provider.Grant({ accountId: customer.id, clientId: client.clientId });
    const prompt = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (prompt.missingOIDCScope) target.addOIDCScope(prompt.missingOIDCScope.join(' '));
    const allowed = new Set(grantableScopes(client));
    for (const [resource, scopes] of Object.entries(prompt.missingResourceScopes ?? {})) {
      if (resource === audience) target.addResourceScope(resource, scopes.filter((s) => allowed.has(s)).join(' '));
    }
    const grantId = await target.save();
    const returnTo = await provider.interactionResult(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
    void reply.redirect(returnTo, 303);
  }

  private async abort(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<void> {
    if (!this.csrfOk(request)) throw AppError.forbidden('the form is not valid for this sign-in');
    await this.details(request, reply);
    const { provider } = await this.server.server();
    const result = { error: 'access_denied', error_description: 'the customer denied access' };
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
    void reply.redirect(returnTo, 303);
  }
}
