import { DomainError } from '@ledger/domain';
import { registerCsv } from './register-csv';
import type { RegisterDocument } from './register-document';
import { registerPdf } from './register-pdf';

export const REGISTER_FORMATS = ['csv', 'json', 'pdf'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

export const CONTENT_TYPES: Record<RegisterFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
};

export function registerFormatOf(value: string | undefined): RegisterFormat {
  const format = (value ?? 'json').toLowerCase();
  if (!(REGISTER_FORMATS as readonly string[]).includes(format))
    throw new DomainError(`format must be one of ${REGISTER_FORMATS.join(', ')}, got "${value}"`, 'BAD_USER_INPUT', 'format');
  return format as RegisterFormat;
}

export async function renderRegister(document: RegisterDocument, format: RegisterFormat, options: { compress?: boolean } = {}): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(registerCsv(document), 'utf8');
  if (format === 'pdf') return registerPdf(document, options);
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
