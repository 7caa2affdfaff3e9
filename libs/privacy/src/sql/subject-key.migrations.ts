import type { Migration } from '@ledger/event-store';

/**
 * Kept apart from ledger_events and, unlike it, not immutable: deleting a row is how a subject
 * is erased. Its own migration component, so it can move to another database or a KMS.
 */
export const subjectKeyMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE ledger_subject_keys (
        tenant_id text NOT NULL,
        subject_id text NOT NULL,
        data_key bytea NOT NULL CHECK (octet_length(data_key) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, subject_id)
      )`,
    ],
  },
];
