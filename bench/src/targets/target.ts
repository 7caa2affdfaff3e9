import { Backend } from '../options';

/** What a case is, for the report: ours, the limit (raw INSERT), the peer (Emmett), or a diagnostic split of ours. */
export type Role = 'ours' | 'limit' | 'peer' | 'diagnostic';

/** An open store that appends one InstructionReceived per `write()`. */
export interface Target {
  write(): Promise<void>;
  /** Average size in bytes of one stored event row, to check that cases write comparable rows. */
  rowBytes(): Promise<number>;
  /**
   * Waits until background work caused by the writes (our projections) has caught up, and says
   * how many milliseconds that took, so that it does not spill into the next measurement.
   */
  settle?(): Promise<number>;
  close(): Promise<void>;
}

export interface BenchCase {
  backend: Backend;
  name: string;
  role: Role;
  open(): Promise<Target>;
}
