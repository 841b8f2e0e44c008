// A browser as far as the consent pages need one: cookies, redirects followed by hand
// (to stop at the client's redirect URI), and plain HTML form posts.

export interface Page {
  status: number;
  url: string;
  html: string;
}

export class Browser {
  private readonly cookies = new Map<string, string>();

  /** Follows redirects within `origin`; returns the first page, or the first URL outside it. */
  async open(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page | { redirectedTo: string }> {
    let current = url;
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form === undefined ? undefined : new URLSearchParams(init.form).toString();
    const origin = new URL(url).origin;
    for (let hops = 0; hops < 10; hops++) {
      const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(current, { method, headers, body, redirect: 'manual' });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const next = new URL(location, current).href;
        if (new URL(next).origin !== origin) return { redirectedTo: next };
        current = next;
        method = 'GET';
        body = undefined;
        continue;
      }
      return { status: response.status, url: current, html: await response.text() };
    }
    throw new Error('too many redirects');
  }

  /** Submits the form of `page` whose action contains `actionPart`, with its hidden fields and `fields`. */
  submit(page: Page, actionPart: string, fields: Record<string, string> = {}): Promise<Page | { redirectedTo: string }> {
    const forms = [...page.html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)];
    const form = forms.find((f) => unescape(f[1]).includes(actionPart));
    if (form === undefined) throw new Error(`no form with action ${actionPart} in ${page.html}`);
    const hidden: Record<string, string> = {};
    for (const input of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) hidden[unescape(input[1])] = unescape(input[2]);
    return this.open(new URL(unescape(form[1]), page.url).href, { method: 'POST', form: { ...hidden, ...fields } });
  }
}

function unescape(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function isPage(result: Page | { redirectedTo: string }): result is Page {
  return 'html' in result;
}

export function expectPage(result: Page | { redirectedTo: string }): Page {
  if (!isPage(result)) throw new Error(`expected a page, got a redirect to ${result.redirectedTo}`);
  return result;
}

export function expectRedirect(result: Page | { redirectedTo: string }): URL {
  if (isPage(result)) throw new Error(`expected a redirect, got ${result.status} ${result.html.slice(0, 500)}`);
  return new URL(result.redirectedTo);
}
