import { DomainEvent, InstructionEvents, instructionStream } from '@ledger/domain';
import { storagesUnderTest } from '@ledger/testing';
import { answersAt, day, openTimeline, Timeline } from '../point-in-time/testdata/timeline';
import { instructionsProjection } from './instructions.projection';
import { listInstructions } from './instructions.queries';

const received = (id: string, occurredOn: number): DomainEvent => ({
  type: InstructionEvents.Received,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { instructionId: id, controllerId: 'acme', subject: `about ${id}`, text: 'Delete the March export', channel: 'email', documentSha256: null },
});
const event = (type: string, id: string, occurredOn: number, data: object = {}): DomainEvent => ({
  type,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { instructionId: id, ...data },
});

describe.each(storagesUnderTest())('the instructions register at a point in time on the $name store', (storage) => {
  let timeline: Timeline;
  beforeEach(async () => {
    timeline = await openTimeline(storage);
    const { record } = timeline;
    await record(2, 't1', instructionStream('i-2'), [received('i-2', 2)]); // leaf 0
    await record(3, 't1', instructionStream('i-2'), [event(InstructionEvents.Acknowledged, 'i-2', 3)]); // leaf 1
    await record(5, 't1', instructionStream('i-1'), [received('i-1', 1)]); // leaf 2: received on day 1, recorded on day 5
    await record(6, 't1', instructionStream('i-2'), [event(InstructionEvents.Withdrawn, 'i-2', 4, { reason: null })]); // leaf 3: withdrawn on day 4, recorded on day 6
    await timeline.project(instructionsProjection);
  });
  afterEach(() => timeline.close());

  it('answers every (asOf, knownAt) cell with each instruction and its status then, as then known', async () => {
    const grid = { asOf: [day(1), day(2), day(3), day(4), null], knownAt: [{ at: day(2) }, { at: day(4) }, { treeSize: 3 }, null] };
    const table = await answersAt(grid, async (point) =>
      (await listInstructions(timeline.sql, 't1', { first: 10, ...point })).edges.map(({ node }) => `${node.instructionId}:${node.status}`).join(' '),
    );
    expect(table).toEqual([
      // known on day 2   known on day 4         first 3 leaves                       known now
      ['', '', 'i-1:RECEIVED', 'i-1:RECEIVED'], // as of day 1: the instruction received that day was only recorded on day 5
      ['i-2:RECEIVED', 'i-2:RECEIVED', 'i-1:RECEIVED i-2:RECEIVED', 'i-1:RECEIVED i-2:RECEIVED'], // as of day 2
      ['i-2:RECEIVED', 'i-2:ACKNOWLEDGED', 'i-1:RECEIVED i-2:ACKNOWLEDGED', 'i-1:RECEIVED i-2:ACKNOWLEDGED'], // as of day 3
      ['i-2:RECEIVED', 'i-2:ACKNOWLEDGED', 'i-1:RECEIVED i-2:ACKNOWLEDGED', 'i-1:RECEIVED i-2:WITHDRAWN'], // as of day 4
      ['i-2:RECEIVED', 'i-2:ACKNOWLEDGED', 'i-1:RECEIVED i-2:ACKNOWLEDGED', 'i-1:RECEIVED i-2:WITHDRAWN'], // now: the current-state table
    ]);
  });

  it('filters by status at the point, not by the current status, and states the prefix', async () => {
    const page = await listInstructions(timeline.sql, 't1', { first: 10, status: 'ACKNOWLEDGED', asOf: day(3) });
    expect(page.edges.map((e) => e.node.instructionId)).toEqual(['i-2']);
    expect(page.derivedFrom).toEqual({ treeSize: 4, rootHash: timeline.rootOf(4) });
    expect((await listInstructions(timeline.sql, 't1', { first: 10, status: 'ACKNOWLEDGED' })).edges).toEqual([]);
  });
});
