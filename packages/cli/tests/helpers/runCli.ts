import path from 'node:path';
import { Readable } from 'node:stream';
import type { ScalerClients } from '@msf-scaler/scaler';
import type { CliIo } from '../../src/io';
import { main } from '../../src/program';

/** A CLI run as a person sees it: what was typed, the exit code, and both streams. */
interface CliRun {
  readonly args: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
interface RunCliOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** What `-` reads; absent: the run has no standard input. */
  readonly stdin?: string;
  readonly createClients?: () => ScalerClients;
  /** Pretend stdout is a terminal (colours on unless NO_COLOR). */
  readonly tty?: boolean;
}

/**
 * Runs `msf-scaler` in-process with string streams.
 *
 * @example
 * const run = await runCli(['validate', rowsFile('good-plain.json')]);
 */
async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      ...(options.tty === true ? { isTTY: true, columns: 120 } : {}),
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env: options.env ?? {},
    createClients:
      options.createClients ??
      (() => {
        throw new Error('this test calls no AWS service');
      }),
    now: () => new Date('2026-11-27T10:00:00Z'),
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(options.stdin)]) }),
  };
  const code = await main(args, io);
  return { args: args.join(' '), code, stdout, stderr };
}

/** The folder of the row fixtures. */
const ROWS_FOLDER = path.join(__dirname, '..', 'events', 'rows');

/**
 * A row fixture's path as the tests pass it: relative to the repository root (jest's working
 * folder), so messages and snapshots name it the same on every machine.
 *
 * @example
 * rowsFile('bad-plain.json'); // 'packages/cli/tests/events/rows/bad-plain.json'
 */
function rowsFile(name: string): string {
  return path.relative(process.cwd(), path.join(ROWS_FOLDER, name));
}

export type { CliRun, RunCliOptions };
export { ROWS_FOLDER, rowsFile, runCli };
