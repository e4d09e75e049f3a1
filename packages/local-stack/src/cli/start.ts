#!/usr/bin/env node
/**
 * `pnpm start`: the embedded demo (see `runDemo`), then the history the demo's runs recorded, as
 * `msf-scaler history` prints it. No flags (only `--help`), no AWS account.
 */
import { type CliStreams, ExitCode, runProgram, useColour } from '@msf-scaler/commons';
import { type HistoryRead, quietPinnedSdkNotice, readHistory, renderHistoryLines } from '@msf-scaler/scaler';
import { Command } from 'commander';
import { runDemo } from '../demo/runDemo';
import { localClients } from '../localClients';
import type { LocalStack } from '../localStack';

/** Entries of the demo's history shown at the end: the latest runs, each with the rows it recorded. */
const HISTORY_ENTRIES = 14;

/** Reads the latest history entries of `stack` (called before the demo closes it). */
async function readDemoHistory(stack: LocalStack): Promise<HistoryRead> {
  const clients = localClients(stack);
  try {
    return await readHistory(clients.dynamodb, stack.historyTableName, { limit: HISTORY_ENTRIES });
  } finally {
    clients.destroy();
  }
}

/** The history section: a heading, then the entries as `msf-scaler history` renders them. */
function renderHistorySection(read: HistoryRead | undefined, colour: boolean, width: number): string {
  if (read === undefined) return 'History: not read (the demo stopped before its stack closed).';
  if (!read.ok) return `History: ${read.problem}`;
  const heading =
    `History: the latest ${read.entries.length} entries of table ${read.table}, newest first ` +
    '(what msf-scaler history prints; each run, then the rows it recorded)';
  return [heading, '', ...renderHistoryLines(read.entries, { colour, width })].join('\n');
}

function buildProgram(): Command {
  return new Command('pnpm start')
    .description(
      'The embedded demo: dynalite and the MSF emulator in this process, the example rows seeded, the scaler run ' +
        'over a simulated day, then the history its runs recorded. Takes no flags and no AWS account.',
    )
    .showHelpAfterError();
}

/**
 * Parses `pnpm start`'s arguments: `--help` prints the usage (0), anything else is a usage error (2).
 *
 * @returns `undefined` when the demo should run (no arguments), else the exit code.
 * @example
 * await parseStartArgs(['--bogus-flag'], io); // 2, after "error: unknown option '--bogus-flag'" and the usage
 */
async function parseStartArgs(args: readonly string[], streams: CliStreams): Promise<number | undefined> {
  return await runProgram(buildProgram(), args, streams);
}

async function runStart(): Promise<void> {
  const ended = await parseStartArgs(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  if (ended !== undefined) {
    process.exitCode = ended;
    return;
  }
  quietPinnedSdkNotice(process.env);
  let history: HistoryRead | undefined;
  let events = 0;
  await runDemo({
    stdout: process.stdout,
    env: process.env,
    onStackStarted: (stack) =>
      stack.beforeClose(async () => {
        history = await readDemoHistory(stack);
        events = stack.events().length;
      }),
  }).then(
    () => {
      const width = process.stdout.isTTY === true ? (process.stdout.columns ?? 120) : 160;
      process.stdout.write(`\n${renderHistorySection(history, useColour(process.stdout, process.env), width)}\n`);
      process.stdout.write(
        `\nEvents: the runs published ${events} EventBridge events (MSF Application Scaled / Scaling Failed) to the local event bus.\n`,
      );
      process.exitCode = ExitCode.OK;
    },
    (error: unknown) => {
      process.stderr.write(
        `pnpm start: the demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = ExitCode.FAILED;
    },
  );
}

// Run only as the entry point, so tests import the parser without starting the demo.
if (require.main === module) void runStart();

export { parseStartArgs };
