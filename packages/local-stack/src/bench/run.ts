#!/usr/bin/env node
/**
 * `pnpm bench [--apps N] [--latency-ms MS] [--faults throttle=0.3,5xx=0.1,conflict=0.1]`: the
 * sequential loop the scaler replaces and the scaler at its defaults, side by side, against the
 * local stack. Figures only, no assertions.
 */
import { ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { Defaults, quietPinnedSdkNotice } from '@msf-scaler/scaler';
import { Command, InvalidArgumentError } from 'commander';
import { type BenchFaults, runBenchmark } from './benchmark';
import { renderBenchmark } from './renderBenchmark';

quietPinnedSdkNotice(process.env);

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

async function main(args: readonly string[]): Promise<number> {
  let flags: BenchFlags | undefined;
  const program = new Command('pnpm bench')
    .description(
      'The sequential loop and the scaler side by side against dynalite and the MSF emulator (figures only).',
    )
    .option('--apps <n>', 'applications and rows', wholeNumberArg('--apps', 1, 20_000), 200)
    .option(
      '--latency-ms <ms>',
      'latency the emulator adds to every MSF call',
      wholeNumberArg('--latency-ms', 0, 10_000),
      20,
    )
    .option('--faults <list>', 'faults per MSF call, e.g. throttle=0.3,5xx=0.1,conflict=0.1', parseFaults, {})
    .option(
      '--concurrency <n>',
      `the scaler's most rows in flight (default ${Defaults.CONCURRENCY})`,
      wholeNumberArg('--concurrency', 1, Defaults.MAX_CONCURRENCY),
    )
    .action((parsed: BenchFlags) => {
      flags = parsed;
    });
  const ended = await runProgram(program, args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  if (ended !== undefined) return ended;
  if (flags === undefined) return ExitCode.USAGE;
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
