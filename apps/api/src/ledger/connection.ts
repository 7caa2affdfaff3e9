import type { Page } from '@ledger/projections';
import type { PageInfo } from './ledger.types';

export interface Connection<N> {
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: PageInfo;
}

/** A read-model page as a GraphQL connection: each record turned into its API type, the last cursor as endCursor. */
export function connectionOf<T, N>(page: Page<T>, toNode: (record: T) => N): Connection<N> {
  return {
    edges: page.edges.map(({ node, cursor }) => ({ cursor, node: toNode(node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
  };
}
