import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { main } from '../../src/program';
import { anItem } from '../helpers/fixtures';

const ddbMock = mockClient(DynamoDBDocumentClient);

/** Friday 27 November 2026, 10:00 UTC: inside the row's 08:00-20:00 window. */
const NOW = new Date('2026-11-27T10:00:00Z');

/** Runs the CLI in-process at `now`, and returns what a person would see. */
async function cli(args: string[], now: Date = NOW, env: Record<string, string> = {}) {
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
    now: () => now,
  });
  return { args: args.join(' '), code, stdout, stderr };
}

function conditionalCheckFailed(): Error {
  const error = new Error('The conditional request failed');
  error.name = 'ConditionalCheckFailedException';
  return error;
}

const LAUNCH = { kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week', by: 'ops' };
const EXPIRED = { kpu: 8, until: '2026-11-20T00:00:00Z', reason: 'old test' };

describe('Command: msf-scaler override', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('writes only overrides, in one UpdateItem conditional on the row and its overrides as read, and prints the effect', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem() });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli([
      'override',
      'orders-enricher',
      '--kpu',
      '16',
      '--until',
      '+4h',
      '--reason',
      'launch week',
    ]);

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'msf-scaler-schedules',
      Key: { appName: 'orders-enricher' },
      UpdateExpression: 'SET #n0 = :v0',
      ConditionExpression: 'attribute_exists(#n1) AND attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'overrides', '#n1': 'appName' },
      ExpressionAttributeValues: { ':v0': [{ kpu: 16, until: '2026-11-27T14:00:00Z', reason: 'launch week' }] },
    });
  });

  it('appends to the overrides read, guarded element by element, with --from, --by and --table', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ overrides: [EXPIRED] }) });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli(
      [
        'override',
        'orders-enricher',
        '--kpu',
        '16',
        '--from',
        '+1d',
        '--until',
        '2026-12-04T18:00:00Z',
        '--reason',
        'launch week',
        '--by',
        'ops',
        '--table',
        'team-schedules',
      ],
      NOW,
      { SCHEDULE_TABLE: 'ignored' },
    );

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'orders-enricher: 16 KPU from 2026-11-28T10:00:00Z until 2026-12-04T18:00:00Z (launch week, by ops); now 4 KPU (window 08:00-20:00 UTC every day)\n' +
        '  next 2026-11-27T20:00:00Z: 1 KPU (outside every window)\n',
    );
    expect(result.stderr).toContain(
      'warning: row "orders-enricher": override has expired and is ignored: overrides[0] (override until 2026-11-20T00:00:00Z (old test)); remove it from overrides',
    );
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'team-schedules',
      ConditionExpression:
        'attribute_exists(#n1) AND size(#n0) = :v0 AND size(#n0[0]) = :v1 AND #n0[0].#n2 = :v2 AND #n0[0].#n3 = :v3 AND #n0[0].#n4 = :v4',
      ExpressionAttributeNames: { '#n0': 'overrides', '#n1': 'appName', '#n2': 'kpu', '#n3': 'until', '#n4': 'reason' },
      ExpressionAttributeValues: {
        ':v0': 1,
        ':v1': 3,
        ':v2': 8,
        ':v3': '2026-11-20T00:00:00Z',
        ':v4': 'old test',
        ':v5': [EXPIRED, { ...LAUNCH, from: '2026-11-28T10:00:00Z' }],
      },
    });
  });

  it('writes nothing and exits 1 when the overrides changed between the read and the write', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem() });
    ddbMock.on(UpdateCommand).rejects(conditionalCheckFailed());

    // Act
    const result = await cli(['override', 'orders-enricher', '--kpu', '16', '--until', '+2d', '--reason', 'launch']);

    // Assess
    expect(result).toMatchSnapshot();
  });

  it('says to add the row first, and writes nothing, when there is no such row', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const result = await cli(['override', 'nobody', '--kpu', '2', '--until', '+1h', '--reason', 'test']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: no row "nobody" in table "msf-scaler-schedules"; add it first (see the README)\n',
    );
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it('never writes an override the scaler would reject, naming the element and the rule', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ overrides: [LAUNCH] }) });

    // Act
    const result = await cli(['override', 'orders-enricher', '--kpu', '100', '--until', '+1h', '--reason', 'x']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: row "orders-enricher": overrides[1].kpu 100 is above 64; KPU must be at most maxKPUPerApplication 64',
    );
    expect(result.stderr).toContain('nothing was written: the scaler would reject the row with this override');
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it.each([
    [['--kpu', '2', '--until', 'soon', '--reason', 'x'], '--until must be an ISO-8601 instant with Z or an offset'],
    [
      ['--kpu', '2', '--until', '2026-11-27T09:00:00Z', '--reason', 'x'],
      '--until 2026-11-27T09:00:00Z is not in the future',
    ],
    [['--kpu', '2', '--until', '2026-12-01T00:00:00'], 'an override needs --reason (or --clear to remove overrides)'],
    [
      ['--kpu', 'lots', '--until', '+1h', '--reason', 'x'],
      '--kpu must be a whole number of KPU, such as 16; got "lots"',
    ],
    [['--clear', '--kpu', '3'], '--clear removes overrides: give it no --kpu'],
    [['--all'], '--all goes with --clear'],
  ])('refuses %j as a usage error (exit 2) without reading the table', async (flags, message) => {
    // Act
    const result = await cli(['override', 'orders-enricher', ...flags]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(result.stderr).toContain('Usage: msf-scaler override');
    expect(ddbMock).toHaveReceivedCommandTimes(GetCommand, 0);
  });

  it('refuses an APP that is not an MSF application name', async () => {
    // Act
    const result = await cli(['override', 'calendar:de-public', '--clear']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('APP must be an MSF application name');
  });

  it('clears only the expired overrides, keeping the others, with the condition on what was read', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ overrides: [EXPIRED, LAUNCH] }) });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli(['override', 'orders-enricher', '--clear']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'orders-enricher: removed 1 expired override: override until 2026-11-20T00:00:00Z (old test); 1 left; now 16 KPU (override until 2026-12-04T18:00:00Z (launch week, by ops))\n' +
        '  next 2026-12-04T18:00:00Z: 4 KPU (window 08:00-20:00 UTC every day)\n',
    );
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      UpdateExpression: 'SET #n0 = :v10',
      ExpressionAttributeValues: { ':v10': [LAUNCH] },
    });
  });

  it('removes the attribute with --clear --all, and prints JSON with --json', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ overrides: [LAUNCH] }) });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli(['override', 'orders-enricher', '--clear', '--all', '--json']);

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'msf-scaler-schedules',
      appName: 'orders-enricher',
      written: true,
      clear: 'all',
      removed: ['override until 2026-12-04T18:00:00Z (launch week, by ops)'],
      overrides: [],
      now: { at: '2026-11-27T10:00:00Z', targetKPU: 4, rule: 'window 08:00-20:00 UTC every day' },
      next: { at: '2026-11-27T20:00:00Z', targetKPU: 1, rule: 'outside every window' },
      warnings: [],
    });
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.UpdateExpression).toBe('REMOVE #n0');
  });

  it('writes nothing when no override has expired, and says what the row does', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ overrides: [LAUNCH] }) });

    // Act
    const result = await cli(['override', 'orders-enricher', '--clear']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'orders-enricher: no expired override to remove (1 in force or to come); nothing written; now 16 KPU',
    );
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it('shows its flags, examples, the variables it reads and its exit codes in --help', async () => {
    // Act
    const result = await cli(['override', '--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: msf-scaler override [options] <APP>');
    expect(result.stdout).toContain('  $ msf-scaler override orders-enricher --clear');
    expect(result.stdout).toMatch(/^ {2}SCHEDULE_TABLE\b/m);
    expect(result.stdout).toMatch(/^ {2}SCALER_MAX_KPU_PER_APPLICATION\b/m);
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*changed since it was read.*\n {2}2 {2}usage error/);
  });
});
