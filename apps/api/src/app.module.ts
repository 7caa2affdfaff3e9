import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { LedgerConfig } from './config';
import { queryLimits } from './graphql/armor';
import { graphiqlLandingPage } from './graphql/graphiql.plugin';
import { GraphqlErrorFilter } from './graphql/graphql-error.filter';
import { InputValidationPipe } from './graphql/input-validation.pipe';
import { HealthController } from './health/health.controller';
import { HistoryModule } from './history/history.module';
import { BreachesModule } from './breaches/breaches.module';
import { CheckpointsModule } from './checkpoints/checkpoints.module';
import { DataSubjectRequestsModule } from './data-subject-requests/data-subject-requests.module';
import { InstructionsModule } from './instructions/instructions.module';
import { AgreementsModule } from './agreements/agreements.module';
import { SubprocessorsModule } from './subprocessors/subprocessors.module';
import { ProcessingActivitiesModule } from './processing-activities/processing-activities.module';
import { AuditsModule } from './audits/audits.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { ExportsModule } from './exports/exports.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ConsentModule } from './consent/consent.module';
import { LedgerModule } from './ledger/ledger.module';
import { ObservabilityModule } from './observability/observability.module';
import { BackupModule } from './backup/backup.module';
import { AccessModule } from './access/access.module';
import type { AuthenticatedRequest } from './access/principal';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    const limits = queryLimits();
    return {
      module: AppModule,
      imports: [
        LedgerModule.forRoot(config),
        ObservabilityModule,
        BackupModule,
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          plugins: [graphiqlLandingPage(), ...limits.plugins],
          validationRules: limits.validationRules,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: config.development,
          context: ({ req }: { req: Request & AuthenticatedRequest }) => ({ principal: req.principal, ledger: req.principal?.context }),
        }),
        AccessModule,
        CheckpointsModule,
        InstructionsModule,
        AgreementsModule,
        SubprocessorsModule,
        ProcessingActivitiesModule,
        AuditsModule,
        BreachesModule,
        DataSubjectRequestsModule,
        DeadlinesModule,
        PrivacyModule,
        ConsentModule,
        ExportsModule,
        HistoryModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
        { provide: APP_PIPE, useClass: InputValidationPipe },
      ],
    };
  }
}
