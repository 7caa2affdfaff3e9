import { Module } from '@nestjs/common';
import { ProcessingActivityCommandHandler } from './processing-activity.commands';
import { GetProcessingActivityHandler, ListRegisterHandler } from './processing-activity.queries';
import { ProcessingActivitiesResolver } from './processing-activities.resolver';

@Module({
  providers: [ProcessingActivityCommandHandler, GetProcessingActivityHandler, ListRegisterHandler, ProcessingActivitiesResolver],
})
export class ProcessingActivitiesModule {}
