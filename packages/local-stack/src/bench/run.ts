#!/usr/bin/env node
import { quietPinnedSdkNotice } from '@msf-scaler/scaler';
/**
 * `pnpm bench [--apps N] [--latency-ms MS] [--concurrency 1,8,32]`: prints the scaler's run
 * time, throughput, MSF calls and memory against the local stack. Figures only, no assertions.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ExitCode } from '../cli/exitCode';
import { runBenchmark } from './benchmark';
import { renderBenchmark } from './renderBenchmark';

quietPinnedSdkNotice(process.env);

function whole(flag: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(
        `${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
      );
    }
    return parsed;
  };
}

function levels(value: string): number[] {
  return value.split(',').map((part) => whole('--concurrency', 1, 64)(part));
}

async function main(args: readonly string[]): Promise<number> {
  let options: { apps: number; latencyMs: number; concurrency: number[] } | undefined;
  const program = new Command('pnpm bench')
    .description('Benchmark the scaler against dynalite and the MSF emulator (figures only).')
    .option('--apps <n>', 'applications and rows', whole('--apps', 1, 5000), 200)
    .option('--latency-ms <ms>', 'latency the emulator adds to every MSF call', whole('--latency-ms', 0, 10_000), 20)
    .option('--concurrency <levels>', 'comma-separated concurrency levels, one run each', levels, [1, 8, 32])
    .exitOverride()
    .action((flags: { apps: number; latencyMs: number; concurrency: number[] }) => {
      options = flags;
    });
  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.code === 'commander.helpDisplayed' ? ExitCode.OK : ExitCode.USAGE;
    throw error;
  }
  if (options === undefined) return ExitCode.USAGE;
  process.stderr.write(`Seeding ${options.apps} applications, then ${options.concurrency.length} runs...\n`);
  const result = await runBenchmark({
    apps: options.apps,
    latencyMs: options.latencyMs,
    concurrencies: options.concurrency,
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
