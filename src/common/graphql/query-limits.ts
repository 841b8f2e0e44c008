// The one set of limits every GraphQL document meets before it runs, over HTTP (Mercurius)
// and over graphql-ws alike: a token count checked by graphql-js's own parser, then
// validation rules from graphql-armor (depth, cost, aliases, directives). Each rule walks a
// fragment once and reuses its figure at every spread, so a document of fragments that
// each spread the next twice is refused in time linear in its size. Depth and cost skip
// `__schema`, so the standard introspection query passes whenever introspection is on.
// See docs/decisions/graphql-server.md (limits) and docs/security.md.

import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, ParseOptions, ValidationContext, ValidationRule } from 'graphql';

export const QUERY_LIMITS = {
  /** Nesting of selections; a fragment spread adds nothing of its own. */
  depth: 10,
  /** graphql-armor's cost: 1 per scalar, 2 per object, x1.5 per level, x`first` of a page. */
  cost: 20_000,
  /** Pollers batch up to 200 objects per request as aliases (see test/bench/fleet/status-poller.ts). */
  aliases: 250,
  directives: 20,
  /** Lexical tokens of the document: the standard introspection query has about 300, a batch of 200 aliased reads about 4,500. */
  tokens: 10_000,
} as const;

/** Parser options for both transports: the token limit stops a huge document while it is read. */
export const QUERY_PARSE_OPTIONS: ParseOptions = { maxTokens: QUERY_LIMITS.tokens };

/** graphql-armor throws by default; reported instead, the request gets every refusal at once. */
function report(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
}

const armor = { propagateOnRejection: false, onReject: [report], exposeLimits: true };

/** The rules added to graphql-js's specified ones; without introspection when `introspection` is false. */
export function queryLimitRules(introspection: boolean): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({ ...armor, n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true }),
    costLimitRule({ ...armor, maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule({ ...armor, n: QUERY_LIMITS.aliases }),
    maxDirectivesRule({ ...armor, n: QUERY_LIMITS.directives }),
  ];
  if (!introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/**
 * Introspection is on outside production and off in production unless
 * GRAPHQL_INTROSPECTION=true (validated with the rest of the configuration).
 */
export function introspectionEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const explicit = env.GRAPHQL_INTROSPECTION?.trim().toLowerCase();
  if (explicit === 'true') return true;
  if (explicit === 'false') return false;
  return env.NODE_ENV !== 'production';
}
