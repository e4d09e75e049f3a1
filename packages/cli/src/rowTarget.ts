import { ConfigError, Defaults, EnvVar, readString } from '@msf-scaler/scaler';
import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN } from '@msf-scaler/schema';
import type { CliIo } from './io';

/** A DynamoDB table name: 3-255 letters, digits, `_`, `.` and `-`. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * The schedule table of a command that writes rows: `--table`, else `$SCHEDULE_TABLE`, else
 * the default. A name DynamoDB could not have is a usage error here, before any call (DynamoDB
 * would answer with a validation error that says nothing of the flag).
 *
 * @throws ConfigError naming the flag or the variable, and the rule
 * @example
 * const table = resolveRowTable(flags.table, io); // 'msf-scaler-schedules'
 */
function resolveRowTable(flag: string | undefined, io: CliIo): string {
  const fromEnv = readString(io.env, EnvVar.TABLE);
  const table = flag ?? fromEnv ?? Defaults.TABLE_NAME;
  if (!TABLE_NAME.test(table)) {
    const source = flag === undefined ? `$${EnvVar.TABLE}` : '--table';
    throw new ConfigError(
      `${source} ${JSON.stringify(table)} is not a DynamoDB table name: 3-255 letters, digits, _ . -`,
    );
  }
  return table;
}

/**
 * Checks the APP argument: the name of an MSF application, which is a row's key.
 *
 * @throws ConfigError quoting the name, control characters escaped
 * @example
 * checkAppName('orders-enricher');
 */
function checkAppName(appName: string): void {
  if (appName.length > APP_NAME_MAX_LENGTH || !APP_NAME_PATTERN.test(appName)) {
    throw new ConfigError(
      `APP must be an MSF application name (1-${APP_NAME_MAX_LENGTH} of a-z A-Z 0-9 _ . -), got ${JSON.stringify(appName)}`,
    );
  }
}

export { checkAppName, resolveRowTable };
