import { ExitCode, useColour } from '@msf-scaler/commons';
import {
  ConfigError,
  chunked,
  parseInstant,
  resolveMaxKpuPerApplication,
  ScheduleTableError,
  toJson,
  writeChunks,
} from '@msf-scaler/scaler';
import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN } from '@msf-scaler/schema';
import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { withNewlines } from '../render/lines';
import { renderShowLines } from '../render/show';
import { maxKpuOptionText, tableOptionText } from '../scaleRun';
import { type Inspection, inspectApplication } from '../show/inspectApplication';
import { resolveTableName } from '../tableName';
import { usageError } from '../usage';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler show orders-enricher', 'the row, the application, what comes next, how the last scalings ended'],
  ['msf-scaler show orders-enricher --at 2026-12-24T18:00:00Z', 'the target and next changes from another instant'],
  ['msf-scaler show orders-enricher --json', 'the same as one JSON document'],
];

/** The flags of `show`, as commander parses them. */
interface ShowFlags {
  readonly table?: string;
  readonly at?: string;
  readonly maxKpuPerApplication?: string;
  readonly json?: boolean;
}

/** 0 when the row is valid and its application described, else 1. */
function exitCodeForInspection(inspection: Inspection): ExitCode {
  const fine = inspection.valid && inspection.application !== undefined && inspection.scalingsError === undefined;
  return fine ? ExitCode.OK : ExitCode.FAILED;
}

async function executeShow(appName: string, flags: ShowFlags, command: Command, io: CliIo): Promise<ExitCode> {
  let request: Parameters<typeof inspectApplication>[1];
  try {
    if (!APP_NAME_PATTERN.test(appName) || appName.length > APP_NAME_MAX_LENGTH) {
      throw new ConfigError(
        `APP must be an MSF application name (1-${APP_NAME_MAX_LENGTH} of a-z A-Z 0-9 _ . -), got ${JSON.stringify(appName)}`,
      );
    }
    request = {
      appName,
      table: resolveTableName(flags.table, io.env),
      instant: flags.at === undefined ? io.now() : parseInstant(flags.at, '--at'),
      maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
      env: io.env,
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  let inspection: Inspection;
  try {
    inspection = await inspectApplication(io.createClients(), request);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.FAILED;
  }
  if (flags.json === true) {
    io.stdout.write(`${toJson(inspection)}\n`);
  } else {
    await writeChunks(
      io.stdout,
      chunked(withNewlines(renderShowLines(inspection, { colour: useColour(io.stdout, io.env) }))),
    );
  }
  return exitCodeForInspection(inspection);
}

/**
 * Adds `msf-scaler show APP`: one application's row and warnings, its state in MSF, the target
 * now and its next changes, and how its latest scalings ended (asked of MSF at display time).
 *
 * @example
 * addShowCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addShowCommand(program: Command, context: CommandContext): Command {
  const show = program
    .command(`${CommandName.SHOW} <APP>`)
    .description('one application: its row, its state in MSF, what comes next, how its last scalings ended')
    .option('--table <name>', tableOptionText())
    .option('--at <instant>', 'evaluate the schedule at this ISO-8601 instant (default: now)')
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option('--json', 'print everything as one JSON document on stdout')
    .addHelpText('after', helpAfter(EXAMPLES, CommandName.SHOW));
  show.action(async (appName: string, flags: ShowFlags) =>
    context.exit(await executeShow(appName, flags, show, context.io)),
  );
  return show;
}

export { addShowCommand };
