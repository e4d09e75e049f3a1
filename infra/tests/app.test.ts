import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CDK_JSON_CONTEXT } from './helpers/stack';

const INFRA_DIR = path.resolve(__dirname, '..');
const TSX = path.resolve(INFRA_DIR, '..', 'node_modules', '.bin', 'tsx');

interface AppRun {
  readonly exitCode: number;
  readonly stderr: string;
  readonly outdir: string;
}

/**
 * Runs `bin/app.ts` the way `cdk synth` does: the CLI hands the app its context in
 * CDK_CONTEXT_JSON (cdk.json's context plus -c values) and the output directory in CDK_OUTDIR.
 * Bundling is skipped; the bundle has its own test.
 */
async function runApp(context: Readonly<Record<string, unknown>>, outdir: string): Promise<AppRun> {
  const env = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify({ ...CDK_JSON_CONTEXT, ...context, 'aws:cdk:bundling-stacks': [] }),
  };
  try {
    const { stderr } = await promisify(execFile)(TSX, ['bin/app.ts'], { cwd: INFRA_DIR, env });
    return { exitCode: 0, stderr, outdir };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { exitCode: failed.code ?? -1, stderr: failed.stderr ?? String(error), outdir };
  }
}

describe('App: bin/app.ts', () => {
  let outdir: string;

  beforeEach(async () => {
    outdir = await mkdtemp(path.join(tmpdir(), 'msf-scaler-app-'));
  });

  afterEach(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  it('synthesizes the stack from context, with cdk-nag passing', async () => {
    // Prepare
    const context = {
      appNamePrefix: 'orders-',
      alarmEmail: 'ops@example.com',
      schedule: 'rate(30 minutes)',
      heartbeatHours: '3',
    };

    // Act
    const run = await runApp(context, outdir);

    // Assess
    expect(run).toMatchObject({ exitCode: 0 });
    const template = JSON.parse(await readFile(path.join(outdir, 'MsfScheduledScaler.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    function byType(type: string): Record<string, unknown>[] {
      return Object.values(template.Resources)
        .filter((resource) => resource.Type === type)
        .map((resource) => resource.Properties);
    }
    expect(byType('AWS::Events::Rule')).toMatchObject([{ ScheduleExpression: 'rate(30 minutes)' }]);
    expect(byType('AWS::SNS::Subscription')).toMatchObject([{ Protocol: 'email', Endpoint: 'ops@example.com' }]);
    expect(JSON.stringify(byType('AWS::IAM::Policy'))).toContain(':application/orders-*');
    expect(byType('AWS::CloudWatch::Alarm').filter((alarm) => alarm.MetricName === 'RowsTotal')).toMatchObject([
      { EvaluationPeriods: 3, DatapointsToAlarm: 3 },
    ]);
  });

  it('stops with every invalid context key named and how to fix it', async () => {
    // Prepare
    const context = { schedule: 'hourly', alarmEmail: 'nobody', heartbeatHours: '25' };

    // Act
    const run = await runApp(context, outdir);

    // Assess
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('Invalid MSF scheduled scaler configuration:');
    expect(run.stderr).not.toContain('    at ');
    expect(run.stderr).toContain(
      'Context "schedule" must start with "cron(" or "rate(", got "hourly". Fix: pass -c schedule=',
    );
    expect(run.stderr).toContain(
      'Context "alarmEmail" must be an e-mail address such as ops@example.com, got "nobody".',
    );
    expect(run.stderr).toContain('Context "heartbeatHours" must be a whole number of hours from 1 to 24');
  });
});
