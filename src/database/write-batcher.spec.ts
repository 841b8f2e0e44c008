import { WriteBatcher } from './write-batcher';

describe('WriteBatcher', () => {
  it('hands the items of one event-loop turn to one write, answering each caller', async () => {
    const calls: number[][] = [];
    const batcher = new WriteBatcher<number, number>(async (items) => {
      calls.push([...items]);
      return items.map((i) => i * 10);
    });
    const results = await Promise.all([1, 2, 3].map((i) => batcher.add(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('splits at the batch bound', async () => {
    const calls: number[][] = [];
    const batcher = new WriteBatcher<number, number>(async (items) => {
      calls.push([...items]);
      return [...items];
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.add(i)));
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const calls: number[][] = [];
    const batcher = new WriteBatcher<number, number>(async (items) => {
      calls.push([...items]);
      if (items.includes(2)) throw new Error('unique violation');
      return [...items];
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => batcher.add(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
  });
});
