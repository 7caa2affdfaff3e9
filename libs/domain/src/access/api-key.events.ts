import { DomainEvent } from '../shared';

/** Stored event names: owned constants, never class names. */
export const ApiKeyEvents = {
  Issued: 'ApiKeyIssued',
  Revoked: 'ApiKeyRevoked',
} as const;

export const API_KEY_SCHEMA_VERSION = 1;

/**
 * admin: tenants and keys; processor: writes and reads its tenant; controller: reads and acts on
 * its own relationship; auditor: reads only, within its scope, until its expiry (DESIGN.md, Access).
 */
export const API_KEY_ROLES = ['admin', 'processor', 'controller', 'auditor'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * Who may do what with a key, never its secret nor the secret's hash: the event is the audit
 * trail of who issued which key when; the hash lives only in the `api_keys` table.
 */
export interface ApiKeyIssuedData {
  keyId: string;
  name: string;
  role: ApiKeyRole;
  tenantId: string;
  /** One relationship (the controller's id), or null for the whole tenant. */
  controllerId: string | null;
  expiresAt: string | null;
}

export interface ApiKeyRevokedData {
  keyId: string;
  reason: string | null;
}

export type ApiKeyEvent =
  | DomainEvent<typeof ApiKeyEvents.Issued, ApiKeyIssuedData>
  | DomainEvent<typeof ApiKeyEvents.Revoked, ApiKeyRevokedData>;

export const apiKeyStream = (keyId: string) => `api-key-${keyId}`;
