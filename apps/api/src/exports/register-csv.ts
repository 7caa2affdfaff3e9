import { stringify } from 'csv-stringify/sync';
import { REGISTER_COLUMNS } from './register-columns';
import type { RegisterDocument } from './register-document';

/** One row per processing activity under the columns of its Art. 30 record; the checkpoint travels beside it (JSON, PDF, HTTP headers). */
export function registerCsv(document: RegisterDocument): string {
  const columns = REGISTER_COLUMNS[document.record];
  return stringify([columns.map((c) => c.header), ...document.activities.map((a) => columns.map((c) => c.cell(a)))]);
}
