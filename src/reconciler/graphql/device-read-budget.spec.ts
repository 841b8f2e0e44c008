import { AppError, ErrorCode } from '../../common/errors/app-error';
import { MAX_DEVICE_READS_PER_REQUEST, readOncePerRequest } from './device-read-budget';

describe('readOncePerRequest', () => {
  it('reads a node once per request, however often it is asked for', async () => {
    const ctx = {};
    let reads = 0;
    const read = async () => ++reads;
    const results = await Promise.all([1, 2, 3].map(() => readOncePerRequest(ctx, 'node-a', read)));
    expect(results).toEqual([1, 1, 1]);
    expect(await readOncePerRequest({}, 'node-a', read)).toBe(2);
  });

  it('refuses more distinct nodes than the budget with DEVICE_READ_LIMIT, and reads none of them', async () => {
    const ctx = {};
    const read = jest.fn(async () => 'rows');
    for (let i = 0; i < MAX_DEVICE_READS_PER_REQUEST; i++) await readOncePerRequest(ctx, `node-${i}`, read);
    const refused = await readOncePerRequest(ctx, 'one-too-many', read).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe(ErrorCode.DEVICE_READ_LIMIT);
    expect(read).toHaveBeenCalledTimes(MAX_DEVICE_READS_PER_REQUEST);
    expect(await readOncePerRequest(ctx, 'node-0', read)).toBe('rows');
  });
});
