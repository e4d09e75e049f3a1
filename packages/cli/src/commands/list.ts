import { ExitCode, useColour } from '@msf-scaler/commons';
import {
  ConfigError,
  chunked,
  Defaults,
  EnvVar,
  jsonChunks,
  parseInstant,
  resolveConcurrency,
  resolveMaxKpuPerApplication,
  ScheduleTableError,
  writeChunks,
} from '@msf-scaler/scaler';
import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { type Listing, type ListRequest, listRows } from '../list/listRows';
import { withNewlines } from '../render/lines';
import { renderListLines } from '../render/list';
import { maxKpuOptionText, tableOptionText } from '../scaleRun';
import { resolveTableName } from '../tableName';
import { usageError } from '../usage';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler list', 'every row: its application now, its target now, its next change'],
  ['msf-scaler list --at 2026-12-24T18:00:00Z', 'the targets and next changes from another instant'],
  ["msf-scaler list --json | jq '.rows[] | select(.valid | not)'", 'the invalid rows, as JSON'],
];

/** The flags of `list`, as commander parses them. */
interface ListFlags {
  readonly table?: string;
  readonly at?: string;
  readonly concurrency?: string;
  readonly maxKpuPerApplication?: string;
  readonly json?: boolean;
}

/** Longest line when stdout is not a terminal. */
const PIPED_WIDTH = 400;

/** 0 when every row is valid and every enabled row's application was described, else 1. */
function exitCodeForListing(listing: Listing): ExitCode {
  const fine = listing.rows.every((row) => row.valid && row.applicationError === undefined);
  return fine ? ExitCode.OK : ExitCode.FAILED;
}

async function executeList(flags: ListFlags, command: Command, io: CliIo): Promise<ExitCode> {
  let request: ListRequest;
  try {
    request = {
      table: resolveTableName(flags.table, io.env),
      instant: flags.at === undefined ? io.now() : parseInstant(flags.at, '--at'),
      maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
      concurrency: resolveConcurrency(io.env, flags.concurrency),
      env: io.env,
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  let listing: Listing;
  try {
    listing = await listRows(io.createClients(), request);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.FAILED;
  }
  if (flags.json === true) {
    await writeChunks(io.stdout, jsonChunks(listing, 'rows'));
    io.stdout.write('\n');
  } else {
    const width = io.stdout.isTTY === true ? (io.stdout.columns ?? 120) : PIPED_WIDTH;
    const lines = renderListLines(listing, { colour: useColour(io.stdout, io.env), width });
    await writeChunks(io.stdout, chunked(withNewlines(lines)));
  }
  return exitCodeForListing(listing);
}

/**
 * Adds `msf-scaler list`: every row of the table with its schedule in words, whether it is
 * enabled and valid, its application's status and KPU, the target now and the next change.
 *
 * @example
 * addListCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addListCommand(program: Command, context: CommandContext): Command {
  const list = program
    .command(CommandName.LIST)
    .description('every row: its schedule, its application now, the target now and the next change')
    .option('--table <name>', tableOptionText())
    .option('--at <instant>', 'evaluate the schedules at this ISO-8601 instant (default: now)')
    .option(
      '--concurrency <n>',
      `most DescribeApplication calls in flight at once, 1-${Defaults.MAX_CONCURRENCY} (default: $${EnvVar.CONCURRENCY}, else ${Defaults.CONCURRENCY})`,
    )
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option('--json', 'print the listing as JSON on stdout')
    .addHelpText('after', helpAfter(EXAMPLES, CommandName.LIST));
  list.action(async (flags: ListFlags) => context.exit(await executeList(flags, list, context.io)));
  return list;
}

export { addListCommand };
