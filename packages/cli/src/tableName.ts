import { ConfigError, Defaults, EnvVar, readString } from '@msf-scaler/scaler';

/** A DynamoDB table name: 3-255 letters, digits, `_`, `.` and `-`. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** The rule a table name breaks, quoted in the usage error. */
const TABLE_NAME_RULE = '3-255 letters, digits, _ . -';

/**
 * Checks a table name before any call: DynamoDB answers a bad one with a validation error that
 * says nothing of the flag (and the SDK's retries make it look like a connection problem).
 *
 * @param source - where the name came from, quoted in the message: `--table`, `$SCHEDULE_TABLE`
 * @throws ConfigError naming the source, the value and the rule (a usage error, exit 2)
 * @example
 * checkTableName('tz', '--table'); // throws: --table "tz" is not a DynamoDB table name: 3-255 letters, digits, _ . -
 */
function checkTableName(table: string, source: string): string {
  if (!TABLE_NAME.test(table)) {
    throw new ConfigError(`${source} ${JSON.stringify(table)} is not a DynamoDB table name: ${TABLE_NAME_RULE}`);
  }
  return table;
}

/**
 * The schedule table of every command that takes `--table`: the flag, else `$SCHEDULE_TABLE`,
 * else the default, checked with {@link checkTableName}.
 *
 * @throws ConfigError naming the flag or the variable, and the rule
 * @example
 * const table = resolveTableName(flags.table, io.env); // 'msf-scaler-schedules'
 */
function resolveTableName(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (flag !== undefined) return checkTableName(flag, '--table');
  const fromEnv = readString(env, EnvVar.TABLE);
  return fromEnv === undefined ? Defaults.TABLE_NAME : checkTableName(fromEnv, `$${EnvVar.TABLE}`);
}

export { checkTableName, resolveTableName, TABLE_NAME_RULE };
