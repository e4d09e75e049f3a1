import { Defaults, EnvVar } from './constants';
import { ConfigError } from './errors';

type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when it is missing or blank. */
function readString(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Parses a whole number in [min, max]; `source` names where it came from
 * (`--concurrency`, `SCALER_CONCURRENCY`) so the error says what to fix.
 */
function parseBoundedInt(text: string, source: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${source} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** The table name: required (the Lambda's env must name its table), never guessed. */
function requireTableName(env: Env): string {
  const table = readString(env, EnvVar.TABLE);
  if (table === undefined) {
    throw new ConfigError(`${EnvVar.TABLE} is not set; set it to the name of the schedule table`);
  }
  return table;
}

/** Row concurrency from `SCALER_CONCURRENCY`, default 8; invalid values are errors, not ignored. */
function readConcurrency(env: Env): number {
  const text = readString(env, EnvVar.CONCURRENCY);
  return text === undefined
    ? Defaults.CONCURRENCY
    : parseBoundedInt(text, EnvVar.CONCURRENCY, 1, Defaults.MAX_CONCURRENCY);
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
export { parseBoundedInt, parseInstant, readConcurrency, readString, requireTableName };
