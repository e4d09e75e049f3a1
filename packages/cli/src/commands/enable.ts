import { ExitCode } from '@msf-scaler/commons';
import { ConfigError, readScheduleItems, ScheduleTableError, toJson, writeEnabled } from '@msf-scaler/scaler';
import { RowDefaults } from '@msf-scaler/schema';
import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { type EnabledReport, renderEnabled } from '../render/enabled';
import { storedAttributes } from '../render/storedItem';
import { checkAppName, resolveRowTable } from '../rowTarget';
import { tableOptionText } from '../scaleRun';
import { usageError } from '../usage';

/** The flags of `enable` and `disable`, as commander parses them. */
interface EnabledFlags {
  readonly table?: string;
  readonly json?: boolean;
}

function refuse(io: CliIo, message: string): ExitCode {
  io.stderr.write(`error: ${message}\n`);
  return ExitCode.FAILED;
}

function render(report: EnabledReport, json: boolean, io: CliIo): ExitCode {
  io.stdout.write(json ? `${toJson(report, 2)}\n` : `${renderEnabled(report)}\n`);
  return ExitCode.OK;
}

/** read the row -> already so? -> conditional UpdateItem of `enabled` -> render. */
async function applyEnabled(
  appName: string,
  table: string,
  enabled: boolean,
  json: boolean,
  io: CliIo,
): Promise<ExitCode> {
  const clients = io.createClients();
  const item = (await readScheduleItems(clients.dynamodb, table, [appName])).get(appName);
  if (item === undefined) {
    return refuse(io, `no row "${appName}" in table "${table}"; add it first with msf-scaler put`);
  }
  const expected = item.enabled;
  // A row without the attribute is enabled: the schema's default.
  const wasEnabled = expected === undefined ? RowDefaults.enabled : typeof expected === 'boolean' ? expected : null;
  const previous = expected === undefined ? undefined : storedAttributes({ enabled: expected }).enabled;
  const report = { table, appName, enabled, wasEnabled, ...(previous === undefined ? {} : { previous }) };
  if (wasEnabled === enabled) return render({ ...report, written: false }, json, io);
  const written = await writeEnabled(clients.dynamodb, table, { appName, expected, enabled });
  if (!written.ok) return refuse(io, written.message);
  return render({ ...report, written: true }, json, io);
}

/** parse -> read, write -> render -> exit code. */
async function executeEnabled(
  appName: string,
  flags: EnabledFlags,
  enabled: boolean,
  command: Command,
  io: CliIo,
): Promise<ExitCode> {
  let table: string;
  try {
    checkAppName(appName);
    table = resolveRowTable(flags.table, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  try {
    return await applyEnabled(appName, table, enabled, flags.json === true, io);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    return refuse(io, error.message);
  }
}

/** `enable` or `disable`: one command, the state it sets. */
function addEnabledCommand(program: Command, context: CommandContext, enabled: boolean): Command {
  const name = enabled ? CommandName.ENABLE : CommandName.DISABLE;
  const examples: readonly (readonly [string, string])[] = enabled
    ? [
        ['msf-scaler enable orders-enricher', 'the scaler scales it again from its next run'],
        ['msf-scaler enable orders-enricher --table team-schedules --json', 'in another table; the result as JSON'],
      ]
    : [
        ['msf-scaler disable orders-enricher', 'pause scaling: the application keeps the KPU it has'],
        ['msf-scaler disable orders-enricher --json', 'the result as JSON'],
      ];
  const command = program
    .command(`${name} <APP>`)
    .description(
      enabled
        ? "enable an application's row: the scaler scales it again"
        : "disable an application's row: the scaler leaves the application alone",
    )
    .option('--table <name>', tableOptionText())
    .option('--json', 'print the row state before and after as JSON on stdout')
    .addHelpText(
      'after',
      `
Only the row's enabled attribute is written, with one UpdateItem conditional on the row existing
and its enabled being still as read: if someone changed it in between, nothing is written (exit 1:
run again). A row already ${enabled ? 'enabled (or without enabled: the default)' : 'disabled'} is left as it is (exit 0).
${helpAfter(examples, name)}`,
    );
  command.action(async (appName: string, flags: EnabledFlags) =>
    context.exit(await executeEnabled(appName, flags, enabled, command, context.io)),
  );
  return command;
}

/**
 * Adds `msf-scaler enable APP`: sets the row's `enabled` to true (one conditional UpdateItem of
 * that attribute only); a row already enabled is left as it is.
 *
 * @example
 * addEnableCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addEnableCommand(program: Command, context: CommandContext): Command {
  return addEnabledCommand(program, context, true);
}

/**
 * Adds `msf-scaler disable APP`: sets the row's `enabled` to false (one conditional UpdateItem
 * of that attribute only), so the scaler leaves the application alone; a row already disabled
 * is left as it is.
 *
 * @example
 * addDisableCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addDisableCommand(program: Command, context: CommandContext): Command {
  return addEnabledCommand(program, context, false);
}

export { addDisableCommand, addEnableCommand };
