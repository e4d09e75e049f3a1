import { Outcome } from '../core/outcome';
import { toJson } from '../output/json';
import { truncateTo } from '../output/text';
import type { RowOutcome, RunSummary } from './types';

/** The `source` of every event the scaler publishes; the IAM grant is conditional on it. */
const EVENT_SOURCE = 'msf-scheduled-scaler';

/** The `detail-type`s of the scaler's events. */
const EventDetailType = {
  /** A row whose outcome is `scaled` (never in a dry run). */
  SCALED: 'MSF Application Scaled',
  /** A row whose outcome is `busy`, `error` or `invalid`. */
  FAILED: 'MSF Application Scaling Failed',
} as const;

type EventDetailType = (typeof EventDetailType)[keyof typeof EventDetailType];

/** Bounds that keep every event far below EventBridge's 256 KB per entry. */
const EventLimits = {
  /** Longest reason kept, in characters (as in the audit trail). */
  REASON: 2_000,
  /** Longest other text kept (rule, status, operation id, error code, a warning, an issue's message). */
  FIGURE: 300,
  /** Issues and warnings kept; the rest are counted (`issuesNotSent`, `warningsNotSent`). */
  LISTED: 10,
  /** EventBridge's limit on one entry's size (Time, Source, DetailType, Detail, Resources), in bytes. */
  ENTRY_BYTES: 256 * 1024,
} as const;

/** One event of a run, as the bus adapter sends it: `Detail` is the JSON of `detail`. */
interface ScalerEvent {
  readonly detailType: EventDetailType;
  /** The instant the run evaluated the schedule at (ISO-8601): the event's `Time`. */
  readonly time: string;
  /** The row's application name, for `Resources`-free routing rules on `detail.rowId`. */
  readonly rowId: string;
  /** The `Detail` JSON text: the outcome's fields, compact and JSON-safe. */
  readonly detail: string;
}

/** What publishing a run's events achieved: never an exception, so it never changes an outcome. */
interface EventPublishResult {
  /** The event bus's name (`default`). */
  readonly bus: string;
  /** Events EventBridge accepted. */
  readonly published: number;
  /** Events not published (counted as the `EventPublishFailures` metric). */
  readonly failed: number;
  /** Why events were not published, with the fix; absent when every one was. */
  readonly problem?: string;
}

/**
 * Where a run publishes its events: the EventBridge adapter in production, a fake in unit tests.
 */
interface EventsPort {
  /** The event bus's name, for messages. */
  readonly bus: string;
  /**
   * Publishes the events, giving up on what is not published by `deadline` (epoch milliseconds).
   * Never rejects: what could not be published is counted in the result, with why.
   */
  publish(events: readonly ScalerEvent[], deadline: number): Promise<EventPublishResult>;
}

/**
 * The detail-type of an outcome's event, or `undefined` when the outcome has none
 * (`unchanged`, `skipped`, `deferred`).
 *
 * @example
 * eventDetailTypeOf('busy'); // 'MSF Application Scaling Failed'
 */
function eventDetailTypeOf(outcome: Outcome): EventDetailType | undefined {
  switch (outcome) {
    case Outcome.SCALED:
      return EventDetailType.SCALED;
    case Outcome.BUSY:
    case Outcome.ERROR:
    case Outcome.INVALID:
      return EventDetailType.FAILED;
    default:
      return undefined;
  }
}

function figure(text: string): string {
  return truncateTo(text, EventLimits.FIGURE);
}

/** The outcome's fields, cut like the audit trail cuts them; issues without their raw values. */
function detailOf(outcome: RowOutcome, summary: RunSummary, runId: string): Record<string, unknown> {
  const { issues, warnings, reason, status, rule, operationId, errorCode, ...rest } = outcome;
  return {
    ...rest,
    reason: truncateTo(reason, EventLimits.REASON),
    ...(status === undefined ? {} : { status: figure(status) }),
    ...(rule === undefined ? {} : { rule: figure(rule) }),
    ...(operationId === undefined ? {} : { operationId: figure(operationId) }),
    ...(errorCode === undefined ? {} : { errorCode: figure(errorCode) }),
    ...(issues === undefined
      ? {}
      : {
          issues: issues.slice(0, EventLimits.LISTED).map(({ attribute, rule: issueRule, message }) => ({
            attribute: figure(attribute),
            rule: figure(issueRule),
            message: figure(message),
          })),
          ...(issues.length > EventLimits.LISTED ? { issuesNotSent: issues.length - EventLimits.LISTED } : {}),
        }),
    warnings: warnings.slice(0, EventLimits.LISTED).map(figure),
    ...(warnings.length > EventLimits.LISTED ? { warningsNotSent: warnings.length - EventLimits.LISTED } : {}),
    at: summary.at,
    runId,
    table: summary.table,
  };
}

/** An entry's size as EventBridge counts it: Time (14 bytes), Source, DetailType and Detail, UTF-8. */
function entryBytes(detailType: string, detail: string): number {
  return 14 + Buffer.byteLength(EVENT_SOURCE) + Buffer.byteLength(detailType) + Buffer.byteLength(detail);
}

/**
 * The events of one run: one per row whose outcome is `scaled` (detail-type
 * `MSF Application Scaled`) or `busy`, `error`, `invalid` (`MSF Application Scaling Failed`), in
 * scan order, none for `unchanged`, `skipped` and `deferred`. A dry run publishes nothing. The
 * detail is the outcome's fields (reason and texts cut as in the audit trail, at most 10 issues and
 * warnings) plus the run's `at`, `runId` and `table`; should it still exceed 256 KB, only the row,
 * outcome, cut reason and run fields are sent, with `truncated: true`.
 *
 * @example
 * const events = scalerEvents(summary, 'a1b2c3d4');
 */
function scalerEvents(summary: RunSummary, runId: string): ScalerEvent[] {
  if (summary.dryRun) return [];
  return summary.outcomes.flatMap((outcome): ScalerEvent[] => {
    const detailType = eventDetailTypeOf(outcome.outcome);
    if (detailType === undefined) return [];
    let detail = toJson(detailOf(outcome, summary, runId)) ?? '{}';
    if (entryBytes(detailType, detail) > EventLimits.ENTRY_BYTES) {
      detail =
        toJson({
          rowId: truncateTo(outcome.rowId, EventLimits.FIGURE),
          outcome: outcome.outcome,
          reason: truncateTo(outcome.reason, EventLimits.REASON),
          at: summary.at,
          runId,
          table: summary.table,
          truncated: true,
        }) ?? '{}';
    }
    return [{ detailType, time: summary.at, rowId: outcome.rowId, detail }];
  });
}

/**
 * One sentence for a publish that left events out: how many, where, why and the fix (the
 * problem carries it). The handler logs it.
 *
 * @example
 * describeEventsFailure({ bus: 'default', published: 0, failed: 3, problem: '...' });
 * // 'events not published: 3 of 3 events were not put on event bus "default": ...'
 */
function describeEventsFailure(result: EventPublishResult): string {
  const total = result.published + result.failed;
  return (
    `events not published: ${result.failed} of ${total} event${total === 1 ? ' was' : 's were'} not put ` +
    `on event bus "${result.bus}": ${result.problem ?? 'unknown reason'}; every row kept its outcome`
  );
}

export type { EventPublishResult, EventsPort, ScalerEvent };
export { describeEventsFailure, EVENT_SOURCE, EventDetailType, EventLimits, eventDetailTypeOf, scalerEvents };
