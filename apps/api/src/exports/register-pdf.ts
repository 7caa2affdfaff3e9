import PDFDocument from 'pdfkit';
import { REGISTER_COLUMNS } from './register-columns';
import type { RegisterDocument } from './register-document';

const TITLES = {
  PROCESSOR: 'Record of processing activities carried out on behalf of controllers (Art. 30(2) GDPR)',
  CONTROLLER: 'Record of processing activities under its own responsibility (Art. 30(1) GDPR)',
} as const;

export interface PdfOptions {
  /** Uncompressed content streams, so that a test can read the text back. */
  compress?: boolean;
}

/**
 * The register for a person to read: a title page header, one block per processing activity with
 * every column of its record, and the signed checkpoint it is derived from, so that anyone can
 * check it against the log.
 */
export function registerPdf(document: RegisterDocument, options: PdfOptions = {}): Promise<Buffer> {
  const { checkpoint } = document;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: {
      Title: TITLES[document.record],
      Subject: `Processor ${document.tenantId}, as of ${document.asOf}`,
      Keywords: `checkpoint ${checkpoint.origin} ${checkpoint.treeSize} ${checkpoint.rootHash}`,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('Helvetica-Bold').fontSize(15).text(TITLES[document.record]);
  pdf.moveDown(0.5).font('Helvetica').fontSize(10);
  pdf.text(`Processor: ${document.tenantId}`);
  if (document.controllerId) pdf.text(`Controller: ${document.controllerId}`);
  pdf.text(`As of (valid time): ${document.asOf}`);
  if (document.knownAt) pdf.text(`Known at: ${document.knownAt.at ?? `tree size ${document.knownAt.treeSize}`}`);
  pdf.text(`Generated: ${document.generatedAt}`);
  pdf.text(`Processing activities: ${document.activities.length}`);

  pdf.moveDown(0.5).font('Helvetica-Bold').text('Derived from the signed checkpoint');
  pdf.font('Courier').fontSize(9);
  pdf.text(`Log (signed note origin): ${checkpoint.origin}`);
  pdf.text(`Tree size: ${checkpoint.treeSize}`);
  pdf.text(`Root hash: ${checkpoint.rootHash}`);
  pdf.font('Helvetica').fontSize(8).fillColor('#444')
    .text('Each block names the event it rests on (stream@revision); its inclusion proof in this checkpoint is served by the ledger and verified with `ledger verify`.')
    .fillColor('black');

  const columns = REGISTER_COLUMNS[document.record];
  for (const activity of document.activities) {
    pdf.moveDown(1).font('Helvetica-Bold').fontSize(11).text(String(activity.name ?? activity.processingActivityId));
    for (const column of columns.slice(2)) {
      const label = column.article ? `${column.header} (${column.article})` : column.header;
      pdf.font('Helvetica-Bold').fontSize(9).text(`${label}: `, { continued: true }).font('Helvetica').text(column.cell(activity) || '-');
    }
    pdf.font('Helvetica').fontSize(8).fillColor('#444').text(`id ${activity.processingActivityId}`).fillColor('black');
  }
  if (document.activities.length === 0) pdf.moveDown(1).fontSize(10).text('No processing activity is in force at this point in time.');
  pdf.end();
  return done;
}
