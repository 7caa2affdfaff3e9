import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import type { Response } from 'express';
import { Caller } from '../access/caller.decorator';
import { Allow, READERS } from '../access/policy';
import type { RequestContext } from '../ledger/request-context';
import { prepareAuditPack, writeAuditPack } from './audit-pack';
import type { ExportSources, ExportTime } from './export-sources';
import { EXPORT_SOURCES } from './exports.tokens';
import { registerDocument } from './register-document';
import { CONTENT_TYPES, registerFormatOf, renderRegister } from './register-formats';

function date(field: string, value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new DomainError(`${field} must be an ISO 8601 date or timestamp, got "${value}"`, 'BAD_USER_INPUT', field);
  return parsed;
}

/** knownAt is a timestamp or a tree size (DESIGN.md, Time). */
function timeOf(asOf: string | undefined, knownAt: string | undefined): ExportTime {
  if (knownAt && /^\d+$/.test(knownAt)) return { asOf: date('asOf', asOf), knownAt: { treeSize: Number(knownAt) } };
  const at = date('knownAt', knownAt);
  return { asOf: date('asOf', asOf), knownAt: at ? { at } : null };
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Exports as downloads, for the same people and in the same formats as `ledger export`: plain
 * GET routes, so a browser link or curl -OJ saves the file under its own name.
 */
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(@Inject(EXPORT_SOURCES) private readonly sources: ExportSources) {}

  @Allow(...READERS)
  @Get('register')
  async register(
    @Query('format') format: string | undefined,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Query('record') record: string | undefined,
    @Query('controllerId') controllerId: string | undefined,
    @Caller() caller: RequestContext,
    @Res() response: Response,
  ) {
    const chosen = registerFormatOf(format);
    const role = (record ?? 'PROCESSOR').toUpperCase();
    if (role !== 'PROCESSOR' && role !== 'CONTROLLER')
      throw new DomainError(`record must be PROCESSOR or CONTROLLER, got "${record}"`, 'BAD_USER_INPUT', 'record');
    const document = await registerDocument(this.sources, caller.tenantId, {
      ...timeOf(asOf, knownAt),
      record: role,
      controllerId: controllerId || null,
    });
    response
      .type(CONTENT_TYPES[chosen])
      .set({ 'x-ledger-tree-size': String(document.checkpoint.treeSize), 'x-ledger-root-hash': document.checkpoint.rootHash })
      .attachment(`register-${role.toLowerCase()}-${day(document.asOf)}.${chosen}`)
      .send(await renderRegister(document, chosen));
  }

  @Allow(...READERS)
  @Get('audit-pack')
  async auditPack(
    @Query('controllerId') controllerId: string | undefined,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Caller() caller: RequestContext,
    @Res() response: Response,
  ) {
    const pack = await prepareAuditPack(this.sources, caller.tenantId, { ...timeOf(asOf, knownAt), controllerId: controllerId ?? '' });
    const fileName = `audit-pack-${pack.controllerId}-${day(pack.register.asOf)}.zip`;
    response.type('application/zip').attachment(fileName);
    try {
      await writeAuditPack(this.sources, pack, response, { fileName });
    } catch (error) {
      // Once the zip has started there is no status left to send: cut the download short, so that it cannot pass for a whole pack.
      if (!response.headersSent) throw error;
      this.logger.error(`audit pack for ${pack.controllerId} cut short: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    }
  }
}
