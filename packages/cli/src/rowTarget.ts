import { ConfigError } from '@msf-scaler/scaler';
import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN } from '@msf-scaler/schema';
import type { CliIo } from './io';
import { resolveTableName } from './tableName';

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
  return resolveTableName(flag, io.env);
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
