import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { main } from '../../src/program';

const ddbMock = mockClient(DynamoDBDocumentClient);

/** Runs the CLI in-process and returns what a person would see. */
async function cli(args: string[], env: Record<string, string> = {}) {
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
  });
  return { args: args.join(' '), code, stdout, stderr };
}

describe('Command: msf-scaler calendar put', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'calendar-test-'));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  afterEach(() => {
    ddbMock.reset();
  });

  it('creates the item calendar:NAME with one UpdateItem of dates and description, sorted and deduplicated', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli(
      ['calendar', 'put', 'de-public', '--dates', '2026-12-26, 2026-12-25,2026-12-25', '--description', 'Germany'],
      { SCHEDULE_TABLE: 'team-schedules' },
    );

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'team-schedules',
      Key: { appName: 'calendar:de-public' },
      UpdateExpression: 'SET #n0 = :v0, #n1 = :v1',
      ExpressionAttributeNames: { '#n0': 'dates', '#n1': 'description' },
      ExpressionAttributeValues: { ':v0': new Set(['2026-12-25', '2026-12-26']), ':v1': 'Germany' },
    });
  });

  it('replaces the dates of an existing calendar, keeps its description, and says what changed', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({
      Item: { appName: 'calendar:de-public', dates: new Set(['2026-12-24', '2026-12-25']), description: 'Germany' },
    });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli(['calendar', 'put', 'de-public', '--dates', '2026-12-25,2026-12-26', '--json']);

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'msf-scaler-schedules',
      name: 'de-public',
      dates: ['2026-12-25', '2026-12-26'],
      description: 'Germany',
      created: false,
      added: ['2026-12-26'],
      removed: ['2026-12-24'],
    });
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.UpdateExpression).toBe('SET #n0 = :v0');
  });

  it.each([
    ['a JSON array', 'dates.json', '["2026-11-27", "2026-11-26"]'],
    ['one date per line, with comments', 'dates.txt', '# US office\n2026-11-26  # Thanksgiving\n\n2026-11-27\n'],
  ])('reads the dates from a file holding %s', async (_case, name, text) => {
    // Prepare
    const file = path.join(folder, name);
    writeFileSync(file, text);
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await cli(['calendar', 'put', 'us-holidays', '--dates', file]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('calendar us-holidays: 2 dates from 2026-11-26 to 2026-11-27 (created)\n');
  });

  it('never writes a calendar the scaler would reject, naming the value and the rule', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const result = await cli(['calendar', 'put', 'de-public', '--dates', '2026-12-25,2026-13-01']);

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it('names the file when it cannot be read (exit 1)', async () => {
    // Act
    const result = await cli(['calendar', 'put', 'de-public', '--dates', path.join(folder, 'missing.txt')]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.txt: cannot read: no such file');
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it.each([
    [['calendar', 'put', 'de public', '--dates', '2026-12-25'], 'NAME must be a calendar name'],
    [['calendar', 'put', 'de-public'], 'give the dates with --dates D1,D2,... or --dates FILE'],
  ])('refuses %j as a usage error (exit 2)', async (args, message) => {
    // Act
    const result = await cli(args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(ddbMock).toHaveReceivedCommandTimes(GetCommand, 0);
  });
});

describe('Command: msf-scaler calendar list', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('lists the calendar items found by a filtered Scan, in name order, and exits 1 when one is invalid', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({
      Items: [
        { appName: 'calendar:us-holidays', dates: new Set(['2026-11-27', '2026-11-26']), description: 'US office' },
        { appName: 'calendar:broken', dates: ['2026-02-30'] },
        { appName: 'calendar:de-public', dates: ['2026-12-25'] },
      ],
    });

    // Act
    const result = await cli(['calendar', 'list']);

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandWith(ScanCommand, {
      TableName: 'msf-scaler-schedules',
      ConsistentRead: true,
      FilterExpression: 'begins_with(#appName, :prefix)',
      ExpressionAttributeValues: { ':prefix': 'calendar:' },
    });
  });

  it('prints every calendar as JSON and exits 0 when all are valid', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [{ appName: 'calendar:de-public', dates: ['2026-12-25'] }] });

    // Act
    const result = await cli(['calendar', 'list', '--json', '--table', 'team-schedules']);

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'team-schedules',
      calendars: [{ name: 'de-public', valid: true, dates: ['2026-12-25'], warnings: [] }],
    });
  });

  it('says how to add one when the table has no calendar', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [] });

    // Act
    const result = await cli(['calendar', 'list']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'no calendar in table "msf-scaler-schedules"; add one with msf-scaler calendar put',
    );
  });

  it('exits 1 with the fix when the table cannot be read', async () => {
    // Prepare
    const error = new Error('Requested resource not found');
    error.name = 'ResourceNotFoundException';
    ddbMock.on(ScanCommand).rejects(error);

    // Act
    const result = await cli(['calendar', 'list']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: cannot read schedule table "msf-scaler-schedules": ResourceNotFoundException: Requested resource not found; create the table or point at the right one (--table or SCHEDULE_TABLE)\n',
    );
  });
});
