import {
  DEFAULT_HEARTBEAT_HOURS,
  DEFAULT_HISTORY_TABLE_NAME,
  DEFAULT_SCHEDULE,
  DEFAULT_TABLE_NAME,
} from '../lib/constants';
import { type ConfigProblem, throwOnProblems } from '../lib/errors';
import type { ScalerStackProps } from '../lib/scaler-stack';

/**
 * The CDK context keys the app reads, once, in `bin/app.ts`. Pass them with
 * `pnpm cdk deploy -c key=value` or set them under `"context"` in `infra/cdk.json`. Each key
 * is the {@link ScalerStackProps} prop of the same name; the construct that gets it checks
 * its value.
 *
 * | Key             | Type    | Default                 | Meaning |
 * |-----------------|---------|-------------------------|---------|
 * | `tableName`     | string  | `msf-scaler-schedules`  | Name of the schedule table (3-255 of `a-z A-Z 0-9 _ . -`). |
 * | `importTable`   | boolean | `false`                 | `true`: the table named `tableName` already exists (for example kept by an earlier `cdk destroy`); use it instead of creating it. |
 * | `historyTableName` | string | `msf-scaler-history` | Name of the history table, the scaler's audit trail (3-255 of `a-z A-Z 0-9 _ . -`). |
 * | `importHistoryTable` | boolean | `false`            | `true`: the history table named `historyTableName` already exists (kept by an earlier `cdk destroy`); use it instead of creating it. |
 * | `schedule`      | string  | `cron(0 * * * ? *)`     | EventBridge expression for the runs, `cron(...)` (6 fields, UTC) or `rate(...)`. |
 * | `appNamePrefix` | string  | none (all applications) | Only MSF applications whose names start with it may be described or updated (IAM). MSF name characters only: `a-z A-Z 0-9 _ . -`. |
 * | `alarmEmail`    | string  | none                    | E-mail address subscribed to the alarm topic (confirm the subscription mail). |
 * | `heartbeatHours`| number  | `2`                     | Whole hours without a completed run before the `ScalerNotRunning` alarm goes off, 1-24; `0` turns it off. Must be at least the longest time between two runs of `schedule`. |
 * | `maxKPUPerApplication` | number | `64`           | Most KPU a schedule row may ask for (MSF's default quota per application); rows above it are invalid. Raise it with the quota. |
 * | `maxTotalKPU`   | number  | none (no limit)         | Most KPU the table's running applications may hold together; scale-ups that would cross it are refused with a reason, scale-downs always go through. |
 * | `requiredTag`   | string  | none (no tag condition) | `key=value`, e.g. `msf-scaler=managed`: only MSF applications carrying this tag may be described or updated (IAM `aws:ResourceTag/<key>`). Key 1-128, value 0-256 of letters, digits, spaces and `_ . : / = + - @`. |
 *
 * @example
 * ```sh
 * pnpm cdk deploy -c alarmEmail=ops@example.com -c appNamePrefix=orders-
 * pnpm cdk deploy -c importTable=true -c importHistoryTable=true   # reuse the tables kept by an earlier destroy
 * ```
 */
const CONTEXT_KEYS = [
  'tableName',
  'importTable',
  'historyTableName',
  'importHistoryTable',
  'schedule',
  'appNamePrefix',
  'alarmEmail',
  'heartbeatHours',
  'maxKPUPerApplication',
  'maxTotalKPU',
  'requiredTag',
] as const satisfies readonly (keyof ScalerStackProps)[];

/** One of {@link CONTEXT_KEYS}. */
type ContextKey = (typeof CONTEXT_KEYS)[number];

/** The settings the context sets, typed; a key that is not set is left out (its default applies). */
type ScalerContext = Pick<ScalerStackProps, ContextKey>;

/** A value of each key, shown in the fix of a problem that has no better one. */
const CONTEXT_EXAMPLES: Readonly<Record<ContextKey, string>> = {
  tableName: DEFAULT_TABLE_NAME,
  importTable: 'true',
  historyTableName: DEFAULT_HISTORY_TABLE_NAME,
  importHistoryTable: 'true',
  schedule: `'${DEFAULT_SCHEDULE}'`,
  appNamePrefix: 'orders-',
  alarmEmail: 'ops@example.com',
  heartbeatHours: String(DEFAULT_HEARTBEAT_HOURS),
  maxKPUPerApplication: '128',
  maxTotalKPU: '400',
  requiredTag: 'msf-scaler=managed',
};

function isContextKey(key: string): key is ContextKey {
  return (CONTEXT_KEYS as readonly string[]).includes(key);
}

/**
 * Reads the scaler's settings from the CDK context (see {@link CONTEXT_KEYS}) and types them;
 * their values are checked by the constructs they go to.
 *
 * Values given with `-c` arrive as strings (trimmed here); values from `cdk.json` may be JSON
 * booleans and numbers. Every problem is collected first, so one run shows them all. A key
 * that differs from a known key only in case (`alarmemail`) is reported too, since CDK would
 * silently ignore it.
 *
 * @param context - all context values, e.g. `app.node.getAllContext()`
 * @throws {ScalerConfigError} naming each key of the wrong type
 *
 * @example
 * ```ts
 * const app = new App();
 * new ScalerStack(app, 'MsfScheduledScaler', readScalerContext(app.node.getAllContext()));
 * ```
 */
function readScalerContext(context: Readonly<Record<string, unknown>>): ScalerContext {
  const problems: ConfigProblem[] = [];

  for (const key of Object.keys(context)) {
    const known = CONTEXT_KEYS.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (known !== undefined && known !== key) {
      problems.push({
        setting: key,
        problem: `is not a known key. Fix: did you mean "${known}"? Keys are case-sensitive`,
      });
    }
  }

  function readString(key: ContextKey): string | undefined {
    const raw = context[key];
    if (raw === undefined) {
      return undefined;
    }
    if (typeof raw !== 'string') {
      problems.push({ setting: key, problem: `must be a string, got ${JSON.stringify(raw)}` });
      return undefined;
    }
    const value = raw.trim();
    if (value === '') {
      problems.push({ setting: key, problem: 'is empty' });
      return undefined;
    }
    return value;
  }

  function readBoolean(key: ContextKey): boolean | undefined {
    const raw = context[key];
    if (raw === undefined || typeof raw === 'boolean') {
      return raw;
    }
    if (raw === 'true' || raw === 'false') {
      return raw === 'true';
    }
    problems.push({ setting: key, problem: `must be true or false, got ${JSON.stringify(raw)}` });
    return undefined;
  }

  function readNumber(key: ContextKey): number | undefined {
    const raw = context[key];
    if (raw === undefined || typeof raw === 'number') {
      return raw;
    }
    // -c gives "3"; cdk.json may give 3.
    const text = typeof raw === 'string' ? raw.trim() : undefined;
    if (text === '') {
      problems.push({ setting: key, problem: 'is empty' });
      return undefined;
    }
    if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) {
      problems.push({ setting: key, problem: `must be a number, got ${JSON.stringify(raw)}` });
      return undefined;
    }
    return Number(text);
  }

  const tableName = readString('tableName');
  const importTable = readBoolean('importTable');
  const historyTableName = readString('historyTableName');
  const importHistoryTable = readBoolean('importHistoryTable');
  const schedule = readString('schedule');
  const appNamePrefix = readString('appNamePrefix');
  const alarmEmail = readString('alarmEmail');
  const heartbeatHours = readNumber('heartbeatHours');
  const maxKPUPerApplication = readNumber('maxKPUPerApplication');
  const maxTotalKPU = readNumber('maxTotalKPU');
  const requiredTag = readString('requiredTag');

  throwOnProblems(problems);
  return {
    ...(tableName === undefined ? {} : { tableName }),
    ...(importTable === undefined ? {} : { importTable }),
    ...(historyTableName === undefined ? {} : { historyTableName }),
    ...(importHistoryTable === undefined ? {} : { importHistoryTable }),
    ...(schedule === undefined ? {} : { schedule }),
    ...(appNamePrefix === undefined ? {} : { appNamePrefix }),
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    ...(heartbeatHours === undefined ? {} : { heartbeatHours }),
    ...(maxKPUPerApplication === undefined ? {} : { maxKPUPerApplication }),
    ...(maxTotalKPU === undefined ? {} : { maxTotalKPU }),
    ...(requiredTag === undefined ? {} : { requiredTag }),
  };
}

/**
 * A problem as a context key's, with where to fix it, e.g. `Context "schedule" must end with
 * ")", got "cron(0 * * * ? *". Fix: pass -c schedule='cron(0 * * * ? *)' to pnpm cdk, ...`.
 * The construct problems (`ScalerConfigError` from the stack) read the same with this, since
 * each prop has the name of its key.
 */
function describeContextProblem({ setting, problem, fits }: ConfigProblem): string {
  const stated = `Context "${setting}" ${problem}.`;
  if (!isContextKey(setting)) {
    return stated;
  }
  const where = `pass -c ${setting}=${fits ?? CONTEXT_EXAMPLES[setting]} to pnpm cdk, or set "${setting}" under "context" in infra/cdk.json`;
  // A value wrong on its own is also fixed by leaving it out; one that does not fit another setting has its own fix.
  return `${stated} Fix: ${where}${fits === undefined ? ' (remove it to use the default)' : ''}.`;
}

export type { ContextKey, ScalerContext };
export { CONTEXT_KEYS, describeContextProblem, readScalerContext };
