#!/usr/bin/env node
/**
 * `pnpm bench [--apps N] [--latency-ms MS] [--faults throttle=0.3,5xx=0.1,conflict=0.1]`: the
 * sequential loop the scaler replaces and the scaler at its defaults, side by side, against the
 * local stack. Figures only, no assertions.
 */
import { type CliStreams, ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { Defaults, quietPinnedSdkNotice } from '@msf-scaler/scaler';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type BenchFaults, runBenchmark } from './benchmark';
import { renderBenchmark } from './renderBenchmark';

interface BenchFlags {
  readonly apps: number;
  readonly latencyMs: number;
  readonly faults: BenchFaults;
  readonly concurrency?: number;
}

const FAULT_KEYS: Readonly<Record<string, keyof BenchFaults>> = {
  throttle: 'throttle',
  '5xx': 'serverError',
  conflict: 'conflict',
};

/** `throttle=0.3,5xx=0.1,conflict=0.1` → the faults; probabilities from 0 to 1. */
function parseFaults(value: string): BenchFaults {
  const faults: Partial<Record<keyof BenchFaults, number>> = {};
  for (const part of value.split(',')) {
    const [name = '', rate = ''] = part.split('=');
    const key = FAULT_KEYS[name.trim()];
    const probability = Number(rate);
    if (key === undefined || rate.trim() === '' || !(probability >= 0 && probability <= 1)) {
      throw new InvalidArgumentError(
        `--faults takes kind=probability pairs, kinds ${Object.keys(FAULT_KEYS).join(', ')}, probabilities 0-1; got ${JSON.stringify(part)}`,
      );
    }
    faults[key] = probability;
  }
  return faults;
}

/** What `pnpm bench` was asked: the flags to run with, or the exit code when there is nothing to run (help, usage error). */
type BenchRequest = { readonly flags: BenchFlags } | { readonly ended: number };

/** The options with their defaults in words, so `--help` reads `(default: none)` rather than `{}`. */
function buildProgram(onFlags: (flags: BenchFlags) => void): Command {
  return new Command('pnpm bench')
    .description(
      'The sequential loop and the scaler side by side against dynalite and the MSF emulator (figures only).',
    )
    .addOption(
      new Option('--apps <n>', 'applications and rows, 1-20000')
        .argParser(wholeNumberArg('--apps', 1, 20_000))
        .default(200, '200 applications'),
    )
    .addOption(
      new Option('--latency-ms <ms>', 'latency the emulator adds to every MSF call, 0-10000')
        .argParser(wholeNumberArg('--latency-ms', 0, 10_000))
        .default(20, '20 ms'),
    )
    .addOption(
      new Option('--faults <list>', 'faults per MSF call, e.g. throttle=0.3,5xx=0.1,conflict=0.1')
        .argParser(parseFaults)
        .default({}, 'none'),
    )
    .addOption(
      new Option(
        '--concurrency <n>',
        `the scaler's most rows in flight, 1-${Defaults.MAX_CONCURRENCY} (default: ${Defaults.CONCURRENCY}, the scaler's own)`,
      ).argParser(wholeNumberArg('--concurrency', 1, Defaults.MAX_CONCURRENCY)),
    )
    .showHelpAfterError()
    .action((parsed: BenchFlags) => {
      onFlags(parsed);
    });
}

/**
 * Parses `pnpm bench` flags; usage errors and `--help` write to `streams` and end with 2 or 0.
 *
 * @example
 * await parseBenchArgs(['--apps', '50'], io); // { flags: { apps: 50, latencyMs: 20, faults: {} } }
 */
async function parseBenchArgs(args: readonly string[], streams: CliStreams): Promise<BenchRequest> {
  let flags: BenchFlags | undefined;
  const ended = await runProgram(
    buildProgram((parsed) => {
      flags = parsed;
    }),
    args,
    streams,
  );
  if (ended !== undefined) return { ended };
  return flags === undefined ? { ended: ExitCode.USAGE } : { flags };
}

async function main(args: readonly string[]): Promise<number> {
  const request = await parseBenchArgs(args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  if ('ended' in request) return request.ended;
  const { flags } = request;
  const result = await runBenchmark({
    apps: flags.apps,
    latencyMs: flags.latencyMs,
    faults: flags.faults,
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`${renderBenchmark(result)}\n`);
  return ExitCode.OK;
}

function start(): void {
  quietPinnedSdkNotice(process.env);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `pnpm bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = ExitCode.FAILED;
    },
  );
}

// Run only as the entry point, so tests import the parser without starting a benchmark.
if (require.main === module) start();

export type { BenchRequest };
export { parseBenchArgs };
