/** The requests of the mixed workload: nine queries for every mutation, as a register is read far more than written. */
export interface GraphqlRequest {
  method: 'POST';
  path: '/graphql';
  headers: Record<string, string>;
  body: string;
}

const post = (query: string, variables: Record<string, unknown> = {}): GraphqlRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

export const CONTROLLERS = 4;

export const signAgreement = (c: number) =>
  post(
    `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`,
    { input: { controllerId: `bench-${c}`, controllerName: `Bench ${c}`, effectiveDate: '2020-01-01T00:00:00Z', clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], subprocessorAuthorisation: 'GENERAL' } },
  );

export const receiveInstruction = (c: number) =>
  post(`mutation($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) { instruction { id } } }`, {
    input: { controllerId: `bench-${c}`, subject: 'Retention of invoices', text: 'Keep invoices for ten years.', channel: 'EMAIL' },
  });

/** One round of the mix, given instruction ids that exist. */
export function mixedRequests(instructionIds: string[]): GraphqlRequest[] {
  const id = (i: number) => instructionIds[i % instructionIds.length];
  return [
    post(`query($c: String) { instructions(controllerId: $c, first: 20) { edges { node { id subject status } } pageInfo { hasNextPage endCursor } } }`, { c: 'bench-0' }),
    post(`query($id: ID!) { instruction(id: $id) { id status revision receivedAt } }`, { id: id(1) }),
    post(`{ dataProcessingAgreements(first: 10) { edges { node { controllerId status missingClauses { clause } } } } }`),
    post(`query($id: ID!) { instruction(id: $id) { id status revision receivedAt } }`, { id: id(2) }),
    post(`{ deadlines(first: 20) { edges { node { kind dueAt overdue } } } }`),
    post(`query($s: String!) { history(stream: $s) { eventId type revision hash } }`, { s: `instruction-${id(3)}` }),
    post(`query($c: String) { instructions(controllerId: $c, first: 20) { edges { node { id status } } } }`, { c: 'bench-1' }),
    post(`{ checkpoint { treeSize rootHash } }`),
    post(`query($id: ID!) { instruction(id: $id) { id status revision receivedAt } }`, { id: id(4) }),
    receiveInstruction(2),
  ];
}

export const trivialQuery = post('{ verifierKey }');
