import { instructionsProjection } from './instructions/instructions.projection';
import { merkleLogProjection } from './merkle-log/merkle-log.projection';
import { breachesProjection } from './breaches/breaches.projection';
import { dataSubjectRequestsProjection } from './data-subject-requests/data-subject-requests.projection';
import { processingActivitiesProjection } from './processing-activities/processing-activities.projection';
import { auditsProjection } from './audits/audits.projection';
import { dataProcessingAgreementsProjection } from './agreements/dpa.projection';
import { subprocessorsProjection } from './subprocessors/subprocessors.projection';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import { contactFactsProjection } from './consent/contact-facts.projection';
import { Projection } from './projection';

/** Every read model the service keeps; `ledger rebuild` replays the log into all of them. */
export const allProjections: Projection[] = [merkleLogProjection, instructionsProjection, breachesProjection, dataSubjectRequestsProjection, processingActivitiesProjection, auditsProjection, dataProcessingAgreementsProjection, subprocessorsProjection, deadlinesProjection, contactFactsProjection];
