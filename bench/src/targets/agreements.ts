import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteDpaCommand } from '@ledger/api/agreements/dpa.commands';
import { DeciderExecutor } from '@ledger/api/ledger/decider-executor';
import { ART28_CLAUSES, dpaDecider, dpaStream } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { ACTOR, CONTROLLERS, TENANT } from '../workload';

/**
 * A processor acts on instructions only under a data-processing agreement (Art. 28(3)), so the
 * command path refuses an instruction from a controller without one. Before measuring, sign one
 * with every controller of the workload, unless an earlier case on this database already did.
 */
export async function ensureAgreements(app: INestApplicationContext): Promise<void> {
  const executor = app.get(DeciderExecutor);
  const commands = app.get(CommandBus);
  const effectiveDate = new Date(Date.now() - 365 * 24 * 3600 * 1000);
  for (const controllerId of CONTROLLERS) {
    const state = await executor.load(dpaDecider, TENANT, dpaStream(controllerId));
    if (state.status === 'SIGNED') continue;
    const data = {
      controllerId,
      controllerName: controllerId,
      clauses: [...ART28_CLAUSES],
      subprocessorAuthorisation: 'GENERAL' as const,
      objectionWindowDays: 30,
      breachNotificationHours: 48,
      effectiveDate,
      occurredAt: effectiveDate,
    };
    const meta = { tenantId: TENANT, actor: ACTOR, correlationId: uuidv7(), commandId: uuidv7() };
    await commands.execute(new ExecuteDpaCommand({ type: 'SignDataProcessingAgreement', data }, meta));
  }
}
