import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema(`type Node { id: ID, child: Node } type Query { root: Node }`);

function errorsAt(limit: number, query: string): string[] {
  return validate(schema, parse(query), [depthLimitRule(limit)]).map((e) => e.message);
}

describe('depthLimitRule', () => {
  it('counts nested selections, through fragments', () => {
    expect(errorsAt(3, `{ root { child { id } } }`)).toEqual([]);
    expect(errorsAt(1, `{ root { child { id } } }`)).toEqual(['query depth 2 exceeds the limit of 1']);
    expect(errorsAt(2, `fragment F on Node { child { child { id } } } { root { ...F } }`)).toEqual([
      'query depth 3 exceeds the limit of 2',
    ]);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(errorsAt(5, `fragment F on Node { child { ...F } } { root { ...F } }`)).toEqual([]);
  });
});
