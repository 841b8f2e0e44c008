// The controller's public GraphQL API over HTTP, as any client uses it; a GraphQL error is
// thrown with its extensions.code so a failed seed names its cause.

export class GraphqlClient {
  constructor(
    readonly url: string,
    private token?: string,
  ) {}

  get bearer(): string | undefined {
    return this.token;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) {
      const e = body.errors[0];
      throw new Error(`GraphQL ${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
    }
    if (!body.data) throw new Error(`GraphQL answered HTTP ${response.status} without data`);
    return body.data;
  }

  async login(email: string, password: string): Promise<void> {
    const data = await this.request<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    this.token = data.login.token;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
