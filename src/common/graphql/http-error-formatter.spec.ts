import { GraphQLError } from 'graphql';
import { AppError } from '../errors/app-error';
import { formatHttpErrors } from './http-error-formatter';

/** What Mercurius hands over when it (or Fastify) threw instead of executing. */
function thrown(error: Error): { errors: GraphQLError[] } {
  return { errors: [new GraphQLError(error.message, { originalError: error })] };
}

function withStatus(message: string, statusCode: number, errors?: unknown[]): Error {
  return Object.assign(new Error(message), { statusCode, errors });
}

describe('formatHttpErrors', () => {
  it('answers 200 with data once execution started', () => {
    const error = new GraphQLError('x', { path: ['me'], originalError: AppError.unauthenticated() });
    expect(formatHttpErrors({ data: null, errors: [error] })).toEqual({
      statusCode: 200,
      response: { data: null, errors: [expect.objectContaining({ path: ['me'], extensions: { code: 'UNAUTHENTICATED' } })] },
    });
  });

  it('answers a refused document with its status, each GraphQL error as VALIDATION_FAILED, and no data', () => {
    const refused = withStatus('Graphql validation error', 400, [new GraphQLError('Cannot query field "x" on type "Query".'), new GraphQLError('Unknown type "Y".')]);
    const { statusCode, response } = formatHttpErrors(thrown(refused));
    expect(statusCode).toBe(400);
    expect(response).not.toHaveProperty('data');
    expect(response.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['VALIDATION_FAILED', 'Cannot query field "x" on type "Query".'],
      ['VALIDATION_FAILED', 'Unknown type "Y".'],
    ]);
    const overGet = formatHttpErrors(thrown(withStatus('Method not allowed', 405, [new Error('Operation cannot be performed via a GET request')])));
    expect(overGet).toEqual({ statusCode: 405, response: { errors: [expect.objectContaining({ message: 'Operation cannot be performed via a GET request' })] } });
  });

  it('keeps the status of a request Fastify refused', () => {
    const { statusCode, response } = formatHttpErrors(thrown(withStatus('Request body is too large', 413)));
    expect(statusCode).toBe(413);
    expect(response.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('refuses with 400 what graphql-js refuses before any resolver runs', () => {
    const missing = new GraphQLError('Variable "$id" of required type "ID!" was not provided.');
    expect(formatHttpErrors({ errors: [missing] })).toEqual({
      statusCode: 400,
      response: { errors: [expect.objectContaining({ extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'id', message: missing.message }] } })] },
    });
  });

  it('answers 500 and hides a failure outside execution', () => {
    const { statusCode, response } = formatHttpErrors(thrown(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    expect(statusCode).toBe(500);
    expect(response).toEqual({ errors: [expect.objectContaining({ message: 'internal error', extensions: { code: 'INTERNAL' } })] });
  });
});
