import { progressOf } from './operation-words';

describe('progressOf', () => {
  it('counts finished and failed targets', () => {
    expect(progressOf([{ state: 'SUCCEEDED', count: 2 }, { state: 'TIMED_OUT', count: 1 }, { state: 'PENDING', count: 1 }])).toEqual({ done: 3, total: 4, failed: 1, percent: 75 });
    expect(progressOf([])).toEqual({ done: 0, total: 0, failed: 0, percent: 0 });
  });
});
