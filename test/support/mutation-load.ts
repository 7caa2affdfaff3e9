/** What the resilience tests and the backup test send: agreements, then instructions received and acknowledged. */
export const SIGN = `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`;
export const RECEIVE = `mutation($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) { instruction { id } } }`;
export const ACKNOWLEDGE = `mutation($input: AcknowledgeInstructionInput!) { acknowledgeInstruction(input: $input) { instruction { id } } }`;

export interface GraphqlClient {
  gql(query: string, variables?: Record<string, unknown>): Promise<any>;
}

/** Instructions need an agreement in force with their controller (Art. 28(3)): one per writer's controller. */
export async function signAgreements(client: GraphqlClient, writers: number): Promise<void> {
  for (let w = 0; w < writers; w++) {
    const signed = await client.gql(SIGN, {
      input: {
        controllerId: `controller-${w}`,
        controllerName: `Controller ${w}`,
        effectiveDate: '2020-01-01T00:00:00.000Z',
        clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
        subprocessorAuthorisation: 'GENERAL',
      },
    });
    if (signed.errors) throw new Error(`could not sign an agreement: ${JSON.stringify(signed.errors)}`);
  }
}

export interface MutationLoad {
  /** Instruction id -> the revision the service acknowledged (0: received, 1: acknowledged too). */
  acknowledged: Map<string, number>;
  /** Error answers by extensions.code (and whether each said it was retryable). */
  errors: Map<string, number>;
  /** Requests that got no answer at all (connection refused or cut). */
  unanswered: number;
  stop(): Promise<void>;
}

/**
 * Several writers receive an instruction then acknowledge it, over and over, until `stop`,
 * keeping what the service acknowledged. With `stopWhenUnreachable` (a server being killed) a
 * writer ends at its first unanswered request; otherwise it pauses and goes on.
 */
export function streamMutations(client: GraphqlClient, writers: number, options: { stopWhenUnreachable?: boolean; prefix?: string } = {}): MutationLoad {
  const load: MutationLoad = { acknowledged: new Map(), errors: new Map(), unanswered: 0, stop: async () => undefined };
  let stopped = false;
  const noteErrors = (answer: any) => {
    for (const error of answer.errors ?? []) {
      const key = `${error.extensions?.code}${error.extensions?.retryable ? ' (retryable)' : ''}`;
      load.errors.set(key, (load.errors.get(key) ?? 0) + 1);
    }
  };
  const writer = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        const received = await client.gql(RECEIVE, {
          input: { controllerId: `controller-${w}`, subject: `instruction ${options.prefix ?? ''}${w}-${i}`, text: 'Keep invoices for ten years.', channel: 'TICKET' },
        });
        noteErrors(received);
        const id = received.data?.receiveInstruction.instruction.id;
        if (!id) continue;
        load.acknowledged.set(id, 0);
        const ack = await client.gql(ACKNOWLEDGE, { input: { instructionId: id } });
        noteErrors(ack);
        if (ack.data?.acknowledgeInstruction) load.acknowledged.set(id, 1);
      } catch {
        load.unanswered++;
        if (options.stopWhenUnreachable) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  load.stop = async () => {
    stopped = true;
    await done;
  };
  return load;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, checking every 50 ms, for at most `timeoutMs`. */
export async function eventually(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(50);
  }
  return condition();
}
