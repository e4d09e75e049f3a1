import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { type LocalStack, seed, startLocalStack } from '@msf-scaler/local-stack';
import type { CompactSummary } from '@msf-scaler/scaler';
import { EXAMPLE_ROW } from '@msf-scaler/schema';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { build } from 'esbuild';
import { SCALER_ENTRY, ScalerBundling } from '../lib/scaler-function';
import { toEsbuildOptions } from './helpers/esbuild';
import { createTestStack } from './helpers/stack';

// Loads the bundle the way Lambda does (a fresh Node process, `require`, then `handler(event)`)
// and writes the summary to a file: stdout belongs to the Powertools logs and metrics.
const INVOKE_SCRIPT = `
const [bundle, event, out] = process.argv.slice(1);
require(bundle).handler(JSON.parse(event)).then(
  (summary) => require('node:fs').writeFileSync(out, JSON.stringify(summary)),
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

describe('Bundle: scaler Lambda', () => {
  let workdir: string;
  let local: LocalStack;

  beforeAll(async () => {
    workdir = await mkdtemp(path.join(tmpdir(), 'msf-scaler-bundle-'));
    // transitionMs 0: an update has completed before the next request, so the test can read it.
    local = await startLocalStack({ transitionMs: 0 });
  });

  afterAll(async () => {
    await local?.close();
    await rm(workdir, { recursive: true, force: true });
  });

  it('bundles the handler and scales one application from a fresh process', async () => {
    // Prepare
    const bundle = path.join(workdir, 'index.js');
    const summaryFile = path.join(workdir, 'summary.json');
    await seed(local, {
      rows: [EXAMPLE_ROW],
      applications: [
        { name: EXAMPLE_ROW.appName, parallelism: 2, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
      ],
    });
    await build(toEsbuildOptions(ScalerBundling, SCALER_ENTRY, bundle));
    const { size } = await stat(bundle);
    console.log(`scaler bundle: ${(size / 1024).toFixed(1)} KB minified (index.js, without its source map)`);

    // Act
    // execFile, not execFileSync: the local servers run in this process and must keep serving.
    await promisify(execFile)(
      process.execPath,
      ['-e', INVOKE_SCRIPT, bundle, JSON.stringify(SCHEDULED_EVENT), summaryFile],
      {
        env: { PATH: process.env.PATH ?? '', ...stackFunctionEnv(), ...local.env },
        maxBuffer: 16 * 1024 * 1024,
      },
    );

    // Assess
    expect(size).toBeLessThan(3 * 1024 * 1024);
    const summary = JSON.parse(await readFile(summaryFile, 'utf8')) as CompactSummary;
    expect(summary).toMatchObject({
      table: local.tableName,
      at: '2026-11-27T10:00:00.000Z',
      total: 1,
      counts: { scaled: 1, unchanged: 0, skipped: 0, busy: 0, invalid: 0, error: 0, deferred: 0 },
      // The handler lists only the rows that need a look; the scaled one is the emulator's to show.
      attention: [],
      attentionNotListed: 0,
    });
    expect(local.emulator.callCount('UpdateApplication')).toBe(1);
    expect(
      local.emulator.getApplication('orders-enricher')?.ApplicationConfigurationDescription
        ?.FlinkApplicationConfigurationDescription?.ParallelismConfigurationDescription?.Parallelism,
    ).toBe(8);
  }, 60_000);
});
