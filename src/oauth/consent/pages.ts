// Server-rendered pages of the authorization server: sign-in, consent, the customer's
// grants, password set. Plain HTML forms (no script), every value escaped.

import { OAuthScopes } from '../oauth-scopes';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin:.6rem 0}input[type=email],input[type=password]{width:100%;padding:.4rem}
button{padding:.5rem 1rem;margin:.5rem .5rem 0 0}.sensitive{border-left:4px solid #b45309;padding-left:.8rem}
.error{color:#b91c1c}.note{color:#555;font-size:.9rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

export function loginPage(input: { action: string; clientName: string; csrf: string; error?: string; email?: string }): string {
  return page(
    'Sign in',
    `<p><strong>${escapeHtml(input.clientName)}</strong> asks to access your WiFi service. Sign in with your customer account first.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}">${hidden({ csrf: input.csrf })}
<label>Email <input type="email" name="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}"></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form>`,
  );
}

function scopeList(scopes: string[]): string {
  return `<ul>${scopes.map((s) => `<li>${escapeHtml(OAuthScopes.get(s)?.description ?? s)} <span class="note">(${escapeHtml(s)})</span></li>`).join('')}</ul>`;
}

export function consentPage(input: {
  action: string;
  abortAction: string;
  clientName: string;
  justification: string | null;
  customerName: string;
  scopes: string[];
  csrf: string;
}): string {
  const plain = input.scopes.filter((s) => !OAuthScopes.isSensitive(s));
  const sensitive = input.scopes.filter((s) => OAuthScopes.isSensitive(s));
  return page(
    'Allow access?',
    `<p>Signed in as ${escapeHtml(input.customerName)}.</p>
<p><strong>${escapeHtml(input.clientName)}</strong> asks to:</p>
${plain.length > 0 ? scopeList(plain) : ''}
${
  sensitive.length > 0
    ? `<div class="sensitive"><p><strong>Protected information</strong>: it also asks to</p>${scopeList(sensitive)}
<p>Its reason: ${escapeHtml(input.justification ?? '(none given)')}</p></div>`
    : ''
}
<p class="note">You can withdraw this permission at any time from the page that lists your connected applications.</p>
<form method="post" action="${escapeHtml(input.action)}">${hidden({ csrf: input.csrf })}<button type="submit">Allow</button></form>
<form method="post" action="${escapeHtml(input.abortAction)}">${hidden({ csrf: input.csrf })}<button type="submit">Deny</button></form>`,
  );
}

export interface GrantRow {
  clientName: string;
  scopes: string[];
  grantedAt: Date;
  revokeFields: Record<string, string>;
}

export function grantsLoginPage(input: { action: string; groupHint: string; error?: string }): string {
  return page(
    'Connected applications',
    `<p>Sign in to see the applications you allowed to access your WiFi service, and withdraw their access.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}">${hidden({ group: input.groupHint })}
<label>Email <input type="email" name="email" autocomplete="username" required></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form>`,
  );
}

export function grantsPage(input: { revokeAction: string; grants: GrantRow[]; notice?: string }): string {
  const rows = input.grants
    .map(
      (g) => `<li><strong>${escapeHtml(g.clientName)}</strong>, since ${escapeHtml(g.grantedAt.toISOString().slice(0, 10))}${scopeList(g.scopes)}
<form method="post" action="${escapeHtml(input.revokeAction)}">${hidden(g.revokeFields)}<button type="submit">Withdraw access</button></form></li>`,
    )
    .join('');
  return page(
    'Connected applications',
    `${input.notice ? `<p role="status">${escapeHtml(input.notice)}</p>` : ''}
${input.grants.length === 0 ? '<p>No application has access.</p>' : `<ul>${rows}</ul>`}`,
  );
}

export function passwordPage(input: { action: string; error?: string }): string {
  return page(
    'Set your password',
    `${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}">
<label>New password (8 to 128 characters) <input type="password" name="password" autocomplete="new-password" required minlength="8" maxlength="128"></label>
<button type="submit">Set password</button></form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}
