import { CachedIndexLoader } from './cached-index-loader';
import { INDEX_MAX_AGE_MS } from './domain-event';
import { DomainEvents } from './domain-events.service';

describe('CachedIndexLoader', () => {
  let loads: number;
  let fail: boolean;
  let events: DomainEvents;
  let loader: CachedIndexLoader<number>;

  beforeEach(() => {
    loads = 0;
    fail = false;
    events = new DomainEvents();
    loader = new CachedIndexLoader(() => (fail ? Promise.reject(new Error('database gone')) : Promise.resolve(++loads)), events, 'mac-lists');
  });

  afterEach(() => {
    loader.close();
    jest.useRealTimers();
  });

  it('reads once for every use until forgotten, then again', async () => {
    expect(await Promise.all([loader.get(), loader.get()])).toEqual([1, 1]);
    expect(await loader.get()).toBe(1);
    loader.forget();
    expect(await loader.get()).toBe(2);
  });

  it('reads again after an event naming its cache, not after one naming another', async () => {
    await loader.get();
    events.publish([{ type: 'location-changed', locationId: 'L1', caches: ['key-pools'] }]);
    expect(await loader.get()).toBe(1);
    events.publish([{ type: 'wifi-network-changed', locationId: 'L1', caches: ['mac-lists'] }]);
    expect(await loader.get()).toBe(2);
  });

  it('reads again once its copy is older than INDEX_MAX_AGE_MS', async () => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    await loader.get();
    jest.setSystemTime(1_000_000 + INDEX_MAX_AGE_MS);
    expect(await loader.get()).toBe(1);
    jest.setSystemTime(1_000_000 + INDEX_MAX_AGE_MS + 1);
    expect(await loader.get()).toBe(2);
  });

  it('keeps no failed load: the next use reads again', async () => {
    fail = true;
    await expect(loader.get()).rejects.toThrow('database gone');
    fail = false;
    expect(await loader.get()).toBe(1);
  });

  it('follows no event once closed', async () => {
    await loader.get();
    loader.close();
    events.publish([{ type: 'wifi-network-changed', locationId: 'L1', caches: ['mac-lists'] }]);
    expect(await loader.get()).toBe(1);
  });
});
