import type { ApiKeyRole } from '@ledger/domain';
import type { RequestContext } from '../ledger/request-context';

/**
 * The authenticated caller, from its key and nothing else: the tenant, the actor written into
 * every event, and the relationship a controller or auditor key is confined to.
 */
export interface Principal {
  context: RequestContext;
  role: ApiKeyRole;
  keyId: string;
  /** null: the whole tenant. */
  controllerId: string | null;
}

/** Where the authentication step leaves the principal on the Express request. */
export interface AuthenticatedRequest {
  principal?: Principal;
}
