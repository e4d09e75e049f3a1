import type { Context, ScheduledEvent } from 'aws-lambda';
import { createScalerClients } from './adapters/clients';
import {
  optionalRequiredTag,
  parseInstant,
  requireTableName,
  resolveConcurrency,
  resolveEvents,
  resolveHistoryTable,
  resolveMaxKpuPerApplication,
  resolveMaxTotalKpu,
} from './config';
import { Defaults } from './constants';
import { preferSmallHeap } from './memoryMode';
import { createObservability, logEvents, logHistory, logOutcome, publishRunMetrics } from './observability';
import { type CompactSummary, compactSummary } from './output/compactSummary';
import { runScaler } from './run/runScaler';

preferSmallHeap();

// Built once per execution environment and reused by warm invocations.
const { logger, metrics } = createObservability(process.env);
const clients = createScalerClients();

/**
 * The instant a run evaluates the schedule at: the scheduled event's `time`, so a delayed
 * or retried invocation still decides for the hour it was scheduled for.
 */
function instantOf(event: Partial<ScheduledEvent>, now: () => Date): Date {
  return typeof event.time === 'string' ? parseInstant(event.time, 'the event\'s "time"') : now();
}

/**
 * Lambda entry point, fired by the hourly EventBridge rule. Logs one JSON line per row and a
 * summary line, emits one metric per outcome, and returns a compact summary (counts and the
 * rows that need a look, a few KB whatever the table's size). It throws only
 * when the run as a whole cannot happen (misconfiguration, table unreadable), so Lambda's
 * async retries, the dead-letter queue and the function-errors alarm see it.
 */
async function handler(event: Partial<ScheduledEvent>, context?: Context): Promise<CompactSummary> {
  if (context !== undefined) logger.addContext(context);
  try {
    const instant = instantOf(event, () => new Date());
    const maxTotalKPU = resolveMaxTotalKpu(process.env);
    const events = resolveEvents(process.env);
    let historyFailures = 0;
    let eventFailures = 0;
    const summary = await runScaler({
      // Stop starting rows in time to report on all of them before Lambda stops the function.
      ...(context === undefined
        ? {}
        : { deadline: Date.now() + context.getRemainingTimeInMillis() - Defaults.DEADLINE_MARGIN_MS }),
      clients,
      table: requireTableName(process.env),
      instant,
      concurrency: resolveConcurrency(process.env),
      maxKPUPerApplication: resolveMaxKpuPerApplication(process.env),
      ...(maxTotalKPU === undefined ? {} : { maxTotalKPU }),
      ...optionalRequiredTag(process.env),
      onOutcome: (outcome) => logOutcome(logger, outcome),
      historyTable: resolveHistoryTable(process.env),
      onHistory: (result) => {
        historyFailures = result.failed;
        logHistory(logger, result);
      },
      events,
      onEvents: (result) => {
        eventFailures = result.failed;
        logEvents(logger, result);
      },
    });
    publishRunMetrics(metrics, summary, historyFailures, eventFailures);
    logger.info('run summary', {
      table: summary.table,
      at: summary.at,
      total: summary.total,
      counts: summary.counts,
      peakConcurrency: summary.peakConcurrency,
    });
    return compactSummary(summary);
  } catch (error) {
    logger.error('run failed: no row was reconciled', error instanceof Error ? error : String(error));
    throw error;
  }
}

export { handler, instantOf };
