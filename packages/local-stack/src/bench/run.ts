#!/usr/bin/env node
/**
 * `pnpm bench [--apps N] [--latency-ms MS] [--concurrency 1,8,32]`: prints the scaler's run
 * time, throughput, MSF calls and memory against the local stack. Figures only, no assertions.
 */
import { ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { quietPinnedSdkNotice } from '@msf-scaler/scaler';
import { Command } from 'commander';
import { runBenchmark } from './benchmark';
import { renderBenchmark } from './renderBenchmark';

quietPinnedSdkNotice(process.env);

interface BenchFlags {
  readonly apps: number;
  readonly latencyMs: number;
  readonly concurrency: number[];
}

const parseLevel = wholeNumberArg('--concurrency', 1, 64);

function levels(value: string): number[] {
  return value.split(',').map((part) => parseLevel(part));
}

async function main(args: readonly string[]): Promise<number> {
  let flags: BenchFlags | undefined;
  const program = new Command('pnpm bench')
    .description('Benchmark the scaler against dynalite and the MSF emulator (figures only).')
    .option('--apps <n>', 'applications and rows', wholeNumberArg('--apps', 1, 5000), 200)
    .option(
      '--latency-ms <ms>',
      'latency the emulator adds to every MSF call',
      wholeNumberArg('--latency-ms', 0, 10_000),
      20,
    )
    .option('--concurrency <levels>', 'comma-separated concurrency levels, one run each', levels, [1, 8, 32])
    .action((parsed: BenchFlags) => {
      flags = parsed;
    });
  const ended = await runProgram(program, args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  if (ended !== undefined) return ended;
  if (flags === undefined) return ExitCode.USAGE;
  process.stderr.write(`Seeding ${flags.apps} applications, then ${flags.concurrency.length} runs...\n`);
  const result = await runBenchmark({ apps: flags.apps, latencyMs: flags.latencyMs, concurrencies: flags.concurrency });
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
