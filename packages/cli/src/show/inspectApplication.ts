import {
  type ApplicationsPort,
  type AppSnapshot,
  createMsfApplications,
  describeScaling,
  describeSchedule,
  evaluateSchedule,
  MsfCallError,
  nextChanges,
  optionalRequiredTag,
  readScheduleItems,
  recentScalings,
  type ScalerClients,
  simulateSchedule,
} from '@msf-scaler/scaler';
import {
  CALENDAR_PREFIX,
  type CalendarParseResult,
  calendarsByName,
  parseCalendarItem,
  parseRow,
  type RowIssue,
} from '@msf-scaler/schema';

/** How many upcoming changes `show` lists. */
const NEXT_CHANGES = 3;
/** How many of the application's latest scalings `show` asks MSF about. */
const RECENT_SCALINGS = 3;
/** Hours of the timeline `show` draws: seven days from the current hour. */
const TIMELINE_HOURS = 7 * 24;
const HOUR_MS = 3_600_000;

/** One upcoming change of the target, in UTC and in the row's zone. */
interface ShownChange {
  readonly at: string;
  readonly localTime: string;
  readonly targetKPU: number;
  readonly rule: string;
}

/** One recent UpdateApplication, as MSF tells it now. */
interface ShownScaling {
  readonly operationId: string;
  readonly status: string;
  readonly startTime: string;
  readonly endTime?: string;
  readonly parallelism?: number;
  readonly errorString?: string;
  readonly rollbackOperationId?: string;
  /** In words: `updated to 8 KPU (parallelism 8): started ..., finished ...`. */
  readonly text: string;
}

/** Everything `show APP` knows about one application: what is stored, what MSF says, what comes next. */
interface Inspection {
  readonly appName: string;
  readonly table: string;
  readonly at: string;
  /** The raw row as stored; absent when the table has none for this name. */
  readonly row?: Readonly<Record<string, unknown>>;
  readonly valid: boolean;
  readonly enabled?: boolean;
  readonly schedule?: string;
  readonly issues: readonly RowIssue[];
  readonly warnings: readonly string[];
  readonly application?: AppSnapshot;
  /** Why the application could not be described (not found, access denied, ...). */
  readonly applicationError?: string;
  readonly now?: { readonly targetKPU: number; readonly rule: string; readonly localTime: string };
  readonly nextChanges: readonly ShownChange[];
  /** The target of each hour for seven days from the start of the current hour (UTC). */
  readonly timeline?: { readonly start: string; readonly targets: readonly number[] };
  readonly scalings: readonly ShownScaling[];
  /** Why MSF's operation history could not be read. */
  readonly scalingsError?: string;
}

/** What {@link inspectApplication} needs. */
interface InspectRequest {
  readonly appName: string;
  readonly table: string;
  readonly instant: Date;
  readonly maxKPUPerApplication: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function messageOf(error: unknown): string {
  if (error instanceof MsfCallError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * How the application's latest UpdateApplication operations ended, asked of MSF now (a List and
 * two calls per operation), or why MSF could not be asked. Never throws.
 *
 * @example
 * const { scalings, error } = await askScalings(createMsfApplications(client), snapshot);
 */
async function askScalings(
  applications: ApplicationsPort,
  application: AppSnapshot,
): Promise<{ readonly scalings: readonly ShownScaling[]; readonly error?: string }> {
  try {
    const attempts = await recentScalings(applications, application.name, RECENT_SCALINGS);
    return {
      scalings: attempts.map((attempt) => ({
        operationId: attempt.operationId,
        status: attempt.status,
        startTime: attempt.startTime.toISOString(),
        ...(attempt.endTime === undefined ? {} : { endTime: attempt.endTime.toISOString() }),
        ...(attempt.parallelism === undefined ? {} : { parallelism: attempt.parallelism }),
        ...(attempt.errorString === undefined ? {} : { errorString: attempt.errorString }),
        ...(attempt.rollbackOperationId === undefined ? {} : { rollbackOperationId: attempt.rollbackOperationId }),
        text: describeScaling(attempt, application.parallelismPerKPU),
      })),
    };
  } catch (error) {
    return { scalings: [], error: messageOf(error) };
  }
}

/**
 * Reads one row and the calendars it names from the table, describes its application and asks
 * MSF how its latest scalings ended, then evaluates the schedule now and finds the next changes.
 * Only the table read may throw (ScheduleTableError); MSF failures are part of the answer.
 *
 * @example
 * const inspection = await inspectApplication(clients, { appName: 'orders-enricher', table, instant, maxKPUPerApplication: 64, env });
 */
async function inspectApplication(clients: ScalerClients, request: InspectRequest): Promise<Inspection> {
  const { appName, table, instant } = request;
  const base = { appName, table, at: instant.toISOString(), nextChanges: [], scalings: [] };
  const items = await readScheduleItems(clients.dynamodb, table, [appName]);
  const raw = items.get(appName);
  if (raw === undefined) return { ...base, valid: false, issues: [], warnings: [] };
  const parsed = parseRow(raw, 0, { maxKPUPerApplication: request.maxKPUPerApplication });
  const warnings = parsed.warnings.map((warning) => warning.message);
  if (!parsed.ok) return { ...base, row: raw, valid: false, issues: parsed.issues, warnings };
  const { row } = parsed;

  const names = row.calendars ?? [];
  const calendarItems = await readScheduleItems(
    clients.dynamodb,
    table,
    names.map((name) => `${CALENDAR_PREFIX}${name}`),
  );
  const results: CalendarParseResult[] = [...calendarItems.values()].map((item, position) =>
    parseCalendarItem(item, position),
  );
  const calendars = calendarsByName(results);
  const evaluation = evaluateSchedule(row, calendars, instant);
  const changes = nextChanges(row, calendars, instant, NEXT_CHANGES).map((change) => ({
    at: change.at.toISOString(),
    localTime: evaluateSchedule(row, calendars, change.at).localTime,
    targetKPU: change.targetKPU,
    rule: change.rule,
  }));

  const timelineStart = new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
  const { targets } = simulateSchedule(row, calendars, timelineStart, TIMELINE_HOURS);

  const applications = createMsfApplications(clients.msf, optionalRequiredTag(request.env));
  let application: AppSnapshot | undefined;
  let applicationError: string | undefined;
  try {
    application = await applications.describe(appName);
  } catch (error) {
    applicationError = messageOf(error);
  }
  const asked = application === undefined ? undefined : await askScalings(applications, application);
  const scalings = asked?.scalings ?? [];
  const scalingsError = asked?.error;
  return {
    ...base,
    row: raw,
    valid: true,
    enabled: row.enabled,
    schedule: describeSchedule(row),
    issues: [],
    warnings: [...warnings, ...evaluation.warnings.map((warning) => warning.message)],
    ...(application === undefined ? {} : { application }),
    ...(applicationError === undefined ? {} : { applicationError }),
    now: { targetKPU: evaluation.targetKPU, rule: evaluation.rule, localTime: evaluation.localTime },
    nextChanges: changes,
    timeline: { start: timelineStart.toISOString(), targets },
    scalings,
    ...(scalingsError === undefined ? {} : { scalingsError }),
  };
}

export type { Inspection, InspectRequest, ShownChange, ShownScaling };
export { askScalings, inspectApplication, NEXT_CHANGES, RECENT_SCALINGS };
