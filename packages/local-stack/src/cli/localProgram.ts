import { type CliStreams, ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { Defaults, EnvVar } from '@msf-scaler/scaler';
import { Command, Option } from 'commander';
import { LocalDefaults } from '../constants';
import { ExamplesFileError, LocalStackError } from '../errors';
import { type LocalStack, startLocalStack } from '../localStack';
import { seedExamples } from '../seed';
import { exitCodeFor, type LocalEnding } from './exitCode';

/** Where `pnpm local` reads and writes, and how it waits: injected so tests run it in-process. */
interface LocalIo extends CliStreams {
  /** Resolves with the signal's name once the user asks to stop (SIGINT, SIGTERM). */
  readonly waitForStop: () => Promise<string>;
}

/** The validated flags of `pnpm local`. */
interface LocalRequest {
  readonly ddbPort: number;
  readonly msfPort: number;
  readonly transitionMs: number;
  readonly seed: boolean;
  readonly table: string;
}

function buildProgram(io: LocalIo, onRequest: (request: LocalRequest) => void): Command {
  const program = new Command('pnpm local')
    .description(
      'Run the local world in the foreground: dynalite (DynamoDB) and the MSF emulator on 127.0.0.1, no AWS account. ' +
        'Prints the environment variables that point the scaler, its CLI and the AWS CLI at them (stdout), then runs until Ctrl+C.',
    )
    .addOption(
      new Option('--ddb-port <port>', 'DynamoDB (dynalite) port; 0 = any free port')
        .default(LocalDefaults.CLI_DDB_PORT)
        .argParser(wholeNumberArg('--ddb-port', 0, 65535)),
    )
    .addOption(
      new Option('--msf-port <port>', 'MSF emulator port; 0 = any free port')
        .default(LocalDefaults.CLI_MSF_PORT)
        .argParser(wholeNumberArg('--msf-port', 0, 65535)),
    )
    .addOption(
      new Option('--transition-ms <ms>', 'how long STARTING/UPDATING/... last in the emulator; 0 = instant')
        .default(LocalDefaults.CLI_TRANSITION_MS)
        .argParser(wholeNumberArg('--transition-ms', 0, 3_600_000)),
    )
    .addOption(new Option('--seed', 'load examples/schedules.json: the rows and their applications'))
    .addOption(
      // Read from io.env rather than with Option.env(), which reads process.env behind the tests' back.
      new Option('--table <name>', 'schedule table to create').default(
        io.env[EnvVar.TABLE] ?? Defaults.TABLE_NAME,
        `$${EnvVar.TABLE}, else ${Defaults.TABLE_NAME}`,
      ),
    )
    .showHelpAfterError()
    .action((flags: { ddbPort: number; msfPort: number; transitionMs: number; seed?: boolean; table: string }) => {
      onRequest({
        ddbPort: flags.ddbPort,
        msfPort: flags.msfPort,
        transitionMs: flags.transitionMs,
        seed: flags.seed === true,
        table: flags.table,
      });
    });
  return program;
}

/**
 * Parses `pnpm local` flags (flag > env > default).
 *
 * @returns the request, or the ending when there is nothing to run (help, usage error).
 * @example
 * parseLocalArgs(['--ddb-port', '0', '--seed'], io); // { ddbPort: 0, msfPort: 8081, transitionMs: 5000, seed: true, ... }
 */
async function parseLocalArgs(args: readonly string[], io: LocalIo): Promise<LocalRequest | LocalEnding> {
  let request: LocalRequest | undefined;
  const program = buildProgram(io, (parsed) => {
    request = parsed;
  });
  const ended = await runProgram(program, args, io);
  if (ended !== undefined) return ended === ExitCode.OK ? 'help' : 'usage-error';
  return request ?? 'usage-error';
}

/**
 * The `export NAME=value` lines for a POSIX shell: the stack's env, plus AWS_DEFAULT_REGION
 * because AWS CLI v1 reads only that one.
 */
function renderExports(stack: LocalStack): string {
  return Object.entries({ ...stack.env, AWS_DEFAULT_REGION: stack.region })
    .map(([name, value]) => `export ${name}=${value}`)
    .join('\n');
}

/** The human part: what runs where, and what to try. */
function renderBanner(stack: LocalStack, request: LocalRequest, seeded: string): string {
  return [
    'Local stack running (no AWS account needed):',
    `  DynamoDB (dynalite)  ${stack.ddbEndpoint}  table ${stack.tableName}`,
    `  MSF emulator         ${stack.msfEndpoint}  transitions take ${request.transitionMs} ms`,
    seeded,
    '',
    'In another shell, set the variables printed on stdout (e.g. start with `pnpm -s local > /tmp/msf-local.env`',
    'and run `. /tmp/msf-local.env`), then try:',
    '  pnpm msf-scaler plan --at 2026-11-27T20:00:00Z',
    '  pnpm msf-scaler run',
    '  aws kinesisanalyticsv2 list-applications',
    '  aws kinesisanalyticsv2 describe-application --application-name orders-enricher',
    `  aws dynamodb scan --table-name ${stack.tableName}`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

/**
 * `pnpm local`: parse -> start -> print -> wait for Ctrl+C -> close. Never calls process.exit;
 * returns the exit code (0 stopped cleanly, 1 could not start, 2 usage error).
 *
 * @example
 * const code = await runLocal(['--seed'], { stdout: process.stdout, stderr: process.stderr, env: process.env, waitForStop });
 */
async function runLocal(args: readonly string[], io: LocalIo): Promise<number> {
  const request = await parseLocalArgs(args, io);
  if (typeof request === 'string') return exitCodeFor(request);

  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      ddbPort: request.ddbPort,
      msfPort: request.msfPort,
      transitionMs: request.transitionMs,
      tableName: request.table,
    });
  } catch (error) {
    if (!(error instanceof LocalStackError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return exitCodeFor('start-failed');
  }

  try {
    let seeded = '  (empty table; add --seed to load examples/schedules.json)';
    if (request.seed) {
      io.stderr.write(`Seeding examples; started applications take ${request.transitionMs} ms to reach RUNNING...\n`);
      const result = await seedExamples(stack);
      seeded = `  Seeded ${result.rows} rows and ${result.created.length} applications (${result.started.length} started) from examples/schedules.json`;
    }
    io.stdout.write(`${renderExports(stack)}\n`);
    io.stderr.write(`${renderBanner(stack, request, seeded)}\n`);
    const signal = await io.waitForStop();
    io.stderr.write(`\n${signal}: stopping the local stack...\n`);
  } catch (error) {
    if (!(error instanceof ExamplesFileError || error instanceof LocalStackError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return exitCodeFor('start-failed');
  } finally {
    await stack.close();
  }
  io.stderr.write('Stopped.\n');
  return exitCodeFor('stopped');
}

export type { LocalIo, LocalRequest };
export { parseLocalArgs, renderExports, runLocal };
