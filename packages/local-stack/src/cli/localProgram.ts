import { type CliStreams, ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { Defaults, EnvVar } from '@msf-scaler/scaler';
import { Command, InvalidArgumentError, Option } from 'commander';
import { LocalDefaults } from '../constants';
import { ExamplesFileError, LocalStackError } from '../errors';
import { type LocalStack, startLocalStack } from '../localStack';
import { seedExamples } from '../seed';
import { type EnvFileSystem, envFileArg, NodeEnvFileSystem, writeEnvFileAtomically } from './envFile';
import { exitCodeFor, type LocalEnding } from './exitCode';

/** Where `pnpm local` reads and writes, and how it waits: injected so tests run it in-process. */
interface LocalIo extends CliStreams {
  /**
   * Resolves with the reason once the stack must stop: the signal's name (SIGINT, SIGTERM,
   * SIGHUP), or why the process that launched it is gone.
   */
  readonly waitForStop: () => Promise<string>;
  /** The file system behind `--write-env`. @default NodeEnvFileSystem */
  readonly files?: EnvFileSystem;
}

/** The validated flags of `pnpm local`. */
interface LocalRequest {
  readonly ddbPort: number;
  readonly msfPort: number;
  readonly transitionMs: number;
  readonly seed: boolean;
  readonly table: string;
  /** Absolute path of `--write-env`, when given. */
  readonly envFile?: string;
}

function buildProgram(io: LocalIo, onRequest: (request: LocalRequest) => void): Command {
  const program = new Command('pnpm local')
    .description(
      'Run the local world in the foreground: dynalite (DynamoDB) and the MSF emulator on 127.0.0.1, no AWS account. ' +
        'Prints the environment variables that point the scaler, its CLI and the AWS CLI at them (stdout), then runs until ' +
        'Ctrl+C, SIGTERM or SIGHUP (exit 0), or until the process that started it (pnpm, a script) exits.',
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
    .addOption(
      new Option(
        '--write-env <path>',
        'also write the export lines to PATH (relative: to where pnpm was run) once both servers accept requests ' +
          '(after --seed), atomically: ' +
          'a reader sees no file or the whole file. The directory must exist (else exit 2); ' +
          'an existing file is replaced. On a clean stop the file is deleted again, once both ports are closed',
      ).argParser(envFileArg(io.files ?? NodeEnvFileSystem, io.env.INIT_CWD ?? process.cwd())),
    )
    .addOption(
      // Not `--env-file`: Node 20 takes `--env-file X` for itself even after the script name
      // (nodejs/node#54232), refusing to start when X is missing and loading X into our
      // environment when it exists. This hidden option only explains that, on a Node that let it through.
      new Option('--env-file <path>').hideHelp().argParser((): never => {
        throw new InvalidArgumentError('use --write-env PATH: Node 20 reads --env-file itself (nodejs/node#54232)');
      }),
    )
    .showHelpAfterError()
    .action(
      (flags: {
        ddbPort: number;
        msfPort: number;
        transitionMs: number;
        seed?: boolean;
        table: string;
        writeEnv?: string;
      }) => {
        onRequest({
          ddbPort: flags.ddbPort,
          msfPort: flags.msfPort,
          transitionMs: flags.transitionMs,
          seed: flags.seed === true,
          table: flags.table,
          ...(flags.writeEnv !== undefined ? { envFile: flags.writeEnv } : {}),
        });
      },
    );
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

// Duck-typed: errors of Node's core come from another realm under jest.
function messageOf(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null ? (error as { readonly message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

/** How another shell gets the variables. */
function howToLoad(envFile: string | undefined): string[] {
  if (envFile !== undefined) return [`In another shell, run \`. ${envFile}\` (the export lines of stdout), then try:`];
  return [
    'In another shell, set the variables printed on stdout (race-free: start with `--write-env /tmp/msf-local.env`,',
    'wait until that file exists, it appears once the stack is ready, and run `. /tmp/msf-local.env`), then try:',
  ];
}

/** The human part: what runs where, and what to try. */
function renderBanner(stack: LocalStack, request: LocalRequest, seeded: string): string {
  return [
    'Local stack running (no AWS account needed):',
    `  DynamoDB (dynalite)  ${stack.ddbEndpoint}  table ${stack.tableName}`,
    `  MSF emulator         ${stack.msfEndpoint}  transitions take ${request.transitionMs} ms`,
    seeded,
    '',
    ...howToLoad(request.envFile),
    '  pnpm msf-scaler plan --at 2026-11-27T20:00:00Z',
    '  pnpm msf-scaler run',
    '  aws kinesisanalyticsv2 list-applications',
    '  aws kinesisanalyticsv2 describe-application --application-name orders-enricher',
    `  aws dynamodb scan --table-name ${stack.tableName}`,
    '',
    request.envFile !== undefined
      ? `Press Ctrl+C to stop (${request.envFile} is deleted then).`
      : 'Press Ctrl+C to stop.',
  ].join('\n');
}

/**
 * `pnpm local`: parse -> start -> (seed) -> write `--write-env` -> print -> wait for the stop
 * (`io.waitForStop`) -> close -> delete the env file. Never calls process.exit; returns the exit
 * code (0 stopped cleanly, 1 could not start or could not write the env file, 2 usage error,
 * an `--write-env` in a missing directory included).
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

  const files = io.files ?? NodeEnvFileSystem;
  let written: string | undefined;
  try {
    let seeded = '  (empty table; add --seed to load examples/schedules.json)';
    if (request.seed) {
      io.stderr.write(`Seeding examples; started applications take ${request.transitionMs} ms to reach RUNNING...\n`);
      const result = await seedExamples(stack);
      seeded = `  Seeded ${result.rows} rows, ${result.calendars} calendar${result.calendars === 1 ? '' : 's'} and ${result.created.length} applications (${result.started.length} started) from examples/schedules.json`;
    }
    const exports = `${renderExports(stack)}\n`;
    if (request.envFile !== undefined) {
      // The file is the readiness signal for another shell: written only now, in one piece.
      try {
        await writeEnvFileAtomically(request.envFile, exports, files);
      } catch (error) {
        io.stderr.write(`error: cannot write --write-env ${request.envFile}: ${messageOf(error)}\n`);
        return exitCodeFor('start-failed');
      }
      written = request.envFile;
    }
    io.stdout.write(exports);
    io.stderr.write(`${renderBanner(stack, request, seeded)}\n`);
    const reason = await io.waitForStop();
    io.stderr.write(`\n${reason}: stopping the local stack...\n`);
  } catch (error) {
    if (!(error instanceof ExamplesFileError || error instanceof LocalStackError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return exitCodeFor('start-failed');
  } finally {
    try {
      await stack.close();
    } finally {
      // Last: the file exists exactly while both servers are up, so a script can wait for it
      // to go (`kill %1; while [ -f FILE ]; do sleep 0.2; done`) before starting on the same ports.
      if (written !== undefined) {
        const file = written;
        await files.remove(file).catch((error: unknown) => {
          io.stderr.write(`warning: could not delete ${file}: ${messageOf(error)}\n`);
        });
      }
    }
  }
  io.stderr.write('Stopped.\n');
  return exitCodeFor('stopped');
}

export type { LocalIo, LocalRequest };
export { parseLocalArgs, renderExports, runLocal };
