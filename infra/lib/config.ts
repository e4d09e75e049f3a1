import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN } from '@msf-scaler/schema';
import { DEFAULT_HEARTBEAT_HOURS, DEFAULT_SCHEDULE, DEFAULT_TABLE_NAME, MAX_HEARTBEAT_HOURS } from './constants';
import { ScalerConfigError } from './errors';
import { longestRunGap, RATE_PATTERN } from './schedule-gap';

/**
 * The CDK context keys the app reads, once, in `bin/app.ts`. Pass them with
 * `pnpm cdk deploy -c key=value` or set them under `"context"` in `infra/cdk.json`.
 *
 * | Key             | Type    | Default                 | Meaning |
 * |-----------------|---------|-------------------------|---------|
 * | `tableName`     | string  | `msf-scaler-schedules`  | Name of the schedule table (3-255 of `a-z A-Z 0-9 _ . -`). |
 * | `importTable`   | boolean | `false`                 | `true`: the table named `tableName` already exists (for example kept by an earlier `cdk destroy`); use it instead of creating it. |
 * | `schedule`      | string  | `cron(0 * * * ? *)`     | EventBridge expression for the runs, `cron(...)` (6 fields, UTC) or `rate(...)`. |
 * | `appNamePrefix` | string  | none (all applications) | Only MSF applications whose names start with it may be described or updated (IAM). MSF name characters only: `a-z A-Z 0-9 _ . -`. |
 * | `alarmEmail`    | string  | none                    | E-mail address subscribed to the alarm topic (confirm the subscription mail). |
 * | `heartbeatHours`| number  | `2`                     | Whole hours without a completed run before the `ScalerNotRunning` alarm goes off, 1-24; `0` turns it off. Must be at least the longest time between two runs of `schedule`. |
 *
 * @example
 * ```sh
 * pnpm cdk deploy -c alarmEmail=ops@example.com -c appNamePrefix=orders-
 * pnpm cdk deploy -c importTable=true   # reuse the table kept by an earlier destroy
 * ```
 */
export const CONTEXT_KEYS = [
  'tableName',
  'importTable',
  'schedule',
  'appNamePrefix',
  'alarmEmail',
  'heartbeatHours',
] as const;

/** One of {@link CONTEXT_KEYS}. */
export type ContextKey = (typeof CONTEXT_KEYS)[number];

/** The validated configuration read from the CDK context, defaults applied. */
export interface ScalerConfig {
  /** @default 'msf-scaler-schedules' */
  readonly tableName: string;
  /** @default false */
  readonly importTable: boolean;
  /** @default 'cron(0 * * * ? *)' */
  readonly schedule: string;
  /** @default - no prefix: every application in the account and region */
  readonly appNamePrefix?: string;
  /** @default - no subscription */
  readonly alarmEmail?: string;
  /** @default 2 */
  readonly heartbeatHours: number;
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
// Deliberately loose: one @, no spaces, a dot in the domain. SNS sends a confirmation mail,
// which is the real check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Says what is wrong with an EventBridge schedule expression, or `undefined` when it is
 * valid. Checks what EventBridge checks on deploy, so a typo fails at synth instead.
 *
 * @example
 * ```ts
 * describeScheduleProblem('cron(0 * * * ? *)'); // undefined
 * describeScheduleProblem('hourly'); // 'must start with "cron(" or "rate(" ...'
 * ```
 */
export function describeScheduleProblem(expression: string): string | undefined {
  if (!expression.startsWith('cron(') && !expression.startsWith('rate(')) {
    return `must start with "cron(" or "rate(", got "${expression}"`;
  }
  if (!expression.endsWith(')')) {
    return `must end with ")", got "${expression}"`;
  }
  if (expression.startsWith('cron(')) {
    const fields = expression.slice('cron('.length, -1).trim().split(/\s+/);
    if (fields.length !== 6) {
      return `must have 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length} in "${expression}"`;
    }
    // EventBridge refuses a cron expression that sets both day fields.
    if (fields[2] !== '?' && fields[4] !== '?') {
      return `must use "?" in day-of-month or day-of-week (EventBridge cannot set both), got "${expression}"`;
    }
    return undefined;
  }
  const rate = RATE_PATTERN.exec(expression);
  const value = Number(rate?.[1]);
  if (!rate || value < 1) {
    return `must look like "rate(<n> minute|minutes|hour|hours|day|days)" with n >= 1, got "${expression}"`;
  }
  // EventBridge wants "rate(1 hour)" but "rate(2 hours)".
  const plural = rate[2]?.endsWith('s') ?? false;
  if ((value === 1) === plural) {
    return `must use a singular unit for 1 and a plural unit otherwise, got "${expression}"`;
  }
  return undefined;
}

/** Says what is wrong with a DynamoDB table name, or `undefined` when it is valid. */
export function describeTableNameProblem(name: string): string | undefined {
  return TABLE_NAME.test(name) ? undefined : `must be 3-255 characters of a-z A-Z 0-9 _ . -, got "${name}"`;
}

/**
 * Says what is wrong with an MSF application-name prefix, or `undefined` when it is valid.
 * The prefix goes into an IAM resource ARN, so only MSF name characters are allowed.
 */
export function describeAppNamePrefixProblem(prefix: string): string | undefined {
  // Anything but MSF name characters (`*`, `?`, `/`) would widen or break the IAM resource.
  return APP_NAME_PATTERN.test(prefix) && prefix.length <= APP_NAME_MAX_LENGTH
    ? undefined
    : `must be 1-${APP_NAME_MAX_LENGTH} characters of a-z A-Z 0-9 _ . - (the characters of an MSF application name), got "${prefix}"`;
}

/** Says what is wrong with an e-mail address, or `undefined` when it looks like one. */
export function describeEmailProblem(email: string): string | undefined {
  return EMAIL.test(email) ? undefined : `must be an e-mail address such as ops@example.com, got "${email}"`;
}

const HEARTBEAT_HOURS_RULE = `must be a whole number of hours from 1 to ${MAX_HEARTBEAT_HOURS}, or 0 to turn the ScalerNotRunning alarm off`;

/**
 * Says what is wrong with a `heartbeatHours` value, or `undefined` when it is valid: a whole
 * number of hours from 1 to 24, or 0 (no `ScalerNotRunning` alarm).
 */
export function describeHeartbeatHoursProblem(hours: number): string | undefined {
  return Number.isInteger(hours) && hours >= 0 && hours <= MAX_HEARTBEAT_HOURS
    ? undefined
    : `${HEARTBEAT_HOURS_RULE}, got ${hours}`;
}

/** Why a valid `heartbeatHours` does not fit a valid schedule, see {@link findHeartbeatMismatch}. */
export interface HeartbeatMismatch {
  /** What is wrong with the schedule, as `schedule "..." leaves ...` (callers name the value and word the fix). */
  readonly problem: string;
  /** The smallest `heartbeatHours` that fits the schedule; 0 (the alarm off) when no value up to 24 does. */
  readonly smallestFit: number;
}

const inHours = (minutes: number): string =>
  minutes % 60 !== 0 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`;

/**
 * Checks that the `ScalerNotRunning` alarm would stay quiet while `schedule` runs as planned:
 * `heartbeatHours` must be at least the longest time between two runs. `undefined` when it
 * is, when the alarm is off (0), or when the gap cannot be told for certain (see
 * `longestRunGap`: every `rate(...)`, and `cron(...)` of plain numbers, names, lists,
 * ranges and steps); then the schedule is accepted.
 *
 * @param heartbeatHours - a value {@link describeHeartbeatHoursProblem} accepts
 * @param schedule - an expression {@link describeScheduleProblem} accepts
 *
 * @example
 * ```ts
 * findHeartbeatMismatch(2, 'cron(0 * * * ? *)'); // undefined
 * findHeartbeatMismatch(2, 'cron(0 8 * * ? *)')?.smallestFit; // 24
 * ```
 */
export function findHeartbeatMismatch(heartbeatHours: number, schedule: string): HeartbeatMismatch | undefined {
  if (heartbeatHours === 0) {
    return undefined;
  }
  const gap = longestRunGap(schedule);
  if (gap === undefined || (gap.kind === 'minutes' && gap.minutes <= heartbeatHours * 60)) {
    return undefined;
  }
  const start = `schedule "${schedule}"`;
  const cannotWait = `the ${MAX_HEARTBEAT_HOURS} hours the ScalerNotRunning alarm can wait at most`;
  if (gap.kind === 'skipsDays') {
    return {
      problem: `${start} does not run every day: it leaves more than ${cannotWait} between two runs`,
      smallestFit: 0,
    };
  }
  const hours = Math.ceil(gap.minutes / 60);
  const gapText = `${start} leaves up to ${inHours(gap.minutes)} between two runs`;
  return hours > MAX_HEARTBEAT_HOURS
    ? { problem: `${gapText}, more than ${cannotWait}`, smallestFit: 0 }
    : { problem: `${gapText}, so the ScalerNotRunning alarm would go off between runs`, smallestFit: hours };
}

/** The values of `heartbeatHours` that fix a {@link HeartbeatMismatch}, in words. */
export function heartbeatFix(mismatch: HeartbeatMismatch): string {
  const { smallestFit } = mismatch;
  if (smallestFit === 0) {
    return '0 (turns the alarm off)';
  }
  return `${smallestFit === MAX_HEARTBEAT_HOURS ? smallestFit : `${smallestFit} to ${MAX_HEARTBEAT_HOURS}`} (or 0 to turn the alarm off)`;
}

const EXAMPLES: Readonly<Record<ContextKey, string>> = {
  tableName: DEFAULT_TABLE_NAME,
  importTable: 'true',
  schedule: `'${DEFAULT_SCHEDULE}'`,
  appNamePrefix: 'orders-',
  alarmEmail: 'ops@example.com',
  heartbeatHours: String(DEFAULT_HEARTBEAT_HOURS),
};

function problemFor(key: ContextKey, what: string): string {
  return (
    `Context "${key}" ${what}. Fix: pass -c ${key}=${EXAMPLES[key]} to pnpm cdk, ` +
    `or set "${key}" under "context" in infra/cdk.json (remove it to use the default).`
  );
}

/**
 * Reads and validates the scaler's settings from the CDK context (see {@link CONTEXT_KEYS}).
 *
 * Values given with `-c` arrive as strings; values from `cdk.json` may be JSON booleans.
 * Every problem is collected first, so one run shows them all. A key that differs from a
 * known key only in case (`alarmemail`) is reported too, since CDK would silently ignore it,
 * and so is a `heartbeatHours` shorter than the gaps of `schedule` ({@link findHeartbeatMismatch}).
 *
 * @param context - all context values, e.g. `app.node.getAllContext()`
 * @throws {ScalerConfigError} listing each invalid key, what is wrong and how to fix it
 *
 * @example
 * ```ts
 * const app = new App();
 * const config = readScalerConfig(app.node.getAllContext());
 * new ScalerStack(app, 'MsfScheduledScaler', config);
 * ```
 */
export function readScalerConfig(context: Readonly<Record<string, unknown>>): ScalerConfig {
  const problems: string[] = [];

  for (const key of Object.keys(context)) {
    const known = CONTEXT_KEYS.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (known !== undefined && known !== key) {
      problems.push(`Context "${key}" is not a known key. Fix: did you mean "${known}"? Keys are case-sensitive.`);
    }
  }

  const readString = (key: ContextKey, describeProblem: (value: string) => string | undefined): string | undefined => {
    const raw = context[key];
    if (raw === undefined) {
      return undefined;
    }
    if (typeof raw !== 'string') {
      problems.push(problemFor(key, `must be a string, got ${JSON.stringify(raw)}`));
      return undefined;
    }
    const value = raw.trim();
    if (value === '') {
      problems.push(problemFor(key, 'is empty'));
      return undefined;
    }
    const problem = describeProblem(value);
    if (problem !== undefined) {
      problems.push(problemFor(key, problem));
      return undefined;
    }
    return value;
  };

  const readBoolean = (key: ContextKey): boolean | undefined => {
    const raw = context[key];
    if (raw === undefined || typeof raw === 'boolean') {
      return raw;
    }
    if (raw === 'true' || raw === 'false') {
      return raw === 'true';
    }
    problems.push(problemFor(key, `must be true or false, got ${JSON.stringify(raw)}`));
    return undefined;
  };

  const readHeartbeatHours = (key: ContextKey): number | undefined => {
    const raw = context[key];
    if (raw === undefined) {
      return undefined;
    }
    // -c gives "3"; cdk.json may give 3.
    const hours = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof hours !== 'number' || describeHeartbeatHoursProblem(hours) !== undefined) {
      problems.push(problemFor(key, `${HEARTBEAT_HOURS_RULE}, got ${JSON.stringify(raw)}`));
      return undefined;
    }
    return hours;
  };

  const tableName = readString('tableName', describeTableNameProblem);
  const importTable = readBoolean('importTable');
  const schedule = readString('schedule', describeScheduleProblem);
  const appNamePrefix = readString('appNamePrefix', describeAppNamePrefixProblem);
  const alarmEmail = readString('alarmEmail', describeEmailProblem);
  const heartbeatHours = readHeartbeatHours('heartbeatHours');

  // Only when both keys are valid (or unset, so the default): an invalid one is reported above.
  if (
    (heartbeatHours !== undefined || context.heartbeatHours === undefined) &&
    (schedule !== undefined || context.schedule === undefined)
  ) {
    const mismatch = findHeartbeatMismatch(heartbeatHours ?? DEFAULT_HEARTBEAT_HOURS, schedule ?? DEFAULT_SCHEDULE);
    if (mismatch !== undefined) {
      problems.push(
        `Context "heartbeatHours" is ${heartbeatHours ?? `${DEFAULT_HEARTBEAT_HOURS} (the default)`}, but ` +
          `${mismatch.problem}. Fix: set it to ${heartbeatFix(mismatch)}: pass ` +
          `-c heartbeatHours=${mismatch.smallestFit} to pnpm cdk, or set "heartbeatHours" under "context" in ` +
          'infra/cdk.json; or choose a schedule that runs more often.',
      );
    }
  }

  if (problems.length > 0) {
    throw new ScalerConfigError(problems);
  }
  return {
    tableName: tableName ?? DEFAULT_TABLE_NAME,
    importTable: importTable ?? false,
    schedule: schedule ?? DEFAULT_SCHEDULE,
    ...(appNamePrefix === undefined ? {} : { appNamePrefix }),
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    heartbeatHours: heartbeatHours ?? DEFAULT_HEARTBEAT_HOURS,
  };
}
