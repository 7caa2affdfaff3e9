import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/**
 * Limits on the shape of a query, checked before anything runs: a query too deep, too costly or
 * too long is refused as GRAPHQL_VALIDATION_FAILED. Large inputs (contactPermissions' subject
 * lists) belong in variables, which these limits do not count.
 */
export const QUERY_LIMITS = {
  depth: 12,
  cost: 5000,
  aliases: 15,
  directives: 10,
  tokens: 2000,
} as const;

export function queryLimits(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true },
    costLimit: { maxCost: QUERY_LIMITS.cost },
    maxAliases: { n: QUERY_LIMITS.aliases },
    maxDirectives: { n: QUERY_LIMITS.directives },
    maxTokens: { n: QUERY_LIMITS.tokens },
    // Field suggestions ("did you mean ...") would map a schema for anyone probing it.
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { plugins, validationRules };
}
