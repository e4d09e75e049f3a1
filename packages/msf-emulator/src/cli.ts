/**
 * Standalone MSF emulator:
 *   tsx packages/msf-emulator/src/cli.ts --port 4567 --transition-ms 1000
 * Prints the endpoint URL on stdout (messages go to stderr) and stops on SIGINT/SIGTERM.
 * Exit codes: 0 after a clean stop (and for --help), 1 when the server cannot start, 2 for a bad
 * command line.
 */
import { type CliStreams, ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type MsfEmulator, type MsfEmulatorOptions, startMsfEmulator } from './server';
import { Defaults } from './store';

/** Port of the standalone emulator when --port is not given. */
const DEFAULT_CLI_PORT = 4567;

/** Highest --transition-ms / --latency-ms accepted. */
const MAX_MS = Number.MAX_SAFE_INTEGER;

/**
 * Where the emulator CLI reads, writes and waits: injected, so tests run it in-process.
 *
 * @example
 * await main(['--port', '0'], { ...streams, startEmulator: startMsfEmulator, waitForStop: () => stopped });
 */
interface EmulatorCliIo extends CliStreams {
  /** Starts the emulator with the options of the command line (`startMsfEmulator` in the bin). */
  readonly startEmulator: (options: MsfEmulatorOptions) => Promise<MsfEmulator>;
  /**
   * Called once the emulator listens; resolves with the reason to stop, which the CLI prints
   * (the signal name: the bin resolves on the first SIGINT or SIGTERM).
   */
  readonly waitForStop: () => Promise<string>;
}

/** The flags as commander parses them (camel-cased option names). */
interface CliFlags {
  readonly port?: number;
  readonly host?: string;
  readonly transitionMs?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly latencyMs?: number;
  readonly throttleRate?: number;
  readonly serverErrorRate?: number;
}

/**
 * A commander `argParser` for a probability: a decimal from 0 to 1 (`0`, `.5`, `0.25`, `1`), in
 * the wording of `wholeNumberArg`.
 *
 * @throws InvalidArgumentError (a usage error, exit code 2) for anything else: `2`, `-0.1`, `1e-1`, blanks
 * @example
 * new Option('--throttle-rate <p>').argParser(probabilityArg('--throttle-rate'));
 */
function probabilityArg(source: string): (value: string) => number {
  return (value) => {
    const probability = Number(value);
    if (!/^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(value) || probability > 1) {
      throw new InvalidArgumentError(`${source} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
    }
    return probability;
  };
}

/** The `msf-emulator` command: its options and help, no action yet. */
function createProgram(): Command {
  return new Command('msf-emulator')
    .description(
      'Run a local emulator of the Managed Service for Apache Flink control plane ' +
        '(KinesisAnalytics_20180523, AWS JSON 1.1) until SIGINT/SIGTERM; prints its URL on stdout.',
    )
    .addOption(
      new Option('--port <n>', `port to listen on; 0 picks a free one (default: ${DEFAULT_CLI_PORT})`).argParser(
        wholeNumberArg('--port', 0, 65535),
      ),
    )
    .option('--host <address>', 'interface to listen on (default: 127.0.0.1)')
    .addOption(
      new Option(
        '--transition-ms <ms>',
        `duration of STARTING/UPDATING/STOPPING/DELETING (default: ${Defaults.TRANSITION_MS})`,
      ).argParser(wholeNumberArg('--transition-ms', 0, MAX_MS)),
    )
    .option('--region <region>', `region in ARNs (default: ${Defaults.REGION})`)
    .option('--account-id <id>', `account in ARNs (default: ${Defaults.ACCOUNT_ID})`)
    .addOption(
      new Option('--latency-ms <ms>', 'latency added to every call (default: 0)').argParser(
        wholeNumberArg('--latency-ms', 0, MAX_MS),
      ),
    )
    .addOption(
      new Option('--throttle-rate <p>', 'probability 0..1 of ThrottlingException (default: 0)').argParser(
        probabilityArg('--throttle-rate'),
      ),
    )
    .addOption(
      new Option(
        '--server-error-rate <p>',
        'probability 0..1 of HTTP 500 ServiceUnavailableException (default: 0)',
      ).argParser(probabilityArg('--server-error-rate')),
    )
    .showHelpAfterError();
}

/** The emulator options of the parsed flags: only what the command line sets, plus the CLI's port. */
function toEmulatorOptions(flags: CliFlags): MsfEmulatorOptions {
  return {
    port: flags.port ?? DEFAULT_CLI_PORT,
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(flags.transitionMs === undefined ? {} : { transitionMs: flags.transitionMs }),
    ...(flags.region === undefined ? {} : { region: flags.region }),
    ...(flags.accountId === undefined ? {} : { accountId: flags.accountId }),
    faults: {
      ...(flags.latencyMs === undefined ? {} : { latencyMs: flags.latencyMs }),
      ...(flags.throttleRate === undefined ? {} : { throttleRate: flags.throttleRate }),
      ...(flags.serverErrorRate === undefined ? {} : { serverErrorRate: flags.serverErrorRate }),
    },
  };
}

/** Starts the emulator, prints its URL, waits for the stop and closes it; resolves to the exit code. */
async function serve(options: MsfEmulatorOptions, io: EmulatorCliIo): Promise<ExitCode> {
  let emulator: MsfEmulator;
  try {
    emulator = await io.startEmulator(options);
  } catch (err) {
    io.stderr.write(`msf-emulator: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    return ExitCode.FAILED;
  }
  io.stdout.write(`${emulator.url}\n`);
  io.stderr.write(
    `MSF emulator listening on ${emulator.url} (transitionMs ${options.transitionMs ?? Defaults.TRANSITION_MS}); ` +
      'stop with Ctrl-C\n',
  );
  const reason = await io.waitForStop();
  io.stderr.write(`MSF emulator stopping (${reason})\n`);
  await emulator.close();
  return ExitCode.OK;
}

/**
 * The `msf-emulator` command line: parse → start → wait for the stop → close. Never calls
 * process.exit; resolves to the exit code: 0 after a clean stop or --help, 1 when the emulator
 * cannot start (e.g. the port is taken), 2 for a bad command line (the usage is printed).
 *
 * @example
 * const code = await main(['--port', '0', '--transition-ms', '0'], io);
 */
async function main(args: readonly string[], io: EmulatorCliIo): Promise<number> {
  let exitCode: ExitCode = ExitCode.OK;
  const program = createProgram().action(async (flags: CliFlags) => {
    exitCode = await serve(toEmulatorOptions(flags), io);
  });
  return (await runProgram(program, args, io)) ?? exitCode;
}

/** Resolves with the name of the first SIGINT or SIGTERM, and stops listening for them. */
function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    function stop(signal: NodeJS.Signals): void {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The bin: `main` on the process's arguments, streams and signals; sets the exit code. */
function runFromProcess(): void {
  const io: EmulatorCliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    startEmulator: startMsfEmulator,
    waitForStop: waitForSignal,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`msf-emulator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = ExitCode.FAILED;
    },
  );
}

if (require.main === module) {
  runFromProcess();
}

export type { EmulatorCliIo };
export { DEFAULT_CLI_PORT, main };
