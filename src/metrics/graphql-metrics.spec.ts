import { parse } from 'graphql';
import { BoundedLabels, operationNameOf } from './graphql-metrics';

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
