import { type sendUnaryData, type ServerReadableStream, type ServerWritableStream, status } from '@grpc/grpc-js';
import { UUID, StreamIdentifier, Empty } from '@eventstore/db-client/generated/shared_pb.js';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import { compareLogPositions, type ExpectedState, InMemoryLog, type LogRecord, type ProposedRecord } from './in-memory-log';

const FORWARDS = 0;

/** Streams.Append: a header naming the stream and expected revision, then one message per event. */
export function appendHandler(log: InMemoryLog) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedRecord[] = [];
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) options = req.getOptions();
      const message = req.getProposedMessage();
      if (!message) return;
      const metadata = message.getMetadataMap();
      proposed.push({
        id: uuidOf(message.getId()),
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data: message.getData_asU8(),
        customMetadata: message.getCustomMetadata_asU8(),
      });
    });
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'append without options' });
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expectedStateOf(options), proposed);
      const response = new AppendResp();
      if (outcome.ok) {
        const position = new AppendResp.Position().setCommitPosition(outcome.commit.toString()).setPreparePosition(outcome.prepare.toString());
        response.setSuccess(new AppendResp.Success().setCurrentRevision(outcome.currentRevision.toString()).setPosition(position));
      } else {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (outcome.currentRevision === null) wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentRevision(outcome.currentRevision.toString());
        const expected = outcome.expected;
        if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
        else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
        else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
        else wrong.setExpectedAny(new Empty());
        response.setWrongExpectedVersion(wrong);
      }
      callback(null, response);
    });
  };
}

/** Streams.Read: a read of one stream or of $all, or a catch-up subscription to $all. */
export function readHandler(log: InMemoryLog) {
  return (call: ServerWritableStream<ReadReq, ReadResp>) => {
    const options = call.request.getOptions();
    if (!options) return call.emit('error', { code: status.INVALID_ARGUMENT, details: 'read without options' });
    if (options.hasStream()) {
      if (options.hasSubscription()) return unimplemented(call, 'the double does not implement subscriptions to one stream');
      return readStream(log, call, options);
    }
    if (options.hasSubscription()) return subscribeToAll(log, call, options);
    return readAll(log, call, options);
  };
}

function readStream(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options) {
  const streamOptions = options.getStream()!;
  const identifier = streamOptions.getStreamIdentifier()!;
  const records = log.stream(streamNameOf(identifier));
  if (!records) {
    call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier)));
    return call.end();
  }
  const forwards = options.getReadDirection() === FORWARDS;
  const last = records.length - 1;
  const from = streamOptions.hasStart() ? 0 : streamOptions.hasEnd() ? (forwards ? records.length : last) : Number(streamOptions.getRevision());
  const ordered = forwards ? records.slice(from) : records.slice(0, Math.min(from, last) + 1).reverse();
  for (const record of ordered.slice(0, countOf(options))) call.write(eventResponse(record));
  call.end();
}

/** Reading $all includes the record at the start position, forwards; backwards, only records before it. */
function readAll(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options) {
  const allOptions = options.getAll()!;
  const forwards = options.getReadDirection() === FORWARDS;
  let records: LogRecord[];
  if (allOptions.hasPosition()) {
    const from = positionOf(allOptions.getPosition()!);
    records = forwards
      ? log.all.filter((r) => compareLogPositions(r, from) >= 0)
      : log.all.filter((r) => compareLogPositions(r, from) < 0).reverse();
  } else if (allOptions.hasEnd()) records = forwards ? [] : [...log.all].reverse();
  else records = forwards ? [...log.all] : [];
  for (const record of records.slice(0, countOf(options))) call.write(eventResponse(record, true));
  call.end();
}

/**
 * A catch-up subscription to $all: a confirmation, every matching record after the start
 * position, then each new one as it is appended, until the client cancels. The filter (stream
 * name or event type, prefixes or a regular expression) is applied on the server, as
 * EventStoreDB does; the double sends no filter checkpoints (the adapter asks for none).
 */
function subscribeToAll(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options) {
  const allOptions = options.getAll()!;
  const matches = filterOf(options);
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(crypto.randomUUID())));
  const send = (records: LogRecord[]) => {
    for (const record of records) if (matches(record)) call.write(eventResponse(record, true));
  };
  const live = (records: LogRecord[]) => send(records);
  log.appended.on('appended', live);
  call.on('cancelled', () => log.appended.off('appended', live));
  call.on('close', () => log.appended.off('appended', live));
  if (allOptions.hasEnd()) return;
  const from = allOptions.hasPosition() ? positionOf(allOptions.getPosition()!) : null;
  send(from ? log.all.filter((r) => compareLogPositions(r, from) > 0) : log.all);
}

function filterOf(options: ReadReq.Options): (record: LogRecord) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  return (record) => {
    const subject = onStream ? record.stream : record.type;
    return (prefixes.length === 0 || prefixes.some((p) => subject.startsWith(p))) && (!regex || regex.test(subject));
  };
}

function eventResponse(record: LogRecord, withCommitPosition = false): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.stream)))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.commit.toString())
    .setPreparePosition(record.prepare.toString())
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  recorded.getMetadataMap().set('type', record.type).set('content-type', record.contentType).set('created', record.created.toString());
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  if (withCommitPosition) event.setCommitPosition(record.commit.toString());
  else event.setNoPosition(new Empty());
  return new ReadResp().setEvent(event);
}

function expectedStateOf(options: AppendReq.Options): ExpectedState {
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  if (options.hasAny()) return { kind: 'any' };
  return { kind: 'revision', revision: BigInt(options.getRevision()) };
}

function countOf(options: ReadReq.Options): number {
  const count = Number(options.getCount());
  return count > 0 ? count : Number.MAX_SAFE_INTEGER;
}

function positionOf(position: ReadReq.Options.Position) {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}

function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function uuidOf(uuid: UUID | undefined): string {
  if (!uuid?.hasString()) throw new Error('the double only speaks string UUIDs, which the client sends');
  return uuid.getString();
}

function unimplemented(call: ServerWritableStream<ReadReq, ReadResp>, details: string) {
  call.emit('error', { code: status.UNIMPLEMENTED, details });
}
