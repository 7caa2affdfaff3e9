import { type Decider, type DecisionContext, DomainError, requireText } from '../shared';
import { API_KEY_ROLES, API_KEY_SCHEMA_VERSION as v, type ApiKeyEvent, ApiKeyEvents, type ApiKeyIssuedData } from './api-key.events';

export type ApiKeyCommand =
  | { type: 'IssueApiKey'; data: ApiKeyIssuedData & { occurredAt: Date } }
  | { type: 'RevokeApiKey'; data: { keyId: string; reason: string | null; occurredAt: Date } };

export interface ApiKey extends ApiKeyIssuedData {
  issuedAt: Date;
  revokedAt: Date | null;
}

export type ApiKeyState = ApiKey | null;

/** Tenant ids appear in stream metadata, table keys and URLs: a short, plain word. */
export const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

function decide(command: ApiKeyCommand, state: ApiKeyState, { now }: DecisionContext): ApiKeyEvent[] {
  const { keyId, occurredAt } = command.data;
  switch (command.type) {
    case 'IssueApiKey': {
      if (state) throw new DomainError(`key ${keyId} was already issued`);
      const c = command.data;
      if (!API_KEY_ROLES.includes(c.role)) throw new DomainError(`role must be one of ${API_KEY_ROLES.join(', ')}`, 'BAD_USER_INPUT', 'role');
      if (!TENANT_ID.test(c.tenantId)) throw new DomainError('tenantId must be lower-case letters, digits and -, at most 63', 'BAD_USER_INPUT', 'tenantId');
      if (c.role === 'controller' && !c.controllerId)
        throw new DomainError('a controller key acts on one relationship: give its controllerId', 'BAD_USER_INPUT', 'controllerId');
      if ((c.role === 'admin' || c.role === 'processor') && c.controllerId)
        throw new DomainError(`a ${c.role} key covers the whole tenant: no controllerId`, 'BAD_USER_INPUT', 'controllerId');
      if (c.expiresAt && new Date(c.expiresAt).getTime() <= now.getTime())
        throw new DomainError('expiresAt must be in the future', 'BAD_USER_INPUT', 'expiresAt');
      const data: ApiKeyIssuedData = {
        keyId,
        name: requireText(c.name, 'name'),
        role: c.role,
        tenantId: c.tenantId,
        controllerId: c.controllerId ? requireText(c.controllerId, 'controllerId') : null,
        expiresAt: c.expiresAt,
      };
      return [{ type: ApiKeyEvents.Issued, schemaVersion: v, occurredAt, data }];
    }
    case 'RevokeApiKey': {
      if (!state) throw new DomainError(`no key ${keyId}`, 'NOT_FOUND', 'keyId');
      if (state.revokedAt) throw new DomainError(`key ${keyId} is already revoked`, 'BAD_USER_INPUT', 'keyId');
      return [{ type: ApiKeyEvents.Revoked, schemaVersion: v, occurredAt, data: { keyId, reason: command.data.reason?.trim() || null } }];
    }
  }
}

function evolve(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case ApiKeyEvents.Issued:
      return { ...event.data, issuedAt: event.occurredAt, revokedAt: null };
    case ApiKeyEvents.Revoked:
      return state && { ...state, revokedAt: event.occurredAt };
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyState, ApiKeyEvent> = { initialState: null, decide, evolve };
