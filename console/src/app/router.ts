// Routing by the URL fragment (#/locations/abc): the server serves one page and needs no
// list of the console's routes. A route is a pattern with :params.

export type Params = Record<string, string>;

/** The params of `path` under `pattern`, or undefined when it does not match. */
export function matchRoute(pattern: string, path: string): Params | undefined {
  const want = split(pattern);
  const got = split(path);
  if (want.length !== got.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (got[i] === '') return undefined;
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** The path of a location hash: "#/a/b?x" -> "/a/b". */
export function pathOfHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0];
  return path === '' ? '/' : path.startsWith('/') ? path : `/${path}`;
}

/** A href for a path, each param encoded. */
export function href(pattern: string, params: Params = {}): string {
  return `#${pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''))}`;
}

function split(path: string): string[] {
  return path.replace(/^\/+|\/+$/g, '').split('/');
}
