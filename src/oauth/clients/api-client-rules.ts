// Pure checks of a client registration: known scopes, a justification with sensitive
// scopes, usable redirect URIs, and a grant the client can actually use.

import { FieldError } from '../../common/errors/app-error';
import { OAuthScopes } from '../oauth-scopes';

export interface ClientRegistration {
  confidential: boolean;
  redirectUris: readonly string[];
  scopes: readonly string[];
  justification?: string | null;
  customerId?: string | null;
}

export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URI';
  }
  if (url.hash !== '') return 'must not contain a fragment';
  if (uri.length > 2000) return 'must be at most 2000 characters';
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    // Plain http only for loopback (native apps, development); everything else https or a private scheme.
    return 'must use https (http only for loopback addresses)';
  }
  if (['javascript:', 'data:', 'file:'].includes(url.protocol)) return 'scheme not allowed';
  return undefined;
}

export function checkClientRegistration(input: ClientRegistration): FieldError[] {
  const errors: FieldError[] = [];
  const unknown = input.scopes.filter((s) => !OAuthScopes.has(s));
  if (input.scopes.length === 0) errors.push({ field: 'scopes', message: 'at least one scope' });
  if (unknown.length > 0) errors.push({ field: 'scopes', message: `unknown scope(s): ${unknown.join(', ')}` });
  const sensitive = input.scopes.filter((s) => OAuthScopes.isSensitive(s));
  if (sensitive.length > 0 && !input.justification) {
    errors.push({ field: 'justification', message: `required with sensitive scopes (${sensitive.join(', ')})` });
  }
  input.redirectUris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri);
    if (problem !== undefined) errors.push({ field: `redirectUris[${i}]`, message: problem });
  });
  if (!input.confidential && input.redirectUris.length === 0) {
    errors.push({ field: 'redirectUris', message: 'a public client needs at least one (it can only use the authorization code flow)' });
  }
  if (!input.confidential && input.customerId) errors.push({ field: 'customerId', message: 'only a confidential client uses client credentials' });
  return errors;
}

export function sensitiveScopesOf(scopes: readonly string[]): string[] {
  return scopes.filter((s) => OAuthScopes.isSensitive(s));
}
