import { instructionsProjection } from './instructions/instructions.projection';
import { Projection } from './projection';

/** Every read model the service keeps; `ledger rebuild` replays the log into all of them. */
export const allProjections: Projection[] = [instructionsProjection];
