import { isSealedField, type JsonValue, openWithKey, type SealedField, sealWithKey } from './sealed-field';
import type { SubjectKeyStore } from './subject-key-store.port';

/** What a sealed field reads as: its value, or the fact that its subject was erased. */
export type Opened<T extends JsonValue = JsonValue> = { erased: false; value: T } | { erased: true };

/** How an erased field shows wherever a whole event is shown (history, exports). */
export interface ErasedField {
  erased: true;
  subject: string;
}

/**
 * Seals personal data under its subject's key before it is appended, and opens it when it is
 * read. A field whose key is gone opens as erased; one that fails authentication is an error,
 * never silently erased, since that would hide tampering.
 */
export class FieldSealer {
  constructor(private readonly keys: SubjectKeyStore) {}

  async seal(tenantId: string, subjectId: string, value: JsonValue): Promise<SealedField> {
    return sealWithKey(await this.keys.keyFor(tenantId, subjectId), subjectId, value);
  }

  /** Seals many values, each under its own subject's key, fetching the keys in one go. */
  async sealMany(tenantId: string, items: Array<{ subjectId: string; value: JsonValue }>): Promise<SealedField[]> {
    const keys = await this.keys.keysFor(tenantId, items.map((item) => item.subjectId));
    return items.map(({ subjectId, value }) => sealWithKey(keys.get(subjectId)!, subjectId, value));
  }

  async open<T extends JsonValue = JsonValue>(tenantId: string, field: SealedField): Promise<Opened<T>> {
    const key = await this.keys.find(tenantId, field.subject);
    return key ? { erased: false, value: openWithKey<T>(key, field) } : { erased: true };
  }

  /** A copy of `data` with every sealed field in it, at any depth, opened or marked erased. */
  async openAll(tenantId: string, data: unknown): Promise<unknown> {
    if (isSealedField(data)) {
      const opened = await this.open(tenantId, data);
      return opened.erased ? ({ erased: true, subject: data.subject } satisfies ErasedField) : opened.value;
    }
    if (Array.isArray(data)) return Promise.all(data.map((item) => this.openAll(tenantId, item)));
    if (typeof data !== 'object' || data === null) return data;
    const entries = await Promise.all(Object.entries(data).map(async ([name, value]) => [name, await this.openAll(tenantId, value)] as const));
    return Object.fromEntries(entries);
  }
}
