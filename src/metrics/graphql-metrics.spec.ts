import { parse } from 'graphql';
import { BoundedLabels, OperationNames, operationNameOf } from './graphql-metrics';

describe('GraphQL metric labels', () => {
  it('keep the first distinct names and fold the rest into the fallback', () => {
    const labels = new BoundedLabels(2, 'other');
    expect(['A', 'B', 'C', 'A', 'D', 'B'].map((n) => labels.label(n))).toEqual(['A', 'B', 'other', 'A', 'other', 'B']);
  });

  it('name the operation of a single-operation document only', () => {
    expect(operationNameOf(parse('query Nodes { __typename }'))).toBe('Nodes');
    expect(operationNameOf(parse('{ __typename }'))).toBeUndefined();
    expect(operationNameOf(parse('query A { __typename } query B { __typename }'))).toBeUndefined();
  });
});

describe('operation names by query text', () => {
  it('keep the most recently used texts, up to the bound', () => {
    const names = new OperationNames(2);
    names.note('query A { a }', 'A');
    names.note('query B { b }', 'B');
    expect(names.of('query A { a }', false)).toBe('A');
    names.note('query C { c }', 'C');
    // B was the least recently used: dropped, and not parsed again for a refused answer.
    expect(names.of('query B { b }', false)).toBeUndefined();
    expect(names.of('query A { a }', false)).toBe('A');
    expect(names.of('query C { c }', false)).toBe('C');
  });

  it('parse a text not noted only for an answer that ran', () => {
    const names = new OperationNames(4);
    expect(names.of('query Late { __typename }', true)).toBe('Late');
    expect(names.of('query Late { __typename }', false)).toBe('Late');
    expect(names.of('not graphql', true)).toBeUndefined();
  });
});
