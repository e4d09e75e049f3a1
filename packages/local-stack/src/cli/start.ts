#!/usr/bin/env node
/**
 * `pnpm start`: the embedded demo (see `runDemo`), then the history the demo's runs recorded, as
 * `msf-scaler history` prints it. No flags, no AWS account.
 */
import { useColour } from '@msf-scaler/commons';
import { type HistoryRead, quietPinnedSdkNotice, readHistory, renderHistoryLines } from '@msf-scaler/scaler';
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

quietPinnedSdkNotice(process.env);

let history: HistoryRead | undefined;
runDemo({
  stdout: process.stdout,
  env: process.env,
  onStackStarted: (stack) =>
    stack.beforeClose(async () => {
      history = await readDemoHistory(stack);
    }),
}).then(
  () => {
    const width = process.stdout.isTTY === true ? (process.stdout.columns ?? 120) : 160;
    process.stdout.write(`\n${renderHistorySection(history, useColour(process.stdout, process.env), width)}\n`);
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(
      `pnpm start: the demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
