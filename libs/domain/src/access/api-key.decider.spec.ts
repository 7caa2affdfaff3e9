import { deciderSpecification } from '@ledger/testing';
import { apiKeyDecider, type ApiKeyCommand } from './api-key.decider';
import { type ApiKeyEvent, ApiKeyEvents, type ApiKeyIssuedData } from './api-key.events';

const now = new Date('2026-03-20T12:00:00Z');
const spec = deciderSpecification(apiKeyDecider, now);
const keyId = '01a222c1-a561-7778-b639-737679d0acbe';
const grant: ApiKeyIssuedData = { keyId, name: 'acme-dpo', role: 'controller', tenantId: 'deskflow', controllerId: 'acme', expiresAt: null };

const issued = (overrides: Partial<ApiKeyIssuedData> = {}): ApiKeyEvent => ({
  type: ApiKeyEvents.Issued, schemaVersion: 1, occurredAt: now, data: { ...grant, ...overrides },
});
const issue = (overrides: Partial<ApiKeyIssuedData> = {}): ApiKeyCommand => ({ type: 'IssueApiKey', data: { ...grant, occurredAt: now, ...overrides } });
const revoke: ApiKeyCommand = { type: 'RevokeApiKey', data: { keyId, reason: ' left the company ', occurredAt: now } };

describe('API keys (DESIGN.md, Access)', () => {
  it('issues a key for one role, tenant and relationship', () => spec.given([]).when(issue()).then([issued()]));

  it('confines every controller key to one relationship', () =>
    spec.given([]).when(issue({ controllerId: null })).thenThrows('controllerId', 'controllerId'));

  it('gives processor and admin keys the whole tenant, never one relationship', () =>
    spec.given([]).when(issue({ role: 'processor' })).thenThrows('whole tenant', 'controllerId'));

  it('lets an auditor key cover the whole tenant or one relationship', () =>
    spec.given([]).when(issue({ role: 'auditor', controllerId: null })).then([issued({ role: 'auditor', controllerId: null })]));

  it('refuses a tenant id that is not a plain word', () => spec.given([]).when(issue({ tenantId: 'Acme Corp' })).thenThrows('tenantId', 'tenantId'));

  it('refuses an expiry in the past', () =>
    spec.given([]).when(issue({ expiresAt: '2026-03-01T00:00:00.000Z' })).thenThrows('future', 'expiresAt'));

  it('refuses to issue the same key twice', () => spec.given([issued()]).when(issue()).thenThrows('already issued'));

  it('revokes a key once, keeping the reason', () =>
    spec.given([issued()]).when(revoke).then([{ type: ApiKeyEvents.Revoked, schemaVersion: 1, occurredAt: now, data: { keyId, reason: 'left the company' } }]));

  it('refuses to revoke a key twice, or one never issued', () => {
    spec.given([issued(), { type: ApiKeyEvents.Revoked, schemaVersion: 1, occurredAt: now, data: { keyId, reason: null } }]).when(revoke).thenThrows('already revoked');
    spec.given([]).when(revoke).thenThrows(`no key ${keyId}`, 'keyId');
  });
});
