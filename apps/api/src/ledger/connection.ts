import type { DerivedFrom, Page } from '@ledger/projections';
import type { PageInfo } from './ledger.types';

export interface Connection<N> {
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: PageInfo;
  /** The log prefix of a page read at a point in time. */
  derivedFrom?: DerivedFrom | null;
}

/** A read-model page as a GraphQL connection: each record turned into its API type, the last cursor as endCursor. */
export function connectionOf<T, N>(page: Page<T>, toNode: (record: T) => N): Connection<N> {
  return {
    edges: page.edges.map(({ node, cursor }) => ({ cursor, node: toNode(node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
    derivedFrom: page.derivedFrom ?? null,
  };
}
