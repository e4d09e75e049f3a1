import { DynamoDBDocumentClient, GetCommand, NumberValue, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { anItem } from '../helpers/fixtures';
import { mockedCli } from '../helpers/mockedCli';
import { rowsFile } from '../helpers/runCli';

const ddbMock = mockClient(DynamoDBDocumentClient);

const FLAGS = ['--app', 'orders-enricher', '--low', '1', '--high', '4', '--up', '8', '--down', '20'];

function conditionalCheckFailed(): Error {
  const error = new Error('The conditional request failed');
  error.name = 'ConditionalCheckFailedException';
  return error;
}

/** The table holds these rows (GetItem answers them), and every write succeeds. */
function tableHolds(...items: Record<string, unknown>[]): void {
  ddbMock.on(GetCommand).resolves({});
  for (const item of items) ddbMock.on(GetCommand, { Key: { appName: item.appName } }).resolves({ Item: item });
  ddbMock.on(PutCommand).resolves({});
}

describe('Command: msf-scaler put', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('creates a new row from flags with one PutItem conditional on there being none, after a consistent read', async () => {
    // Prepare
    tableHolds();

    // Act
    const result = await mockedCli(['put', ...FLAGS, '--timezone', 'Europe/Berlin', '--days', 'MON-FRI', '--disabled']);

    // Assess
    expect(result).toEqual({
      args: 'put --app orders-enricher --low 1 --high 4 --up 8 --down 20 --timezone Europe/Berlin --days MON-FRI --disabled',
      code: 0,
      stdout: 'created orders-enricher in msf-scaler-schedules\nput into msf-scaler-schedules: 1 created\n',
      stderr: '',
    });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, {
      Key: { appName: 'orders-enricher' },
      ConsistentRead: true,
    });
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'msf-scaler-schedules',
      Item: { ...anItem(), timezone: 'Europe/Berlin', peakDays: 'MON-FRI', enabled: false },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'appName' },
    });
  });

  it('refuses an existing row without --replace, showing what replacing it would change, and still creates the new ones', async () => {
    // Prepare
    tableHolds(anItem({ holidays: new Set(['2026-12-25']) }));

    // Act
    const result = await mockedCli(['put', rowsFile('put-two.json'), '--table', 'team-schedules']);

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 1);
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, {
      TableName: 'team-schedules',
      Item: { appName: 'clicks-dedup', lowKPU: 2, highKPU: 6, scaleUpHour: 9, scaleDownHour: 17, peakDays: 'MON-FRI' },
    });
  });

  it('replaces with --replace, printing the difference, on condition that the row is exactly as read', async () => {
    // Prepare
    tableHolds(anItem({ enabled: false }));

    // Act
    const result = await mockedCli(['put', '--replace', ...FLAGS.slice(0, 5), '8', '--up', '7', '--down', '20']);

    // Assess
    expect(result.stdout).toBe(
      'replaced orders-enricher in msf-scaler-schedules:\n' +
        '  highKPU      {"N":"4"} -> {"N":"8"}\n' +
        '  scaleUpHour  {"N":"8"} -> {"N":"7"}\n' +
        '  enabled      removed {"BOOL":false}\n' +
        'put into msf-scaler-schedules: 1 replaced\n',
    );
    expect(result.code).toBe(0);
    const input = ddbMock.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input?.Item).toEqual(anItem({ highKPU: 8, scaleUpHour: 7 }));
    expect(input?.ConditionExpression).toMatch(
      /^#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 = :v3 AND #n4 = :v4 AND #n5 = :v5 AND attribute_not_exists/,
    );
    expect(input?.ExpressionAttributeValues).toEqual({
      ':v0': 'orders-enricher',
      ':v1': 1,
      ':v2': 4,
      ':v3': 8,
      ':v4': 20,
      ':v5': false,
    });
  });

  it('leaves an identical row alone, even with --replace, and says so', async () => {
    // Prepare
    tableHolds(anItem());

    // Act
    const result = await mockedCli(['put', '--replace', ...FLAGS]);

    // Assess
    expect(result).toMatchObject({
      code: 0,
      stdout:
        'unchanged orders-enricher: identical to the row in msf-scaler-schedules; nothing written\n' +
        'put into msf-scaler-schedules: 1 unchanged\n',
    });
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('prints with --dry-run what would be written, whole for a new row, as a difference for a replaced one, and writes nothing', async () => {
    // Prepare
    tableHolds(anItem());

    // Act
    const result = await mockedCli(['put', '--dry-run', '--replace', rowsFile('put-two.json')]);

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('writes nothing, and reads nothing, when a row is invalid; reports every problem as validate does', async () => {
    // Prepare
    tableHolds();

    // Act
    const result = await mockedCli(['put', rowsFile('bad-plain.json')]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^packages\/cli\/tests\/events\/rows\/bad-plain\.json:\d+:\d+: error: row /m);
    expect(result.stderr).toMatch(/^invalid: \d+ rows in 1 input: /m);
    expect(result.stderr).toMatch(/error: nothing was written: \d+ rows are invalid; fix and run again/);
    expect(ddbMock).toHaveReceivedCommandTimes(GetCommand, 0);
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('refuses calendar items, pointing at msf-scaler calendar, and an appName given twice', async () => {
    // Prepare
    tableHolds();
    const lines = [
      '{"appName": "calendar:de-public", "dates": ["2026-12-25"]}',
      JSON.stringify(anItem()),
      JSON.stringify(anItem({ highKPU: 8 })),
    ];

    // Act
    const result = await mockedCli(['put', '-'], { stdin: `${lines.join('\n')}\n` });

    // Assess
    expect(result).toEqual({
      args: 'put -',
      code: 1,
      stdout: '',
      stderr:
        '<stdin>:1:1: error: row "calendar:de-public": a calendar item, which put does not write; write it with msf-scaler calendar put de-public --dates D1,D2,...\n' +
        '<stdin>:3:1: error: row "orders-enricher": the same appName is also at <stdin>:2:1; put writes one row per appName: give each row once\n' +
        'invalid: 3 rows in 1 input: 1 valid, 2 invalid (2 issues), 0 warnings\n' +
        'error: nothing was written: 2 rows are invalid; fix and run again (msf-scaler validate checks rows without writing)\n',
    });
  });

  it('writes unknown attributes as given, with a warning, and refuses them with --strict', async () => {
    // Prepare
    tableHolds();
    const row = JSON.stringify(anItem({ team: 'payments' }));

    // Act
    const lenient = await mockedCli(['put', '-'], { stdin: row });
    const strict = await mockedCli(['put', '--strict', '-'], { stdin: row });

    // Assess
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(
      '<stdin>:1:88: warning: row "orders-enricher": unknown attribute "team" is ignored',
    );
    expect(lenient.stderr).toContain(
      'note: rows are written as given, attributes the scaler ignores included; --strict refuses them',
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error: nothing was written: --strict: a row has a warning');
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 1);
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, { Item: anItem({ team: 'payments' }) });
  });

  it('writes DynamoDB JSON as plain values, numbers digit for digit', async () => {
    // Prepare
    tableHolds();
    const row =
      '{"appName": {"S": "orders-enricher"}, "lowKPU": {"N": "1"}, "highKPU": {"N": "4"}, "scaleUpHour": {"N": "8"}, "scaleDownHour": {"N": "20"}, "holidays": {"SS": ["2026-12-25"]}, "ticket": {"N": "99999999999999999999"}}';

    // Act
    const result = await mockedCli(['put', '-'], { stdin: row });

    // Assess
    expect(result.code).toBe(0);
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, {
      Item: { ...anItem(), holidays: new Set(['2026-12-25']), ticket: NumberValue.from('99999999999999999999') },
    });
  });

  it('refuses a row someone changed between the read and the write: nothing written, exit 1, run again', async () => {
    // Prepare
    tableHolds(anItem());
    ddbMock.on(PutCommand).rejects(conditionalCheckFailed());

    // Act
    const result = await mockedCli(['put', '--replace', ...FLAGS.slice(0, 5), '8', '--up', '8', '--down', '20']);

    // Assess
    expect(result).toMatchObject({
      code: 1,
      stdout:
        'refused orders-enricher: row "orders-enricher" changed since it was read (someone else wrote it in between); nothing was written: run the command again\n' +
        'put into msf-scaler-schedules: 1 refused\n',
    });
  });

  it('prints only JSON with --json: every row, its outcome and its changes as DynamoDB stores them', async () => {
    // Prepare
    tableHolds(anItem());

    // Act
    const result = await mockedCli([
      'put',
      '--json',
      '--replace',
      ...FLAGS.slice(0, 5),
      '6',
      '--up',
      '8',
      '--down',
      '20',
    ]);

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'msf-scaler-schedules',
      dryRun: false,
      replace: true,
      counts: { created: 0, replaced: 1, unchanged: 0, refused: 0, 'would-create': 0, 'would-replace': 0 },
      rows: [
        {
          appName: 'orders-enricher',
          source: 'command line',
          outcome: 'replaced',
          written: true,
          changes: [{ attribute: 'highKPU', change: 'changed', old: { N: '4' }, new: { N: '6' } }],
        },
      ],
    });
  });

  it('exits 1 naming the table and the fix when the table cannot be read, and writes nothing', async () => {
    // Prepare
    const denied = new Error('not authorized');
    denied.name = 'AccessDeniedException';
    ddbMock.on(GetCommand).rejects(denied);

    // Act
    const result = await mockedCli(['put', ...FLAGS]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: cannot read schedule table "msf-scaler-schedules": AccessDeniedException: not authorized; grant dynamodb:GetItem on the table to the role or credentials in use; 1 of 1 rows not written\n',
    );
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it.each([
    [
      ['rows.json', '--app', 'x'],
      "give FILE... or one row's flags (--app NAME --low N ...), not both (got 1 FILE and --app)",
    ],
    [[], 'nothing to put: give FILE..., - for standard input, or a row with --app NAME'],
    [
      ['--app', 'x', '--low', '1'],
      'a row from flags needs --app, --low, --high, --up and --down; missing --high, --up, --down',
    ],
    [['--low', '1', '--high', '2', '--up', '1', '--down', '2'], 'missing --app'],
    [[...FLAGS.slice(0, 3), 'one', ...FLAGS.slice(4)], '--low must be a number, such as 8; got "one"'],
    [['-', '-'], 'standard input (-) can be read only once'],
    [['--table', 'tz', ...FLAGS], '--table "tz" is not a DynamoDB table name: 3-255 letters, digits, _ . -'],
    [
      ['--app', 'no/such', '--low', '1', '--high', '2', '--up', '1', '--down', '2'],
      'APP must be an MSF application name',
    ],
    [
      [...FLAGS, '--auto-scaling', 'sometimes'],
      "argument 'sometimes' is invalid. Allowed choices are keep, disable, enable.",
    ],
  ])('refuses %j as a usage error (exit 2) without reading the table', async (flags, message) => {
    // Act
    const result = await mockedCli(['put', ...flags]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: msf-scaler put');
    expect(ddbMock).toHaveReceivedCommandTimes(GetCommand, 0);
  });

  it('shows its examples, the variables it reads and its exit codes in --help', async () => {
    // Act
    const result = await mockedCli(['put', '--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  $ msf-scaler put --app orders-enricher --low 2 --high 8');
    expect(result.stdout).toMatch(/^ {2}SCALER_MAX_KPU_PER_APPLICATION\b/m);
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 {2}every row was created, replaced or already identical/);
  });
});
