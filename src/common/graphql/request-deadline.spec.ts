import { AppError, ErrorCode } from '../errors/app-error';
import { armRequestDeadline, deadlineOf, disarmRequestDeadline, REQUEST_TIME_LIMIT_MS, withinDeadline } from './request-deadline';

describe('withinDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('gives up with REQUEST_TIMEOUT once the request has run for the limit, counted from its first use', async () => {
    jest.useFakeTimers();
    const ctx = {};
    expect(deadlineOf(ctx)).toBe(Date.now() + REQUEST_TIME_LIMIT_MS);
    const never = withinDeadline(ctx, () => new Promise<never>(() => undefined)).catch((e: unknown) => e);
    jest.advanceTimersByTime(REQUEST_TIME_LIMIT_MS);
    const error = await never;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.REQUEST_TIMEOUT);
    const late = jest.fn(async () => 'too late');
    await expect(withinDeadline(ctx, late)).rejects.toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT });
    expect(late).not.toHaveBeenCalled();
  });

  it('passes a result through in time', async () => {
    expect(await withinDeadline({}, async () => 'rows')).toBe('rows');
  });
});

describe('armRequestDeadline (HTTP)', () => {
  afterEach(() => jest.useRealTimers());

  function fakeReply(): { sent: boolean; bodies: unknown[]; code(status: number): { send(body: unknown): void } } {
    const reply = {
      sent: false,
      bodies: [] as unknown[],
      code: () => ({ send: (body: unknown) => void reply.bodies.push(body) }),
    };
    return reply;
  }
  const done = (): void => undefined;

  it('answers REQUEST_TIMEOUT once a query has run for the limit', () => {
    jest.useFakeTimers();
    const reply = fakeReply();
    armRequestDeadline({ body: { query: '{ me { id } }' } }, reply, done);
    jest.advanceTimersByTime(REQUEST_TIME_LIMIT_MS);
    expect(reply.bodies).toEqual([{ data: null, errors: [expect.objectContaining({ extensions: { code: ErrorCode.REQUEST_TIMEOUT } })] }]);
  });

  it('stays silent when the answer came in time, and for a mutation', () => {
    jest.useFakeTimers();
    const inTime = fakeReply();
    armRequestDeadline({ body: { query: '{ me { id } }' } }, inTime, done);
    disarmRequestDeadline(inTime);
    const mutation = fakeReply();
    armRequestDeadline({ query: { query: 'mutation { logout }' } }, mutation, done);
    jest.advanceTimersByTime(REQUEST_TIME_LIMIT_MS * 2);
    expect(inTime.bodies).toEqual([]);
    expect(mutation.bodies).toEqual([]);
  });
});
