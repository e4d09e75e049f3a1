import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { main } from '../../src/program';
import { anApplicationDetail, anItem } from '../helpers/fixtures';

const ddbMock = mockClient(DynamoDBDocumentClient);
const msfMock = mockClient(KinesisAnalyticsV2Client);

/** Runs the CLI in-process and returns what a person would see. */
async function cli(args: string[], env: Record<string, string> = {}, clock?: () => number) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    createClients: () => ({
      dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
      msf: new KinesisAnalyticsV2Client({ region: 'us-east-1' }),
    }),
    now: () => new Date('2026-11-27T10:00:00Z'),
    ...(clock === undefined ? {} : { clock }),
  });
  return { args: args.join(' '), code, stdout, stderr };
}

function seed() {
  ddbMock.on(ScanCommand).resolves({
    Items: [
      anItem({ appName: 'orders-enricher' }),
      anItem({ appName: 'night-batch', scaleUpHour: 22, scaleDownHour: 6, lowKPU: 2, highKPU: 8 }),
      anItem({ appName: 'paused', enabled: false }),
    ],
  });
  msfMock
    .on(DescribeApplicationCommand, { ApplicationName: 'orders-enricher' })
    .resolves({ ApplicationDetail: anApplicationDetail({ parallelism: 4 }) });
  msfMock
    .on(DescribeApplicationCommand, { ApplicationName: 'night-batch' })
    .resolves({ ApplicationDetail: anApplicationDetail({ name: 'night-batch', parallelism: 16, perKPU: 2 }) });
  msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op-1' });
}

describe('Command: msf-scaler', () => {
  beforeEach(() => {
    // No application has a failed update in its history: the back-off never holds a row here.
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  it('plans at an instant and prints a readable table without updating anything', async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(['plan', '--at', '2026-11-27T20:00:00Z']);

    // Assess
    expect(result).toMatchSnapshot();
    expect(msfMock).toHaveReceivedCommandTimes(UpdateApplicationCommand, 0);
  });

  it('runs at the current instant by default, on the table from SCHEDULE_TABLE, and scales', async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(['run'], { SCHEDULE_TABLE: 'team-schedules' });

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandWith(ScanCommand, { TableName: 'team-schedules' });
    expect(msfMock).toHaveReceivedCommandWith(UpdateApplicationCommand, { ApplicationName: 'night-batch' });
  });

  it('lets --table win over SCHEDULE_TABLE and prints only JSON with --json', async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(['run', '--dry-run', '--json', '--table', 'flag-table', '--at', '2026-11-27T20:00:00Z'], {
      SCHEDULE_TABLE: 'env-table',
    });

    // Assess
    const summary = JSON.parse(result.stdout) as { table: string; dryRun: boolean; counts: Record<string, number> };
    expect(summary).toMatchObject({ table: 'flag-table', dryRun: true, counts: { scaled: 2, skipped: 1 } });
    expect(result.code).toBe(0);
  });

  it('exits 1 when a row is invalid, with the row, attribute and rule, and warns about unknown attributes on stderr', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'bad', highKPU: 0, scaleupHour: 3 })] });

    // Act
    const result = await cli(['plan', '--at', '2026-11-27T20:00:00Z']);

    // Assess
    expect(result).toMatchSnapshot();
    expect(result.code).toBe(1);
  });

  it('exits 1 with the fix when the table cannot be read', async () => {
    // Prepare
    ddbMock
      .on(ScanCommand)
      .rejects(
        Object.assign(new Error('Cannot do operations on a non-existent table'), { name: 'ResourceNotFoundException' }),
      );

    // Act
    const result = await cli(['plan']);

    // Assess
    expect(result).toMatchSnapshot();
  });

  it.each([[['plan', '--at', 'tomorrow']], [['run', '--concurrency', '0']], [['run', '--bogus']], [['scale']], [[]]])(
    'exits 2 with the usage text for %p',
    async (args) => {
      // Act
      const result = await cli(args);

      // Assess
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Usage: msf-scaler/);
      expect(result.stdout).toBe('');
      expect(ddbMock).toHaveReceivedCommandTimes(ScanCommand, 0);
    },
  );

  it('ends the rows it cannot reach before --deadline as deferred and exits 1', async () => {
    // Prepare
    seed();
    const ticks = [0];
    // The deadline is set at 0 s; every later reading of the clock is 10 s on: past it.
    function clock(): number {
      return ticks.length > 0 ? (ticks.pop() as number) : 10_000;
    }

    // Act
    const result = await cli(['run', '--deadline', '5', '--json'], {}, clock);

    // Assess
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).counts).toMatchObject({ deferred: 3, scaled: 0 });
    expect(msfMock).toHaveReceivedCommandTimes(DescribeApplicationCommand, 0);
  });

  it('refuses rows above --max-kpu-per-application, and the flag itself when it is not a whole number', async () => {
    // Prepare
    seed();

    // Act
    const limited = await cli(['plan', '--at', '2026-11-27T10:00:00Z', '--max-kpu-per-application', '4', '--json']);
    const wrong = await cli(['plan', '--max-kpu-per-application', 'many']);

    // Assess
    const outcomes = JSON.parse(limited.stdout).outcomes as { rowId: string; outcome: string; reason: string }[];
    expect(outcomes.find((outcome) => outcome.rowId === 'night-batch')?.reason).toContain('highKPU 8 is above 4');
    expect(limited.code).toBe(1);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--max-kpu-per-application must be a whole number from 1 to 10000, got "many"');
  });

  it('refuses the scale-ups above --max-total-kpu (over $SCALER_MAX_TOTAL_KPU), and a bad value as a usage error', async () => {
    // Prepare: at 22:00 orders-enricher goes 4 -> 1 KPU (frees 3) and night-batch 2 -> 8 (+6):
    // 6 in use, 3 after the scale-down, 9 with the scale-up.
    seed();
    msfMock
      .on(DescribeApplicationCommand, { ApplicationName: 'night-batch' })
      .resolves({ ApplicationDetail: anApplicationDetail({ name: 'night-batch', parallelism: 4, perKPU: 2 }) });
    const at = ['--at', '2026-11-27T22:00:00Z'];

    // Act
    const refused = await cli(['plan', ...at, '--max-total-kpu', '8', '--json'], { SCALER_MAX_TOTAL_KPU: '1000' });
    const allowed = await cli(['plan', ...at, '--json'], { SCALER_MAX_TOTAL_KPU: '9' });
    const wrong = await cli(['plan', '--max-total-kpu', 'lots']);

    // Assess
    function outcomesOf(result: { stdout: string }) {
      return JSON.parse(result.stdout).outcomes as { rowId: string; outcome: string; errorCode?: string }[];
    }
    expect(outcomesOf(refused).find(({ rowId }) => rowId === 'night-batch')).toMatchObject({
      outcome: 'error',
      errorCode: 'MaxTotalKpuExceeded',
    });
    expect(outcomesOf(refused).find(({ rowId }) => rowId === 'orders-enricher')?.outcome).toBe('scaled');
    expect(refused.code).toBe(1);
    expect(outcomesOf(allowed).filter(({ outcome }) => outcome === 'scaled')).toHaveLength(2);
    expect(allowed.code).toBe(0);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--max-total-kpu must be a whole number from 1 to 1000000, got "lots"');
  });

  it.each(['0', 'soon', '1.5'])('refuses --deadline %s as a usage error', async (value) => {
    // Act
    const result = await cli(['run', '--deadline', value]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--deadline must be a whole number from 1 to 86400, got "${value}"`);
  });

  it('prints help and exits 0 for --help', async () => {
    // Act
    const result = await cli(['run', '--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--dry-run/);
  });
});
