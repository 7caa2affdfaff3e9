import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import type { Position } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { AppModule } from '@ledger/api/app.module';
import { describeStorage, type LedgerConfig } from '@ledger/api/config';
import { OptOutImport, type OptOutRow } from '@ledger/api/consent/opt-out-import';
import { DEFAULT_TENANT } from '@ledger/api/ledger/request-context';

export interface ImportOptOutsOptions {
  rejects?: string;
  defaultCountry?: string;
  source?: string;
  batchSize?: number;
  progress: boolean;
}

export interface ImportOptOutsOutcome {
  rows: number;
  appended: number;
  alreadyImported: number;
  rejected: number;
  rejectsFile: string;
}

/** The columns of an opt-out file; the header row names them, in any order. */
export const OPT_OUT_COLUMNS = ['identifier', 'channel', 'purpose', 'source', 'occurredAt'] as const;
const REQUIRED = ['identifier', 'channel', 'occurredAt'];
const CLI_ACTOR = { id: 'ledger-cli', role: 'processor', keyId: null };

/**
 * `ledger import opt-outs FILE.csv`: streams the file (csv-parse), records each valid row as an
 * objection through the consent rules, a batch of rows per database round trip, and writes the
 * refused rows, with their line number and the reason, to the reject file. Idempotent: a row's
 * command id comes from its content, so importing the same rows again appends nothing.
 */
export async function importOptOuts(config: LedgerConfig, file: string, options: ImportOptOutsOptions, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<ImportOptOutsOutcome> {
  const rejectsFile = options.rejects ?? `${file.replace(/\.csv$/i, '')}.rejects.csv`;
  const batchSize = options.batchSize ?? 2_000;
  const importOptions = { defaultCountry: options.defaultCountry, defaultSource: options.source ?? `opt-out import ${basename(file)}` };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  const bar = new SingleBar({ format: 'importing opt-outs [{bar}] {percentage}% | {rows} rows | {eta_formatted} left', noTTYOutput: options.progress, stream: process.stderr }, Presets.shades_classic);
  const rejects = stringify({ header: true, columns: ['line', 'reason', ...OPT_OUT_COLUMNS] });
  const rejectsOut = rejects.pipe(createWriteStream(rejectsFile));
  const outcome: ImportOptOutsOutcome = { rows: 0, appended: 0, alreadyImported: 0, rejected: 0, rejectsFile };
  try {
    const importer = app.get(OptOutImport);
    const ctx = { tenantId: DEFAULT_TENANT, actor: CLI_ACTOR, correlationId: `import-opt-outs:${basename(file)}` };
    const input = createReadStream(file);
    if (options.progress) bar.start(statSync(file).size, 0, { rows: 0 });
    const parser = input.pipe(parse({ columns: headerOf, bom: true, skip_empty_lines: true, info: true, relax_column_count: true }));
    let batch: OptOutRow[] = [];
    let lastPosition: Position | null = null;
    const rows = new Map<number, OptOutRow>();
    const flush = async () => {
      if (batch.length === 0) return;
      const result = await importer.importBatch(ctx, batch, importOptions);
      outcome.appended += result.appended;
      outcome.alreadyImported += result.alreadyImported;
      outcome.rejected += result.rejected.length;
      for (const { line, reason } of result.rejected) rejects.write({ line, reason, ...rows.get(line) });
      lastPosition = result.lastPosition ?? lastPosition;
      if (options.progress) bar.update(input.bytesRead, { rows: outcome.rows });
      batch = [];
      rows.clear();
    };
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const row: OptOutRow = { line: info.lines, ...record };
      outcome.rows++;
      batch.push(row);
      rows.set(row.line, row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (options.progress) bar.stop();
    // The suppression list answers for these rows once the command returns.
    if (lastPosition) await app.get(ProjectionRunner).waitFor(lastPosition, 600_000);
    write(
      `${outcome.rows} rows read from ${file}: ${outcome.appended} opt-outs recorded, ${outcome.alreadyImported} already imported, ` +
        `${outcome.rejected} rejected (see ${rejectsFile}), in ${describeStorage(config)}\n`,
    );
    return outcome;
  } finally {
    bar.stop();
    rejects.end();
    await once(rejectsOut, 'finish');
    await app.close();
  }
}

/** Checks the header row: every required column named, no unknown one (a typo would silently drop a field). */
function headerOf(header: string[]): string[] {
  const names = header.map((name) => name.trim());
  const unknown = names.filter((name) => !(OPT_OUT_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED.filter((name) => !names.includes(name));
  if (unknown.length || missing.length)
    throw new Error(
      `the header row must name the columns ${OPT_OUT_COLUMNS.join(', ')} (${REQUIRED.join(', ')} required)` +
        `${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    );
  return names;
}
