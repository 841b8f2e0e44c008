import { AppError, ErrorCode } from '../errors/app-error';
import { deadlineOf, REQUEST_TIME_LIMIT_MS, withinDeadline } from './request-deadline';

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
