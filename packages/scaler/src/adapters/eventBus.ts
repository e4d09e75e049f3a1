import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type EventPublishResult, type EventsPort, type ScalerEvent } from '../run/events';
import { errorMessage, errorName, sleep, within } from './calls';

/**
 * Every EventBridge action a run makes, sorted: the scaler role's IAM policy allows exactly
 * these (as `events:<name>`) on the default event bus, with a condition on the source.
 */
const EVENTBRIDGE_ACTIONS = ['PutEvents'] as const;

/** The event bus the scaler publishes on: the account's default bus. */
const DEFAULT_EVENT_BUS = 'default';

/** Most entries in one PutEvents call (EventBridge's limit). */
const PUT_EVENTS_BATCH = 10;

/** Options of {@link createEventBus}. */
interface EventBusOptions {
  /** The real time in epoch milliseconds: the deadline is read on it. @default Date.now */
  readonly clock?: () => number;
  /** Calls per batch: the first, then retries of the entries EventBridge failed. @default 3 */
  readonly maxAttempts?: number;
  /** Wait before the first retry of failed entries, doubled for each further one. @default 50 */
  readonly retryDelayMs?: number;
}

/** Published and not published events of one batch, and why. */
interface BatchResult {
  readonly published: number;
  readonly failed: number;
  readonly problem?: string;
}

/** The name of the error a call gets when the run's time for events is up. */
const OUT_OF_TIME = 'EventsDeadlineExceeded';

/** Why a PutEvents call failed, with the fix for the usual causes. */
function publishProblem(error: unknown, budgetMs: number): string {
  const name = errorName(error);
  const detail = errorMessage(error);
  switch (name) {
    case 'AccessDeniedException':
      return `${name}: ${detail}; grant events:PutEvents on the default event bus, with events:source "${EVENT_SOURCE}", to the scaler's role`;
    case OUT_OF_TIME:
    case 'AbortError':
      return `not published within the ${budgetMs} ms a run gives its events (${detail}); EventBridge or its endpoint is slow or unreachable`;
    default:
      return `${name}: ${detail}; check the region, credentials and endpoint the scaler uses`;
  }
}

/** The PutEvents entry of an event, on the default bus. */
function toEntry(event: ScalerEvent): PutEventsRequestEntry {
  return {
    Source: EVENT_SOURCE,
    DetailType: event.detailType,
    Detail: event.detail,
    Time: new Date(event.time),
    EventBusName: DEFAULT_EVENT_BUS,
  };
}

/**
 * The EventBridge adapter: publishes a run's events on the default bus with PutEvents, 10
 * entries per call, and retries the entries EventBridge failed (`FailedEntryCount`, throttling
 * or an internal failure) with a doubling wait, at most `maxAttempts` calls per batch. Nothing
 * is sent after `deadline`: a call still open then is aborted. It never rejects: what was not
 * published is counted, with why.
 *
 * @example
 * const bus = createEventBus(new EventBridgeClient({}));
 * const result = await bus.publish(scalerEvents(summary, runId), Date.now() + 5_000);
 */
function createEventBus(client: EventBridgeClient, options: EventBusOptions = {}): EventsPort {
  const clock = options.clock ?? Date.now;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 50;

  async function publishBatch(
    entries: readonly PutEventsRequestEntry[],
    deadline: number,
    budgetMs: number,
  ): Promise<BatchResult> {
    let pending = entries;
    for (let attempt = 1; ; attempt += 1) {
      const left = deadline - clock();
      if (left <= 0) {
        return {
          published: entries.length - pending.length,
          failed: pending.length,
          problem: `not published within the ${budgetMs} ms a run gives its events; EventBridge is slow or throttled`,
        };
      }
      let output: PutEventsCommandOutput;
      try {
        output = await within(
          left,
          (abortSignal) => client.send(new PutEventsCommand({ Entries: [...pending] }), { abortSignal }),
          OUT_OF_TIME,
        );
      } catch (error) {
        return {
          published: entries.length - pending.length,
          failed: pending.length,
          problem: publishProblem(error, budgetMs),
        };
      }
      // The result entries are in the order of the request's: a failed one has an ErrorCode.
      const results = output.Entries ?? [];
      const failedCodes: string[] = [];
      const failed = pending.filter((_, index) => {
        const code = results[index]?.ErrorCode;
        if (code !== undefined && code !== '') failedCodes.push(code);
        return code !== undefined && code !== '';
      });
      pending = (output.FailedEntryCount ?? 0) === 0 ? [] : failed;
      if (pending.length === 0) return { published: entries.length, failed: 0 };
      if (attempt >= maxAttempts) {
        return {
          published: entries.length - pending.length,
          failed: pending.length,
          problem:
            `EventBridge failed ${pending.length} entr${pending.length === 1 ? 'y' : 'ies'} after ${maxAttempts} attempts ` +
            `(${[...new Set(failedCodes)].join(', ')}); later runs publish their own events`,
        };
      }
      // Failed entries are mostly throttling or internal failures: back off, within the deadline.
      const wait = Math.min(retryDelayMs * 2 ** (attempt - 1), deadline - clock());
      if (wait > 0) await sleep(wait);
    }
  }

  return {
    bus: DEFAULT_EVENT_BUS,
    async publish(events, deadline) {
      const budgetMs = Math.max(0, Math.round(deadline - clock()));
      const entries = events.map(toEntry);
      let published = 0;
      let failed = 0;
      let problem: string | undefined;
      // One batch after the other: a run has few events, and order is kept for readers.
      for (let start = 0; start < entries.length; start += PUT_EVENTS_BATCH) {
        const result = await publishBatch(entries.slice(start, start + PUT_EVENTS_BATCH), deadline, budgetMs);
        published += result.published;
        failed += result.failed;
        problem ??= result.problem;
      }
      const result: EventPublishResult = {
        bus: DEFAULT_EVENT_BUS,
        published,
        failed,
        ...(problem === undefined ? {} : { problem }),
      };
      return result;
    },
  };
}

export type { EventBusOptions };
export { createEventBus, DEFAULT_EVENT_BUS, EVENTBRIDGE_ACTIONS, PUT_EVENTS_BATCH };
