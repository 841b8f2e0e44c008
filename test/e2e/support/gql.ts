// GraphQL over real HTTP, as a client sends it.

import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../../src/common/errors/app-error';
import { TestApp } from './test-app';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

export async function gql<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** Asserts the response failed with exactly this code (and returns the first error). */
export function expectErrorCode(res: GqlResponse<unknown>, code: ErrorCode | keyof typeof ErrorCode): GraphQLFormattedError {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length === 0 || codes.some((c) => c !== code)) {
    throw new Error(`expected error ${code}, got ${JSON.stringify(res.errors ?? res.data)}`);
  }
  return res.errors![0];
}

/** Asserts success and returns data. */
export function expectData<T>(res: GqlResponse<T>): T {
  if (res.errors !== undefined || res.data == null) throw new Error(`expected data, got ${JSON.stringify(res.errors)}`);
  return res.data;
}
