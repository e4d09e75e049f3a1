#!/usr/bin/env node
/**
 * `pnpm bench:memory [--rows N]`: the peak memory of one run over N rows (valid and malformed
 * mixed) for the Lambda handler and for the CLI, each built as the deployed bundle is built and
 * run in its own Node process against the local stack (which runs in this process), so the
 * figures are the scaler's alone. Figures only, no assertions.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { ExitCode, runProgram, wholeNumberArg } from '@msf-scaler/commons';
import { quietPinnedSdkNotice, ScalerBundle } from '@msf-scaler/scaler';
import { Command } from 'commander';
import { type BuildOptions, build } from 'esbuild';
import { LocalDefaults } from '../constants';
import { localClients } from '../localClients';
import { type LocalStack, startLocalStack } from '../localStack';
import { seed } from '../seed';

quietPinnedSdkNotice(process.env);

const MB = 1024 * 1024;
const PEAK = '2026-11-27T10:00:00Z';
const OFF_PEAK = '2026-11-27T22:00:00Z';
const BATCH = 25;

/** One measured child process. */
interface ChildFigures {
  readonly label: string;
  readonly peakRssBytes: number;
  /** Largest heapUsed and external memory sampled (every 5 ms). */
  readonly peakHeapBytes: number;
  readonly peakExternalBytes: number;
  readonly wallMs: number;
  readonly stdoutBytes: number;
  readonly exitCode: number | null;
}

/** The malformed rows, raw as `aws dynamodb put-item` writes them: one kind after the other. */
function malformedItem(index: number): WriteRequest['PutRequest'] {
  const appName = { S: `broken-${String(index).padStart(5, '0')}` };
  const kinds = [
    { appName, lowKPU: { N: '1' } },
    { appName, lowKPU: { S: '1' }, highKPU: { N: '4' }, scaleUpHour: { N: '8' }, scaleDownHour: { N: '20' } },
    {
      appName,
      lowKPU: { N: '1' },
      highKPU: { N: '99999999999999999999' },
      scaleUpHour: { N: '8' },
      scaleDownHour: { N: '20' },
    },
    {
      appName,
      lowKPU: { N: '1' },
      highKPU: { N: '2' },
      scaleUpHour: { N: '8' },
      scaleDownHour: { N: '20' },
      timezone: { S: 'x'.repeat(20_000) },
    },
    {
      appName,
      lowKPU: { N: '1' },
      ...Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`note${n}`, { S: 'y'.repeat(200) }])),
    },
    { appName: { S: `bad\nname\u001b[31m-${index}` }, lowKPU: { N: '0' } },
  ];
  return { Item: kinds[index % kinds.length] };
}

async function seedRows(stack: LocalStack, rows: number): Promise<void> {
  const clients = localClients(stack);
  try {
    const valid = Array.from({ length: Math.ceil(rows / 2) }, (_, index) => `mem-${String(index).padStart(5, '0')}`);
    await seed(
      stack,
      {
        rows: valid.map((appName) => ({ appName, lowKPU: 1, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 })),
        applications: valid.map((name) => ({
          name,
          parallelism: 1,
          parallelismPerKPU: 1,
          autoScalingEnabled: true,
          running: true,
        })),
      },
      { clients },
    );
    const broken = Array.from({ length: rows - valid.length }, (_, index) => malformedItem(index));
    for (let start = 0; start < broken.length; start += BATCH) {
      const requests = broken.slice(start, start + BATCH).map((PutRequest) => ({ PutRequest }));
      await clients.dynamodbClient.send(new BatchWriteItemCommand({ RequestItems: { [stack.tableName]: requests } }));
    }
  } finally {
    clients.destroy();
  }
}

/** Builds the handler and the CLI the way the deployed bundle is built. */
async function buildBundles(outdir: string): Promise<{ handler: string; cli: string }> {
  const handlerEntry = require.resolve('@msf-scaler/scaler/handler');
  const handler = path.join(outdir, 'handler.js');
  const cli = path.join(outdir, 'cli.js');
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    logLevel: 'error',
    ...ScalerBundle,
    mainFields: [...ScalerBundle.mainFields],
    external: [...ScalerBundle.external],
  };
  await build({ ...options, entryPoints: [handlerEntry], outfile: handler });
  // The CLI package is a consumer of this one, so its entry is found by place, not by import.
  const cliEntry = path.resolve(__dirname, '..', '..', '..', 'cli', 'src', 'main.ts');
  await build({ ...options, entryPoints: [cliEntry], outfile: cli });
  return { handler, cli };
}

/** Runs one script in a child Node process and reads its peak RSS (the kernel's maxRSS) at exit. */
function runChild(
  label: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  rssFile: string,
  nodeOptions: readonly string[],
): Promise<ChildFigures> {
  const preload = path.join(path.dirname(rssFile), 'report-memory.cjs');
  // Loaded first in the child: samples the heap while it runs, and writes the kernel's peak RSS
  // (maxRSS, in KB) with the largest heap and external memory seen when the process exits.
  writeFileSync(
    preload,
    `const peak = { heapUsed: 0, external: 0 };
setInterval(() => {
  const usage = process.memoryUsage();
  peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
  peak.external = Math.max(peak.external, usage.external);
}, 5).unref();
process.on('exit', () => {
  require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024, ...peak }));
});
`,
  );
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, '--require', preload, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdoutBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      // A child that crashed (out of memory, say) wrote nothing: its exit code tells.
      const memory = existsSync(rssFile)
        ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { rss: number; heapUsed: number; external: number })
        : { rss: Number.NaN, heapUsed: Number.NaN, external: Number.NaN };
      resolve({
        label,
        peakRssBytes: memory.rss,
        peakHeapBytes: memory.heapUsed,
        peakExternalBytes: memory.external,
        wallMs: performance.now() - started,
        stdoutBytes,
        exitCode,
      });
    });
  });
}

function render(rows: number, figures: readonly ChildFigures[]): string {
  const lines = figures.map(
    (f) =>
      `  ${f.label.padEnd(34)} peak RSS ${(f.peakRssBytes / MB).toFixed(1).padStart(6)} MB  heap ${(f.peakHeapBytes / MB).toFixed(1).padStart(6)} MB  external ${(f.peakExternalBytes / MB).toFixed(1).padStart(5)} MB   ${(f.wallMs / 1000).toFixed(1).padStart(5)} s   stdout ${(f.stdoutBytes / MB).toFixed(2)} MB   exit ${f.exitCode}`,
  );
  return [
    `Peak memory of one run over ${rows} rows (half valid with an application each, half malformed in six ways),`,
    'each bundled as deployed (esbuild, ScalerBundle) and run in its own Node process against the local stack:',
    ...lines,
  ].join('\n');
}

async function main(args: readonly string[]): Promise<number> {
  let rows: number | undefined;
  let nodeOptions: string[] = [];
  const program = new Command('pnpm bench:memory')
    .description('Peak RSS of the handler and the CLI over a large table (figures only).')
    .option('--rows <n>', 'rows in the table', wholeNumberArg('--rows', 2, 100_000), 10_000)
    .option('--node-options <flags>', 'Node/V8 flags for the measured processes, to investigate (e.g. "--trace-gc")')
    .action((flags: { rows: number; nodeOptions?: string }) => {
      rows = flags.rows;
      nodeOptions = (flags.nodeOptions ?? '').split(' ').filter((flag) => flag !== '');
    });
  const ended = await runProgram(program, args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  if (ended !== undefined) return ended;
  if (rows === undefined) return ExitCode.USAGE;

  const work = mkdtempSync(path.join(tmpdir(), 'msf-scaler-memory-'));
  const stack = await startLocalStack({ transitionMs: 0 });
  try {
    process.stderr.write(`Seeding ${rows} rows...\n`);
    await seedRows(stack, rows);
    process.stderr.write('Bundling the handler and the CLI...\n');
    const bundles = await buildBundles(work);
    const env = {
      PATH: process.env.PATH,
      ...stack.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...(process.env.SCALER_CONCURRENCY === undefined ? {} : { SCALER_CONCURRENCY: process.env.SCALER_CONCURRENCY }),
      AWS_ACCESS_KEY_ID: LocalDefaults.ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: LocalDefaults.SECRET_ACCESS_KEY,
    };
    const runner = path.join(work, 'run-handler.cjs');
    writeFileSync(
      runner,
      `const { handler } = require(${JSON.stringify(bundles.handler)});
handler({ time: ${JSON.stringify(PEAK)} }, { getRemainingTimeInMillis: () => 300000 })
  .then((result) => process.stdout.write(JSON.stringify(result)), (error) => { console.error(error); process.exitCode = 1; });\n`,
    );
    const figures: ChildFigures[] = [];
    process.stderr.write('Handler run...\n');
    figures.push(await runChild('handler (run, logs to stdout)', [runner], env, path.join(work, 'rss-1'), nodeOptions));
    process.stderr.write('CLI table...\n');
    figures.push(
      await runChild(
        'msf-scaler run (table)',
        [bundles.cli, 'run', '--at', OFF_PEAK],
        env,
        path.join(work, 'rss-2'),
        nodeOptions,
      ),
    );
    process.stderr.write('CLI --json...\n');
    figures.push(
      await runChild(
        'msf-scaler plan --json',
        [bundles.cli, 'plan', '--json', '--at', PEAK],
        env,
        path.join(work, 'rss-3'),
        nodeOptions,
      ),
    );
    process.stdout.write(`${render(rows, figures)}\n`);
    return ExitCode.OK;
  } finally {
    await stack.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `pnpm bench:memory: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = ExitCode.FAILED;
  },
);
