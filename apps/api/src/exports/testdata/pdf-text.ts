import { inflateSync } from 'node:zlib';

/** The content streams of a PDF, inflated where pdfkit compressed them (FlateDecode). */
function contentOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not compressed, or not Flate: already searched as raw bytes
    }
  }
  return parts.join('\n');
}

/** The text a PDF shows: pdfkit writes each line as hex strings in a TJ array, compressed or not. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const [, array] of contentOf(pdf).matchAll(/\[([^\]]*)\]\s*TJ/g))
    lines.push([...array.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
  return lines.join('\n');
}
