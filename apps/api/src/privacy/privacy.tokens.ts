/** The key-store port, bound to the SQL adapter here; a KMS adapter would be bound instead. */
export const SUBJECT_KEY_STORE = Symbol('SUBJECT_KEY_STORE');
