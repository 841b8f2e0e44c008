import { AppError } from '../errors/app-error';
import { toConnection } from './connection.type';
import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE, pageRequest } from './page.args';

const cursor = encodeCursor({ key: 'k', id: 'i' });
const fieldsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return (e.fields ?? []).map((x) => x.field);
    throw e;
  }
  return [];
};

describe('pageRequest', () => {
  it('pages forwards by default, backwards with last', () => {
    expect(pageRequest({})).toEqual({ size: DEFAULT_PAGE_SIZE, forward: true, cursor: undefined });
    expect(pageRequest({ first: 5, after: cursor })).toEqual({ size: 5, forward: true, cursor: { key: 'k', id: 'i' } });
    expect(pageRequest({ last: 3, before: cursor })).toEqual({ size: 3, forward: false, cursor: { key: 'k', id: 'i' } });
    expect(pageRequest({ last: 3 })).toEqual({ size: 3, forward: false, cursor: undefined });
  });

  it('refuses mixing the directions, naming the field', () => {
    expect(fieldsOf(() => pageRequest({ first: 1, last: 1 }))).toEqual(['last']);
    expect(fieldsOf(() => pageRequest({ last: 1, after: cursor }))).toEqual(['after']);
    expect(fieldsOf(() => pageRequest({ first: 1, before: cursor }))).toEqual(['before']);
    expect(fieldsOf(() => pageRequest({ before: cursor }))).toEqual(['last']);
    expect(fieldsOf(() => pageRequest({ last: 1, before: 'garbage' }))).toEqual(['before']);
  });
});

describe('toConnection', () => {
  const pos = (n: number) => ({ key: String(n), id: String(n) });

  it('forwards: the extra row means a next page; a cursor means a previous one', () => {
    const c = toConnection([1, 2, 3], { size: 2, forward: true, cursor: { key: '0', id: '0' } }, 9, pos);
    expect(c.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(decodeCursor(c.pageInfo.startCursor!)).toEqual(pos(1));
    expect(c.totalCount).toBe(9);
  });

  it('backwards: rows come reversed and are put back in list order', () => {
    const c = toConnection([5, 4, 3], { size: 2, forward: false, cursor: { key: '6', id: '6' } }, 9, pos);
    expect(c.edges.map((e) => e.node)).toEqual([4, 5]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const first = toConnection([2, 1], { size: 2, forward: false }, 2, pos);
    expect(first.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });
});
