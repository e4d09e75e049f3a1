/**
 * Standalone MSF emulator:
 *   tsx packages/msf-emulator/src/cli.ts --port 4567 --transition-ms 1000
 * Prints the endpoint URL on stdout (messages go to stderr) and stops on SIGINT/SIGTERM.
 * Exit codes: 0 after a clean stop, 1 when the server cannot start, 2 for a bad command line.
 */
import { parseArgs } from 'node:util';
import { CliUsageError } from './errors';
import { type MsfEmulator, type MsfEmulatorOptions, startMsfEmulator } from './server';

export const USAGE = `Usage: msf-emulator [options]

Options:
  --port <n>               port to listen on; 0 picks a free one (default 4567)
  --host <address>         interface to listen on (default 127.0.0.1)
  --transition-ms <ms>     duration of STARTING/UPDATING/STOPPING/DELETING (default 1000)
  --region <region>        region in ARNs (default us-east-1)
  --account-id <id>        account in ARNs (default 123456789012)
  --latency-ms <ms>        latency added to every call (default 0)
  --throttle-rate <p>      probability 0..1 of ThrottlingException (default 0)
  --server-error-rate <p>  probability 0..1 of HTTP 500 ServiceUnavailableException (default 0)
  -h, --help               show this help
`;

/** Port of the standalone emulator when --port is not given. */
export const DEFAULT_CLI_PORT = 4567;

/** The parsed command line: emulator options, or a request for help. */
export type CliCommand = { readonly help: true } | { readonly help: false; readonly options: MsfEmulatorOptions };

function toNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min || number > max) {
    throw new CliUsageError(`--${flag} is '${value}'; use a number from ${min} to ${max}`);
  }
  return number;
}

function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'transition-ms': { type: 'string' },
        region: { type: 'string' },
        'account-id': { type: 'string' },
        'latency-ms': { type: 'string' },
        'throttle-rate': { type: 'string' },
        'server-error-rate': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

/** Parses the command line (without `node` and the script). Throws CliUsageError when it is bad. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const values = readFlags(argv);
  if (values.help === true) {
    return { help: true };
  }
  const port = toNumber('port', values.port, 0, 65535) ?? DEFAULT_CLI_PORT;
  if (!Number.isInteger(port)) {
    throw new CliUsageError(`--port is '${values.port}'; use a whole number from 0 to 65535`);
  }
  const transitionMs = toNumber('transition-ms', values['transition-ms'], 0, Number.MAX_SAFE_INTEGER);
  const latencyMs = toNumber('latency-ms', values['latency-ms'], 0, Number.MAX_SAFE_INTEGER);
  const throttleRate = toNumber('throttle-rate', values['throttle-rate'], 0, 1);
  const serverErrorRate = toNumber('server-error-rate', values['server-error-rate'], 0, 1);
  return {
    help: false,
    options: {
      port,
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(transitionMs === undefined ? {} : { transitionMs }),
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(values['account-id'] === undefined ? {} : { accountId: values['account-id'] }),
      faults: {
        ...(latencyMs === undefined ? {} : { latencyMs }),
        ...(throttleRate === undefined ? {} : { throttleRate }),
        ...(serverErrorRate === undefined ? {} : { serverErrorRate }),
      },
    },
  };
}

/** Runs the emulator until SIGINT/SIGTERM; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof CliUsageError) {
      process.stderr.write(`msf-emulator: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (command.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let emulator: MsfEmulator;
  try {
    emulator = await startMsfEmulator(command.options);
  } catch (err) {
    process.stderr.write(`msf-emulator: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(`${emulator.url}\n`);
  process.stderr.write(
    `MSF emulator listening on ${emulator.url} (transitionMs ${command.options.transitionMs ?? 1000}); ` +
      'stop with Ctrl-C\n',
  );
  const running = emulator;
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.stderr.write(`MSF emulator stopping (${signal})\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`msf-emulator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
