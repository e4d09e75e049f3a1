import { InvalidNumberError, parseWholeNumber } from '@msf-scaler/commons';
import { DEFAULT_MAX_KPU_PER_APPLICATION } from '@msf-scaler/schema';
import { Defaults, EnvVar } from './constants';
import { ConfigError } from './errors';

type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when it is missing or blank. */
function readString(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The concurrency rule, with the error every shell reports as a configuration error. */
function parseConcurrency(text: string, source: string): number {
  try {
    return parseWholeNumber(text, source, 1, Defaults.MAX_CONCURRENCY);
  } catch (error) {
    if (error instanceof InvalidNumberError) throw new ConfigError(error.message, { cause: error });
    throw error;
  }
}

/** The table name: required (the Lambda's env must name its table), never guessed. */
function requireTableName(env: Env): string {
  const table = readString(env, EnvVar.TABLE);
  if (table === undefined) {
    throw new ConfigError(`${EnvVar.TABLE} is not set; set it to the name of the schedule table`);
  }
  return table;
}

/**
 * Most rows in flight at once: the `--concurrency` flag when given, else `SCALER_CONCURRENCY`,
 * else 32. An invalid value is an error naming its source, never ignored.
 *
 * @example
 * resolveConcurrency({ SCALER_CONCURRENCY: '16' }); // 16
 * resolveConcurrency({ SCALER_CONCURRENCY: '16' }, '4'); // 4
 */
function resolveConcurrency(env: Env, flag?: string): number {
  if (flag !== undefined) return parseConcurrency(flag, '--concurrency');
  const text = readString(env, EnvVar.CONCURRENCY);
  return text === undefined ? Defaults.CONCURRENCY : parseConcurrency(text, EnvVar.CONCURRENCY);
}

/**
 * Most KPU a row may ask for: the `--max-kpu-per-application` flag when given, else
 * `SCALER_MAX_KPU_PER_APPLICATION`, else 64 (MSF's default quota per application). Rows above it
 * are invalid. An invalid value is an error naming its source.
 *
 * @example
 * resolveMaxKpuPerApplication({ SCALER_MAX_KPU_PER_APPLICATION: '128' }); // 128
 */
function resolveMaxKpuPerApplication(env: Env, flag?: string): number {
  const [text, source] =
    flag !== undefined
      ? [flag, '--max-kpu-per-application']
      : [readString(env, EnvVar.MAX_KPU_PER_APPLICATION), EnvVar.MAX_KPU_PER_APPLICATION];
  return text === undefined ? DEFAULT_MAX_KPU_PER_APPLICATION : parseKpuSetting(text, source, Defaults.MAX_KPU_LIMIT);
}

/**
 * Most KPU the table's running applications may hold together: the `--max-total-kpu` flag when
 * given, else `SCALER_MAX_TOTAL_KPU`, else no limit (`undefined`). An invalid value is an error
 * naming its source.
 *
 * @example
 * resolveMaxTotalKpu({ SCALER_MAX_TOTAL_KPU: '400' }); // 400
 */
function resolveMaxTotalKpu(env: Env, flag?: string): number | undefined {
  const [text, source] =
    flag !== undefined ? [flag, '--max-total-kpu'] : [readString(env, EnvVar.MAX_TOTAL_KPU), EnvVar.MAX_TOTAL_KPU];
  return text === undefined ? undefined : parseKpuSetting(text, source, Defaults.MAX_TOTAL_KPU_LIMIT);
}

/** A whole number of KPU from 1 to `max`, or a ConfigError naming `source`. */
function parseKpuSetting(text: string, source: string, max: number): number {
  try {
    return parseWholeNumber(text, source, 1, max);
  } catch (error) {
    if (error instanceof InvalidNumberError) throw new ConfigError(error.message, { cause: error });
    throw error;
  }
}

/** A DynamoDB table name: 3-255 letters, digits, `_`, `.` and `-`. */
const DYNAMODB_TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * The history (audit trail) table: the `--history-table` flag when given, else `HISTORY_TABLE`,
 * else `msf-scaler-history` (the stack's and the local world's default too). A value that is not
 * a DynamoDB table name is an error naming its source, so a typo fails at once instead of every
 * run failing to record its history.
 *
 * @example
 * resolveHistoryTable({}); // 'msf-scaler-history'
 * resolveHistoryTable({ HISTORY_TABLE: 'team-history' }, 'other-history'); // 'other-history'
 */
function resolveHistoryTable(env: Env, flag?: string): string {
  const [text, source] =
    flag !== undefined ? [flag, '--history-table'] : [readString(env, EnvVar.HISTORY_TABLE), EnvVar.HISTORY_TABLE];
  if (text === undefined) return Defaults.HISTORY_TABLE;
  if (!DYNAMODB_TABLE_NAME.test(text)) {
    throw new ConfigError(
      `${source} must be a DynamoDB table name (3-255 letters, digits, _ . -), got ${JSON.stringify(text)}`,
    );
  }
  return text;
}

/**
 * Whether the run publishes its EventBridge events: `SCALER_EVENTS` is `on` or `off` (any case),
 * `on` when unset or blank (the Lambda's default). Any other value is an error naming the variable.
 *
 * @example
 * resolveEvents({}); // true
 * resolveEvents({ SCALER_EVENTS: 'off' }); // false
 */
function resolveEvents(env: Env): boolean {
  const text = readString(env, EnvVar.EVENTS);
  if (text === undefined) return true;
  switch (text.toLowerCase()) {
    case 'on':
      return true;
    case 'off':
      return false;
    default:
      throw new ConfigError(`${EnvVar.EVENTS} must be "on" or "off", got ${JSON.stringify(text)}`);
  }
}

/**
 * The tag the scaler's role requires on applications, from `SCALER_REQUIRED_TAG` (set by the
 * stack when its `requiredTag` option is on), as a spreadable option.
 *
 * @example
 * runScaler({ ...optionalRequiredTag(process.env), clients, table, instant });
 */
function optionalRequiredTag(env: Env): { readonly requiredTag?: string } {
  const tag = readString(env, EnvVar.REQUIRED_TAG);
  return tag === undefined ? {} : { requiredTag: tag };
}

/**
 * Parses an ISO-8601 instant. A time without `Z` or an offset is rejected: it would mean
 * a different instant on every machine.
 *
 * @example
 * parseInstant('2026-11-27T20:00:00Z', '--at'); // Date
 */
function parseInstant(text: string, source: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
  const instant = new Date(text);
  if (!iso.test(text.trim()) || Number.isNaN(instant.getTime())) {
    throw new ConfigError(
      `${source} must be an ISO-8601 instant with a zone, such as 2026-11-27T20:00:00Z or 2026-11-27T21:00:00+01:00; got "${text}"`,
    );
  }
  return instant;
}

export type { Env };
export {
  optionalRequiredTag,
  parseInstant,
  readString,
  requireTableName,
  resolveConcurrency,
  resolveEvents,
  resolveHistoryTable,
  resolveMaxKpuPerApplication,
  resolveMaxTotalKpu,
};
