import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { introspectionEnabled, QUERY_LIMITS, QUERY_PARSE_OPTIONS, queryLimitRules } from './query-limits';

const schema = buildSchema(`type Node { id: ID, child: Node, children(first: Int): [Node] } type Query { root: Node }`);

function errorsOf(query: string, introspection = true): string[] {
  return validate(schema, parse(query, QUERY_PARSE_OPTIONS), [...specifiedRules, ...queryLimitRules(introspection)]).map((e) => e.message);
}

/** Fragments that each spread the next twice: 2^levels leaves if walked naively. */
function doublingFragments(levels: number): string {
  let query = `query { root { ...F0 } }\n`;
  for (let i = 0; i < levels; i++) query += `fragment F${i} on Node { child { ...F${i + 1} ...F${i + 1} } }\n`;
  return `${query}fragment F${levels} on Node { id }`;
}

function nested(depth: number): string {
  return `{ root { ${'child { '.repeat(depth - 1)}id${' }'.repeat(depth)} }`;
}

describe('queryLimitRules', () => {
  it('refuses a document deeper than the limit, through fragments, and accepts one at the limit', () => {
    expect(errorsOf(nested(QUERY_LIMITS.depth - 1))).toEqual([]);
    expect(errorsOf(nested(QUERY_LIMITS.depth + 1))).toEqual([expect.stringMatching(/depth limit of 10 exceeded/)]);
    expect(errorsOf(`fragment F on Node { ${'child { '.repeat(10)}id${' }'.repeat(10)} } { root { ...F } }`)).toEqual([
      expect.stringMatching(/depth limit/),
    ]);
  });

  it('walks each fragment once: 200 doubling levels are refused by depth and cost, not explored', () => {
    const errors = errorsOf(doublingFragments(200));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/depth limit/), expect.stringMatching(/Cost limit/)]));
  });

  it('counts `first` as a list multiplier in the cost', () => {
    const page = (first: number) => `{ root { children(first: ${first}) { children(first: ${first}) { id child { id } } } } }`;
    expect(errorsOf(page(10))).toEqual([]);
    expect(errorsOf(page(1000))).toEqual([expect.stringMatching(/Cost limit/)]);
  });

  it('refuses too many aliases and directives', () => {
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: root { id }`).join(' ');
    expect(errorsOf(`{ ${aliases} }`)).toEqual([expect.stringMatching(/Aliases limit of 250 exceeded/)]);
    expect(errorsOf(`{ root { id${' @include(if: true)'.repeat(QUERY_LIMITS.directives + 1)} } }`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Directives limit of 20 exceeded/)]),
    );
  });

  it('stops parsing a document with too many tokens', () => {
    expect(() => parse(`{ ${'root { id } '.repeat(QUERY_LIMITS.tokens)} }`, QUERY_PARSE_OPTIONS)).toThrow(/more that 10000 tokens/);
  });

  it('lets the standard introspection query through when introspection is on, and refuses it when off', () => {
    expect(errorsOf(getIntrospectionQuery())).toEqual([]);
    expect(errorsOf(getIntrospectionQuery(), false)).toEqual(expect.arrayContaining([expect.stringMatching(/introspection/)]));
  });
});

describe('introspectionEnabled', () => {
  it('is off in production unless GRAPHQL_INTROSPECTION=true, on elsewhere unless false', () => {
    expect(introspectionEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(introspectionEnabled({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toBe(true);
    expect(introspectionEnabled({})).toBe(true);
    expect(introspectionEnabled({ GRAPHQL_INTROSPECTION: 'false' })).toBe(false);
  });
});
