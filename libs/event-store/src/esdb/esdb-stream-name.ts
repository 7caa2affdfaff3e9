/**
 * EventStoreDB has one namespace of streams for everyone, so the tenant is part of the name:
 * `<namespace>:<tenant, URI-encoded>:<stream>` (namespace `ledger` unless configured). Encoding
 * keeps a `:` in a tenant id from making two tenants' names collide. The namespace prefix is what
 * the $all subscription filters on; it never starts with `$`, which EventStoreDB reserves for its
 * own streams, and a second ledger (or a test run) can share a cluster under another namespace.
 */
export class EsdbStreamNames {
  readonly prefix: string;

  constructor(namespace = 'ledger') {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(namespace)) throw new Error(`EventStoreDB namespace must be letters, digits, _ . -, got "${namespace}"`);
    this.prefix = `${namespace}:`;
  }

  name(tenantId: string, stream: string): string {
    return `${this.prefix}${encodeURIComponent(tenantId)}:${stream}`;
  }

  /** Our events only: not EventStoreDB's system events (`$...` types or streams) nor another application's. */
  owns(streamName: string, type: string): boolean {
    return streamName.startsWith(this.prefix) && !type.startsWith('$');
  }
}
