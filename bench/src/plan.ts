import { join } from 'node:path';
import { BenchOptions } from './options';
import { openEmmett } from './targets/emmett.target';
import { openLedgerAppendOnly } from './targets/ledger-append.target';
import { openLedger } from './targets/ledger.target';
import { openRawInsertPglite, openRawInsertPostgres } from './targets/raw-insert.target';
import { BenchCase } from './targets/target';

export const CASE_NAMES = {
  raw: 'raw INSERT',
  emmett: 'Emmett',
  ledger: 'ledger (command bus)',
  ledgerNoProjections: 'ledger, projections stopped',
  ledgerAppendOnly: 'ledger store.append only',
} as const;

/**
 * The cases in the order of the first round (later rounds rotate it), per backend: the limit,
 * the peer, ours, then (with --breakdown) ours with parts taken away. All PostgreSQL cases
 * share one scratch database.
 */
export function planCases(options: BenchOptions, scratchUrl: string | null, tempDir: string): BenchCase[] {
  const cases: BenchCase[] = [];
  if (options.backends.includes('postgres')) {
    if (!scratchUrl) throw new Error('the postgres backend needs a scratch database');
    const storage = { databaseUrl: scratchUrl, dataDir: join(tempDir, 'unused-by-postgres') };
    cases.push(
      { backend: 'postgres', name: CASE_NAMES.raw, role: 'limit', open: () => openRawInsertPostgres(scratchUrl) },
      { backend: 'postgres', name: CASE_NAMES.emmett, role: 'peer', open: () => openEmmett(scratchUrl) },
      { backend: 'postgres', name: CASE_NAMES.ledger, role: 'ours', open: () => openLedger(storage) },
    );
    if (options.breakdown)
      cases.push(
        {
          backend: 'postgres',
          name: CASE_NAMES.ledgerNoProjections,
          role: 'diagnostic',
          open: () => openLedger({ ...storage, withoutProjections: true }),
        },
        { backend: 'postgres', name: CASE_NAMES.ledgerAppendOnly, role: 'diagnostic', open: () => openLedgerAppendOnly(storage) },
      );
  }
  if (options.backends.includes('embedded')) {
    // The ledger cases share one data directory (opened one at a time); raw INSERT has its own.
    const storage = { dataDir: join(tempDir, 'ledger') };
    cases.push(
      { backend: 'embedded', name: CASE_NAMES.raw, role: 'limit', open: () => openRawInsertPglite(join(tempDir, 'raw')) },
      { backend: 'embedded', name: CASE_NAMES.ledger, role: 'ours', open: () => openLedger(storage) },
    );
    if (options.breakdown)
      cases.push(
        {
          backend: 'embedded',
          name: CASE_NAMES.ledgerNoProjections,
          role: 'diagnostic',
          open: () => openLedger({ ...storage, withoutProjections: true }),
        },
        { backend: 'embedded', name: CASE_NAMES.ledgerAppendOnly, role: 'diagnostic', open: () => openLedgerAppendOnly(storage) },
      );
  }
  return cases;
}
