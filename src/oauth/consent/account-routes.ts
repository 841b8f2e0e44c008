// The customer's own pages: "connected applications" (sign in, see each grant with its
// scopes, withdraw it: the client is stopped at once) and the one-time password link.
// Stateless: after sign-in each withdraw form carries an HMAC of customer, grant and expiry.

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Customer } from '../../customers/customer.entity';
import { CustomerCredentialsService } from '../customers/customer-credentials.service';
import { CustomerGrantsService } from '../grants/customer-grants.service';
import { OAUTH_PATH } from '../oidc/issuer';
import { formOf, FormSigner, registerFormScope, sendHtml } from './form-routes';
import { grantsLoginPage, grantsPage, messagePage, passwordPage } from './pages';

const GRANTS = `${OAUTH_PATH}/grants`;
const PASSWORD = `${OAUTH_PATH}/password`;
/** How long a signed-in grants page may withdraw access. */
const FORM_TTL_MS = 15 * 60_000;

@Injectable()
export class AccountRoutes implements OnModuleInit {
  private readonly signer: FormSigner;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly credentials: CustomerCredentialsService,
    private readonly grants: CustomerGrantsService,
  ) {
    this.signer = new FormSigner(createHmac('sha256', config.jwtSecret).update('oauth-account-forms').digest('hex'));
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    registerFormScope(fastify, (scope) => {
      scope.get<{ Params: { groupId: string } }>(`${GRANTS}/:groupId`, (request, reply) => {
        sendHtml(reply, 200, grantsLoginPage({ action: `${GRANTS}/${encodeURIComponent(request.params.groupId)}`, groupHint: request.params.groupId }));
      });
      scope.post<{ Params: { groupId: string } }>(`${GRANTS}/:groupId`, (request, reply) => this.signIn(request, reply));
      scope.post(`${GRANTS}/revoke`, (request, reply) => this.revoke(request, reply));
      scope.get<{ Params: { token: string } }>(`${PASSWORD}/:token`, (request, reply) => this.passwordForm(request, reply));
      scope.post<{ Params: { token: string } }>(`${PASSWORD}/:token`, (request, reply) => this.setPassword(request, reply));
    });
  }

  private async signIn(request: FastifyRequest<{ Params: { groupId: string } }>, reply: FastifyReply): Promise<void> {
    const form = formOf(request.body);
    const action = `${GRANTS}/${encodeURIComponent(request.params.groupId)}`;
    let customer: Customer;
    try {
      customer = await this.credentials.login(request.params.groupId, form.email ?? '', form.password ?? '', request.ip);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return sendHtml(reply, 401, grantsLoginPage({ action, groupHint: request.params.groupId, error: error.message }));
    }
    await this.showGrants(reply, customer.id);
  }

  private async showGrants(reply: FastifyReply, customerId: string, notice?: string): Promise<void> {
    const expires = String(Date.now() + FORM_TTL_MS);
    const rows = (await this.grants.list(customerId)).map((g) => ({
      clientName: g.clientName,
      scopes: g.scopes,
      grantedAt: g.grantedAt,
      revokeFields: { customer: customerId, grant: g.grantId, expires, signature: this.signer.sign('revoke', customerId, g.grantId, expires) },
    }));
    sendHtml(reply, 200, grantsPage({ revokeAction: `${GRANTS}/revoke`, grants: rows, notice }));
  }

  private async revoke(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const form = formOf(request.body);
    const { customer = '', grant = '', expires = '0' } = form;
    if (!this.signer.verify(form.signature, 'revoke', customer, grant, expires) || Number(expires) < Date.now()) {
      return sendHtml(reply, 403, messagePage('Page expired', 'Sign in again to manage your connected applications.'));
    }
    const revoked = await this.grants.revoke(customer, grant);
    await this.showGrants(reply, customer, revoked ? 'Access withdrawn.' : 'That access was already withdrawn.');
  }

  private async passwordForm(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply): Promise<void> {
    if (!(await this.credentials.linkIsValid(request.params.token))) {
      return sendHtml(reply, 404, messagePage('Link expired', 'This link was used or has expired. Ask your provider for a new one.'));
    }
    sendHtml(reply, 200, passwordPage({ action: `${PASSWORD}/${encodeURIComponent(request.params.token)}` }));
  }

  private async setPassword(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply): Promise<void> {
    const action = `${PASSWORD}/${encodeURIComponent(request.params.token)}`;
    try {
      await this.credentials.setPasswordWithLink(request.params.token, formOf(request.body).password ?? '');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.fields !== undefined) return sendHtml(reply, 400, passwordPage({ action, error: error.fields.map((f) => f.message).join('; ') }));
      return sendHtml(reply, 404, messagePage('Link expired', 'This link was used or has expired. Ask your provider for a new one.'));
    }
    sendHtml(reply, 200, messagePage('Password set', 'Your password is set. You can now sign in when an application asks for access.'));
  }
}
