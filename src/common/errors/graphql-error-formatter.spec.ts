import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from './app-error';
import { fieldOfRequestError, formatGraphqlError, INTERNAL_MESSAGE } from './graphql-error-formatter';
import { validationFieldErrors } from './validation-exception.factory';

function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['q'], originalError: original });
}

describe('formatGraphqlError', () => {
  it('keeps the code and fields of an AppError', () => {
    const error = resolverError(AppError.validation([{ field: 'name', message: 'too long' }]));
    expect(formatGraphqlError({ message: 'x', path: ['q'] }, error)).toEqual({
      message: 'invalid input: name',
      path: ['q'],
      locations: undefined,
      extensions: { code: ErrorCode.VALIDATION_FAILED, fields: [{ field: 'name', message: 'too long' }] },
    });
    expect(formatGraphqlError({ message: 'x' }, resolverError(AppError.notFound('Customer'))).extensions).toEqual({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('hides anything else behind INTERNAL', () => {
    const sql = new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email');
    const formatted = formatGraphqlError({ message: sql.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, resolverError(sql));
    expect(formatted).toEqual({ message: INTERNAL_MESSAGE, path: undefined, locations: undefined, extensions: { code: ErrorCode.INTERNAL } });
  });

  it('reports a request GraphQL refused as VALIDATION_FAILED', () => {
    const message = 'Variable "$role" got invalid value "ROOT"; Value "ROOT" does not exist in "Role" enum.';
    const formatted = formatGraphqlError({ message }, new GraphQLError(message), true);
    expect(formatted.extensions).toEqual({ code: ErrorCode.VALIDATION_FAILED, fields: [{ field: 'role', message }] });
  });

  it('names the field of graphql-js messages', () => {
    expect(fieldOfRequestError('Argument "email" of required type "String!" was not provided.').field).toBe('email');
    expect(fieldOfRequestError('Syntax Error: Unexpected "}".').field).toBe('request');
  });
});

describe('validationFieldErrors', () => {
  it('flattens nested errors into dotted paths', () => {
    expect(
      validationFieldErrors([
        { property: 'name', constraints: { maxLength: 'name is too long' }, children: [] },
        { property: 'address', children: [{ property: 'city', constraints: { isNotEmpty: 'city is empty' }, children: [] }] },
      ]),
    ).toEqual([
      { field: 'name', message: 'name is too long' },
      { field: 'address.city', message: 'city is empty' },
    ]);
  });
});
