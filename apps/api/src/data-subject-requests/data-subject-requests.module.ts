import { Module } from '@nestjs/common';
import { DataSubjectRequestCommandHandler } from './data-subject-request.commands';
import { GetDataSubjectRequestHandler, ListDataSubjectRequestsHandler } from './data-subject-request.queries';
import { DataSubjectRequestsResolver } from './data-subject-requests.resolver';
import { RequesterPrivacy } from './requester-privacy';

@Module({
  providers: [RequesterPrivacy, DataSubjectRequestCommandHandler, GetDataSubjectRequestHandler, ListDataSubjectRequestsHandler, DataSubjectRequestsResolver],
})
export class DataSubjectRequestsModule {}
