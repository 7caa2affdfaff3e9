/** Injection tokens for the ports the application layer owns. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
export const SQL_CLIENT = Symbol('SQL_CLIENT');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;
