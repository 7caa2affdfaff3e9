import { QueryBus } from '@nestjs/cqrs';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type DataProcessingAgreement, type DpaCommand, missingClauses } from '@ledger/domain';
import { connectionOf } from '../ledger/connection';
import { CommandInput } from '../ledger/command.input';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ExecuteDpaCommand } from './dpa.commands';
import {
  AmendDataProcessingAgreementInput,
  DataProcessingAgreementsArgs,
  RecordControllerDataDeletedInput,
  RecordControllerDataReturnedInput,
  SignDataProcessingAgreementInput,
  TerminateDataProcessingAgreementInput,
} from './dpa.inputs';
import { GetDataProcessingAgreement, ListDataProcessingAgreements } from './dpa.queries';
import { DataProcessingAgreementConnection, DataProcessingAgreementPayload, DataProcessingAgreementType } from './dpa.types';
import { Allow, READERS } from '../access/policy';

function toType(agreement: DataProcessingAgreement, stream: string, revision: number): DataProcessingAgreementType {
  return { ...agreement, missingClauses: missingClauses(agreement.clauses), stream, revision };
}

@Resolver(() => DataProcessingAgreementType)
export class DpaResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
  ) {}

  @Allow('processor')
  @Mutation(() => DataProcessingAgreementPayload, {
    description: 'Record the Art. 28(3) contract signed with a controller; after a termination, a new agreement on the same relationship.',
  })
  signDataProcessingAgreement(@Args('input') input: SignDataProcessingAgreementInput, @Ledger() ctx: RequestContext) {
    const { controllerId, controllerName, effectiveDate, clauses, subprocessorAuthorisation, objectionWindowDays, breachNotificationHours } = input;
    const terms = { controllerName, clauses, subprocessorAuthorisation, objectionWindowDays, breachNotificationHours };
    return this.run(ctx, input, { type: 'SignDataProcessingAgreement', data: { controllerId, effectiveDate, ...terms, occurredAt: occurredAt(input) } });
  }

  @Allow('processor')
  @Mutation(() => DataProcessingAgreementPayload, { description: 'Change terms of the agreement in force; only the terms given change.' })
  amendDataProcessingAgreement(@Args('input') input: AmendDataProcessingAgreementInput, @Ledger() ctx: RequestContext) {
    const { controllerId, controllerName, clauses, subprocessorAuthorisation, objectionWindowDays, breachNotificationHours } = input;
    const terms = { controllerName, clauses, subprocessorAuthorisation, objectionWindowDays, breachNotificationHours };
    return this.run(ctx, input, { type: 'AmendDataProcessingAgreement', data: { controllerId, ...terms, occurredAt: occurredAt(input) } });
  }

  @Allow('processor')
  @Mutation(() => DataProcessingAgreementPayload)
  terminateDataProcessingAgreement(@Args('input') input: TerminateDataProcessingAgreementInput, @Ledger() ctx: RequestContext) {
    const { controllerId, effectiveDate } = input;
    return this.run(ctx, input, { type: 'TerminateDataProcessingAgreement', data: { controllerId, effectiveDate, occurredAt: occurredAt(input) } });
  }

  @Allow('processor')
  @Mutation(() => DataProcessingAgreementPayload, { description: 'The data went back to the controller after the end of the service (Art. 28(3)(g)).' })
  recordControllerDataReturned(@Args('input') input: RecordControllerDataReturnedInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'RecordControllerDataReturned', data: { controllerId: input.controllerId, occurredAt: occurredAt(input) } });
  }

  @Allow('processor')
  @Mutation(() => DataProcessingAgreementPayload, { description: 'The data, or its copies, was deleted after the end of the service (Art. 28(3)(g)).' })
  recordControllerDataDeleted(@Args('input') input: RecordControllerDataDeletedInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'RecordControllerDataDeleted', data: { controllerId: input.controllerId, occurredAt: occurredAt(input) } });
  }

  @Allow(...READERS)
  @Query(() => DataProcessingAgreementType, { nullable: true, description: 'The current agreement with one controller.' })
  async dataProcessingAgreement(@Args('controllerId') controllerId: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetDataProcessingAgreement(ctx.tenantId, controllerId));
    return record && toType(record, record.stream, record.revision);
  }

  @Allow(...READERS)
  @Query(() => DataProcessingAgreementConnection, { description: 'Controller relationships by controller id, filtered by status, a page at a time.' })
  async dataProcessingAgreements(@Args() args: DataProcessingAgreementsArgs, @Ledger() ctx: RequestContext): Promise<DataProcessingAgreementConnection> {
    const page = await this.queries.execute(new ListDataProcessingAgreements(ctx.tenantId, args));
    return connectionOf(page, (node) => toType(node, node.stream, node.revision));
  }

  private async run(ctx: RequestContext, input: CommandInput, command: DpaCommand): Promise<DataProcessingAgreementPayload> {
    const { agreement, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteDpaCommand(command, meta));
    return { agreement: toType(agreement, ledger.stream, ledger.events[ledger.events.length - 1].revision), ledger };
  }
}

const occurredAt = (input: CommandInput) => input.occurredAt ?? new Date();
