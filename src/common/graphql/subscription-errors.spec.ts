import { GraphQLError } from 'graphql';
import { AppError } from '../errors/app-error';
import { formatErrors, formatSubscriptionResult } from './subscription-errors';

describe('subscription errors', () => {
  it('carry the AppError code like HTTP errors', () => {
    const error = new GraphQLError('wrapped', { path: ['wifiNetworkStatusChanged'], originalError: AppError.notFound('wifi network', 'x') });
    expect(formatErrors([error])).toEqual([expect.objectContaining({ message: 'wifi network x not found', extensions: { code: 'NOT_FOUND' } })]);
  });

  it('carry the code of an AppError that ended the event stream (wrapped without a path)', () => {
    const error = new GraphQLError('wifi network x not found', { originalError: AppError.notFound('wifi network', 'x') });
    expect(formatErrors([error])).toEqual([expect.objectContaining({ message: 'wifi network x not found', extensions: { code: 'NOT_FOUND' } })]);
    const plain = new GraphQLError('stream broke', { originalError: new Error('socket hang up') });
    expect(formatErrors([plain])[0].extensions?.code).not.toBe('NOT_FOUND');
  });

  it('hide anything else behind INTERNAL', () => {
    const error = new GraphQLError('boom', { path: ['wifiNetworkStatusChanged'], originalError: new Error('SQLITE_ERROR: no such table: x') });
    const [formatted] = formatErrors([error]);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL' });
    expect(formatted.message).not.toContain('SQLITE');
  });

  it('leave results without errors untouched', () => {
    expect(formatSubscriptionResult({ data: { x: 1 } })).toBeUndefined();
  });
});
