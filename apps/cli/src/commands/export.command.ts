import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { ProcessingRole } from '@ledger/domain';
import type { LedgerConfig } from '@ledger/api/config';
import { prepareAuditPack, writeAuditPack } from '@ledger/api/exports/audit-pack';
import { type ExportTime } from '@ledger/api/exports/export-sources';
import { renderRegister, type RegisterFormat } from '@ledger/api/exports/register-formats';
import { registerDocument } from '@ledger/api/exports/register-document';
import { withExportSources } from './export-sources';

/** The tenant a CLI export is for, until API keys exist (the same default as the service). */
const TENANT = 'default';

export interface TimeOptions {
  asOf?: string;
  knownAt?: string;
}

export interface RegisterExportOptions extends TimeOptions {
  format: RegisterFormat;
  record: ProcessingRole;
  controller?: string;
  out?: string;
}

export interface AuditPackExportOptions extends TimeOptions {
  controller: string;
  out?: string;
  progress: boolean;
}

function date(option: string, value: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`${option} must be an ISO 8601 date or timestamp, got "${value}"`);
  return parsed;
}

/** --known-at is a timestamp or a tree size (a whole number), as in DESIGN.md, Time. */
export function exportTimeOf(options: TimeOptions): ExportTime {
  const knownAt = options.knownAt;
  return {
    asOf: options.asOf ? date('--as-of', options.asOf) : null,
    knownAt: knownAt ? (/^\d+$/.test(knownAt) ? { treeSize: Number(knownAt) } : { at: date('--known-at', knownAt) }) : null,
  };
}

async function writeTo(out: string | undefined, write: (stream: Writable) => Promise<void>): Promise<void> {
  if (!out) return write(process.stdout);
  const file = createWriteStream(out);
  await write(file);
  await new Promise<void>((resolve, reject) => file.close((error) => (error ? reject(error) : resolve())));
}

export async function exportRegister(config: LedgerConfig, options: RegisterExportOptions): Promise<void> {
  const time = exportTimeOf(options);
  await withExportSources(config, async (sources) => {
    const document = await registerDocument(sources, TENANT, { ...time, record: options.record, controllerId: options.controller ?? null });
    const body = await renderRegister(document, options.format);
    await writeTo(options.out, async (stream) => void stream.write(body));
    const { checkpoint } = document;
    process.stderr.write(
      `exported ${document.activities.length} processing activities as of ${document.asOf}, derived from checkpoint ${checkpoint.origin} size ${checkpoint.treeSize} root ${checkpoint.rootHash}\n`,
    );
  });
}

export async function exportAuditPack(config: LedgerConfig, options: AuditPackExportOptions): Promise<void> {
  const time = exportTimeOf(options);
  await withExportSources(config, async (sources) => {
    const pack = await prepareAuditPack(sources, TENANT, { ...time, controllerId: options.controller });
    const bar = new SingleBar({ format: 'proving events [{bar}] {percentage}% | {value}/{total} events', noTTYOutput: options.progress }, Presets.shades_classic);
    if (options.progress) bar.start(pack.events.length, 0);
    try {
      await writeTo(options.out, (stream) =>
        writeAuditPack(sources, pack, stream, { fileName: options.out ? basename(options.out) : 'audit-pack.zip', progress: (done) => options.progress && bar.update(done) }),
      );
    } finally {
      if (options.progress) bar.stop();
    }
    process.stderr.write(
      `audit pack for ${pack.controllerId}: ${pack.events.length} events, ${pack.register.activities.length} processing activities, checkpoint size ${pack.register.checkpoint.treeSize}${options.out ? ` in ${options.out}` : ''}\n`,
    );
  });
}
