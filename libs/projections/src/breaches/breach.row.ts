import { Breach, BreachControllerNotice, BreachRiskLevel, BreachStatus } from '@ledger/domain';

export interface BreachRow {
  [column: string]: unknown;
  tenant_id: string;
  breach_id: string;
  status: string;
  risk_level: string;
  nature: string;
  data_subject_categories: string[];
  approximate_data_subject_count: number;
  record_categories: string[];
  approximate_record_count: number;
  likely_consequences: string;
  measures: string;
  controller_ids: string[];
  /** One entry per affected controller, dates as ISO strings (jsonb has no date type). */
  controllers: Array<Record<keyof BreachControllerNotice, string | boolean | null>>;
  detected_at: Date;
  authority_notification_deadline: Date;
  closed_at: Date | null;
  closing_summary: string | null;
  last_occurred_at: Date;
  stream: string;
  revision: number;
  last_position: string;
}

export interface BreachRecord extends Breach {
  stream: string;
  revision: number;
}

const dateOrNull = (value: unknown): Date | null => (value == null ? null : new Date(value as string));

function noticeFromJson(json: BreachRow['controllers'][number]): BreachControllerNotice {
  return {
    controllerId: json.controllerId as string,
    notifiedAt: dateOrNull(json.notifiedAt),
    authority: json.authority as string | null,
    authorityNotifiedAt: dateOrNull(json.authorityNotifiedAt),
    authorityNotificationLate: json.authorityNotificationLate as boolean | null,
    delayReasons: json.delayReasons as string | null,
    subjectsNotifiedAt: dateOrNull(json.subjectsNotifiedAt),
    subjectsNotificationMeans: json.subjectsNotificationMeans as string | null,
  };
}

export function breachFromRow(row: BreachRow): BreachRecord {
  return {
    breachId: row.breach_id,
    status: row.status as BreachStatus,
    riskLevel: row.risk_level as BreachRiskLevel,
    nature: row.nature,
    dataSubjectCategories: row.data_subject_categories,
    approximateDataSubjectCount: row.approximate_data_subject_count,
    recordCategories: row.record_categories,
    approximateRecordCount: row.approximate_record_count,
    likelyConsequences: row.likely_consequences,
    measures: row.measures,
    controllerIds: row.controller_ids,
    controllers: row.controllers.map(noticeFromJson),
    detectedAt: row.detected_at,
    authorityNotificationDeadline: row.authority_notification_deadline,
    closedAt: row.closed_at,
    closingSummary: row.closing_summary,
    lastOccurredAt: row.last_occurred_at,
    stream: row.stream,
    revision: row.revision,
  };
}
