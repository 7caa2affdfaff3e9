import { Migration } from './migrator';

/**
 * The trigger function behind every append-only table (events, command records, signed
 * checkpoints). Shared with the EventStoreDB mode's PostgreSQL, which has no ledger_events.
 */
export const REFUSE_CHANGE_FUNCTION = `CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'ledger events are immutable: % on % refused', TG_OP, TG_TABLE_NAME
           USING ERRCODE = 'integrity_constraint_violation';
       END $$`;

export const eventStoreMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      // position orders events within a transaction; tx_id orders transactions (see readAll).
      `CREATE TABLE ledger_events (
        position bigserial NOT NULL,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        stream text NOT NULL,
        revision int NOT NULL CHECK (revision >= 0),
        type text NOT NULL,
        schema_version int NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT ledger_events_stream_revision UNIQUE (tenant_id, stream, revision)
      )`,
      `CREATE INDEX ledger_events_log_order ON ledger_events (tx_id, position)`,
      `CREATE TABLE ledger_commands (
        tenant_id text NOT NULL,
        command_id text NOT NULL,
        stream text NOT NULL,
        from_revision int NOT NULL,
        to_revision int NOT NULL,
        CONSTRAINT ledger_commands_pkey PRIMARY KEY (tenant_id, command_id)
      )`,
      REFUSE_CHANGE_FUNCTION,
      `CREATE TRIGGER ledger_events_immutable BEFORE UPDATE OR DELETE ON ledger_events
       FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
      `CREATE TRIGGER ledger_events_no_truncate BEFORE TRUNCATE ON ledger_events
       FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
      `CREATE TRIGGER ledger_commands_immutable BEFORE UPDATE OR DELETE ON ledger_commands
       FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
    ],
  },
];
