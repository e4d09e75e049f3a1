import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { anItem } from '../helpers/fixtures';
import { mockedCli } from '../helpers/mockedCli';

const ddbMock = mockClient(DynamoDBDocumentClient);

const SHOWN =
  'row orders-enricher in msf-scaler-schedules:\n' +
  '  appName        {"S":"orders-enricher"}\n' +
  '  lowKPU         {"N":"1"}\n' +
  '  highKPU        {"N":"4"}\n' +
  '  scaleUpHour    {"N":"8"}\n' +
  '  scaleDownHour  {"N":"20"}\n';
const REMOVED =
  'removed orders-enricher from msf-scaler-schedules: the scaler no longer manages the application, which stays at the KPU it has\n';

function conditionalCheckFailed(): Error {
  const error = new Error('The conditional request failed');
  error.name = 'ConditionalCheckFailedException';
  return error;
}

describe('Command: msf-scaler remove', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('shows the row and removes it with --yes, with one DeleteItem conditional on the row as shown', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem() });
    ddbMock.on(DeleteCommand).resolves({});

    // Act
    const result = await mockedCli(['remove', 'orders-enricher', '--yes']);

    // Assess
    expect(result).toEqual({ args: 'remove orders-enricher --yes', code: 0, stdout: `${SHOWN}${REMOVED}`, stderr: '' });
    const input = ddbMock.commandCalls(DeleteCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ TableName: 'msf-scaler-schedules', Key: { appName: 'orders-enricher' } });
    expect(input?.ConditionExpression).toMatch(
      /^#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 = :v3 AND #n4 = :v4 AND attribute_not_exists\(#n5\)/,
    );
  });

  it.each([['y'], ['yes'], [' Y ']])('asks on a terminal and removes the row when the answer is %j', async (answer) => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem() });
    ddbMock.on(DeleteCommand).resolves({});

    // Act
    const result = await mockedCli(['remove', 'orders-enricher'], { terminal: true, stdin: `${answer}\nmore\n` });

    // Assess
    expect(result).toEqual({
      args: 'remove orders-enricher',
      code: 0,
      stdout: `${SHOWN}${REMOVED}`,
      stderr: 'remove row orders-enricher from msf-scaler-schedules? [y/N] ',
    });
  });

  it.each([[''], ['n'], ['nope']])('removes nothing and exits 1 when the answer is %j', async (answer) => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem() });

    // Act
    const result = await mockedCli(['remove', 'orders-enricher'], { terminal: true, stdin: `${answer}\n` });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `remove row orders-enricher from msf-scaler-schedules? [y/N] error: not removed: the answer was ${JSON.stringify(answer)}, not yes\n`,
    );
    expect(ddbMock).toHaveReceivedCommandTimes(DeleteCommand, 0);
  });

  it('never asks where nobody can answer: without --yes off a terminal it is a usage error, before any read', async () => {
    // Act
    const piped = await mockedCli(['remove', 'orders-enricher'], { stdin: 'y\n' });

    // Assess
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain(
      'error: remove asks before it removes a row, and stdin or stdout is not a terminal: pass --yes to remove without asking',
    );
    expect(piped.stderr).toContain('Usage: msf-scaler remove');
    expect(ddbMock).toHaveReceivedCommandTimes(GetCommand, 0);
  });

  it('exits 1 with a clear message when there is no such row', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const result = await mockedCli(['remove', 'nobody', '--yes', '--table', 'team-schedules']);

    // Assess
    expect(result).toEqual({
      args: 'remove nobody --yes --table team-schedules',
      code: 1,
      stdout: '',
      stderr: 'error: no row "nobody" in table "team-schedules"; nothing to remove (msf-scaler list shows the rows)\n',
    });
  });

  it('removes nothing when the row changed after it was shown, and says to look again', async () => {
    // Prepare
    ddbMock
      .on(GetCommand)
      .resolvesOnce({ Item: anItem() })
      .resolves({ Item: anItem({ highKPU: 8 }) });
    ddbMock.on(DeleteCommand).rejects(conditionalCheckFailed());

    // Act
    const result = await mockedCli(['remove', 'orders-enricher', '--yes']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: row "orders-enricher" changed since it was shown (someone else wrote it in between); it was not removed: run msf-scaler remove orders-enricher again to see it as it is now\n',
    );
  });

  it('prints only JSON with --json: the row removed as DynamoDB stored it', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ holidays: new Set(['2026-12-26', '2026-12-25']) }) });
    ddbMock.on(DeleteCommand).resolves({});

    // Act
    const result = await mockedCli(['remove', 'orders-enricher', '--yes', '--json']);

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'msf-scaler-schedules',
      appName: 'orders-enricher',
      removed: true,
      item: {
        appName: { S: 'orders-enricher' },
        lowKPU: { N: '1' },
        highKPU: { N: '4' },
        scaleUpHour: { N: '8' },
        scaleDownHour: { N: '20' },
        holidays: { SS: ['2026-12-25', '2026-12-26'] },
      },
    });
  });

  it('refuses an APP that is not an MSF application name, such as a calendar item', async () => {
    // Act
    const result = await mockedCli(['remove', 'calendar:de-public', '--yes']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('APP must be an MSF application name');
  });
});
