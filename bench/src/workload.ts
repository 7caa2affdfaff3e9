import { INSTRUCTION_CHANNELS, InstructionChannel, InstructionEvents } from '@ledger/domain';
import { DEFAULT_TENANT, SYSTEM_ACTOR } from '@ledger/api/ledger/request-context';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * What every case writes: one `InstructionReceived` per call, a fresh instruction id (so a
 * new stream), a realistic subject and text, and the same metadata our store records. Raw
 * INSERT and Emmett store exactly this data and metadata, so rows are the same size.
 */

/** The controllers instructions come from; each has a data-processing agreement in force (see agreements.ts). */
export const CONTROLLERS = ['acme-hr', 'northwind-training', 'globex-recruiting', 'initech-payroll', 'umbrella-sales'];

const SUBJECTS = [
  'Erase applicant profiles after the retention period',
  'Restrict access to appraisal records to HR managers',
  'Stop enrichment of contacts located in the EU',
  'Export training completion data for the annual audit',
  'Suspend marketing e-mails to former customers',
];

const TEXTS = [
  'Please delete every candidate profile, CV and interview note older than 24 months, including backups, and confirm in writing once done.',
  'From next Monday only users holding the HR manager role may read or export appraisal forms; revoke all other existing grants.',
  'Do not enrich any contact whose company address is in the EU until the new DPA annex is signed; keep a list of skipped records.',
  'Prepare an export of course completions per employee for 2024 in CSV, pseudonymised, and send it through the secure portal only.',
  'Stop sending newsletters to accounts closed more than 90 days ago and add their addresses to the suppression list immediately.',
];

export interface InstructionData {
  instructionId: string;
  controllerId: string;
  subject: string;
  text: string;
  channel: InstructionChannel;
  documentSha256: string | null;
}

export const EVENT_TYPE = InstructionEvents.Received;
export const TENANT = DEFAULT_TENANT;
export const ACTOR = SYSTEM_ACTOR;

let sequence = 0;

/** A new instruction; the text carries a reference so that no two are identical. */
export function nextInstruction(): InstructionData {
  const i = sequence++;
  const instructionId = uuidv7();
  const reference = `Ref. ${instructionId.slice(-12)}.`;
  return {
    instructionId,
    controllerId: CONTROLLERS[i % CONTROLLERS.length],
    subject: SUBJECTS[i % SUBJECTS.length],
    text: `${TEXTS[i % TEXTS.length]} ${reference}`,
    channel: INSTRUCTION_CHANNELS[i % INSTRUCTION_CHANNELS.length],
    documentSha256: i % 2 === 0 ? createHash('sha256').update(reference).digest('hex') : null,
  };
}

export function streamOf(instruction: InstructionData): string {
  return `instruction-${instruction.instructionId}`;
}

/** The metadata our store writes for one event (see SqlEventStore.append). */
export function metadataFor(occurredAt: Date) {
  const commandId = uuidv7();
  return {
    tenantId: TENANT,
    actor: ACTOR,
    commandId,
    correlationId: uuidv7(),
    causationId: commandId,
    occurredAt: occurredAt.toISOString(),
    recordedAt: new Date().toISOString(),
  };
}
