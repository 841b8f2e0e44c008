import { apiProblem, isUnauthenticated, messageForCode } from './errors';

describe('apiProblem', () => {
  it('shows the message of the stable code, never the raw error', () => {
    const problem = apiProblem({ graphQLErrors: [{ message: 'location 1 not found {"sql":"..."}', extensions: { code: 'NOT_FOUND' } }] });
    expect(problem).toEqual({ code: 'NOT_FOUND', message: 'Not found, or not in your groups.', fields: [] });
  });

  it('keeps the fields of VALIDATION_FAILED', () => {
    const problem = apiProblem({
      graphQLErrors: [{ message: 'invalid input: ssid', extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'ssid', message: 'at most 32 bytes' }, 'junk'] } }],
    });
    expect(problem?.fields).toEqual([{ field: 'ssid', message: 'at most 32 bytes' }]);
  });

  it('says when to retry after TOO_MANY_REQUESTS', () => {
    expect(apiProblem({ graphQLErrors: [{ message: 'x', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 4.2 } }] })?.message).toContain('about 5 s');
  });

  it('a network failure and an unknown code have words too', () => {
    expect(apiProblem({ networkError: { message: 'Failed to fetch' }, graphQLErrors: [] })?.code).toBe('NETWORK');
    expect(messageForCode('SOMETHING_NEW')).toBe('The request failed (SOMETHING_NEW).');
    expect(apiProblem({ graphQLErrors: [{ message: 'x' }] })?.code).toBe('INTERNAL');
    expect(apiProblem(undefined)).toBeUndefined();
  });

  it('keeps the API sentence of a capacity refusal, which names the location and the count', () => {
    const problem = apiProblem({ graphQLErrors: [{ message: 'location L (network N) would need 65 keys; a VIF carries at most 64', extensions: { code: 'KEY_CAPACITY_EXCEEDED' } }] });
    expect(problem?.message).toContain('more than 64 keys');
    expect(problem?.detail).toContain('would need 65 keys');
    expect(apiProblem({ graphQLErrors: [{ message: 'location 1 not found', extensions: { code: 'NOT_FOUND' } }] })?.detail).toBeUndefined();
  });

  it('recognises an ended session', () => {
    expect(isUnauthenticated({ graphQLErrors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
    expect(isUnauthenticated({ graphQLErrors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
  });
});
