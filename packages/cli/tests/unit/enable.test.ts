import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { anItem } from '../helpers/fixtures';
import { mockedCli } from '../helpers/mockedCli';

const ddbMock = mockClient(DynamoDBDocumentClient);

function conditionalCheckFailed(): Error {
  const error = new Error('The conditional request failed');
  error.name = 'ConditionalCheckFailedException';
  return error;
}

describe('Command: msf-scaler enable / disable', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('disables a row that has no enabled attribute with one UpdateItem of enabled only, conditional on it still lacking one', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem() });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await mockedCli(['disable', 'orders-enricher']);

    // Assess
    expect(result).toEqual({
      args: 'disable orders-enricher',
      code: 0,
      stdout:
        'disabled orders-enricher in msf-scaler-schedules (was enabled by default: it had no enabled attribute): from its next run the scaler leaves the application alone, at the KPU it has\n',
      stderr: '',
    });
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input).toEqual({
      TableName: 'msf-scaler-schedules',
      Key: { appName: 'orders-enricher' },
      UpdateExpression: 'SET #n0 = :v0',
      ConditionExpression: 'attribute_exists(#n1) AND attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'enabled', '#n1': 'appName' },
      ExpressionAttributeValues: { ':v0': false },
    });
  });

  it('enables a disabled row, conditional on enabled still being false, with --table', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ enabled: false }) });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await mockedCli(['enable', 'orders-enricher', '--table', 'team-schedules'], {
      env: { SCHEDULE_TABLE: 'ignored' },
    });

    // Assess
    expect(result.stdout).toBe(
      'enabled orders-enricher in team-schedules (was disabled): from its next run the scaler scales the application again\n',
    );
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'team-schedules',
      UpdateExpression: 'SET #n0 = :v1',
      ConditionExpression: 'attribute_exists(#n1) AND #n0 = :v0',
      ExpressionAttributeValues: { ':v0': false, ':v1': true },
    });
  });

  it.each([
    [
      'enable',
      anItem(),
      'orders-enricher is already enabled in t-schedules (it has no enabled attribute: enabled by default); nothing written\n',
    ],
    ['enable', anItem({ enabled: true }), 'orders-enricher is already enabled in t-schedules; nothing written\n'],
    ['disable', anItem({ enabled: false }), 'orders-enricher is already disabled in t-schedules; nothing written\n'],
  ])('%s of a row already in that state writes nothing and exits 0', async (command, item, stdout) => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: item });

    // Act
    const result = await mockedCli([command, 'orders-enricher'], { env: { SCHEDULE_TABLE: 't-schedules' } });

    // Assess
    expect(result).toMatchObject({ code: 0, stdout, stderr: '' });
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it('enables a row whose enabled is not a boolean, saying what it held', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: anItem({ enabled: 'yes' }) });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await mockedCli(['enable', 'orders-enricher', '--json']);

    // Assess
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'msf-scaler-schedules',
      appName: 'orders-enricher',
      enabled: true,
      wasEnabled: null,
      previous: { S: 'yes' },
      written: true,
    });
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      ExpressionAttributeValues: { ':v0': 'yes', ':v1': true },
    });
  });

  it('exits 1 when there is no such row, or its enabled changed between the read and the write', async () => {
    // Prepare
    ddbMock
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: anItem({ enabled: false }) });
    ddbMock.on(UpdateCommand).rejects(conditionalCheckFailed());

    // Act
    const missing = await mockedCli(['disable', 'nobody']);
    const changed = await mockedCli(['enable', 'orders-enricher']);

    // Assess
    expect(missing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: no row "nobody" in table "msf-scaler-schedules"; add it first with msf-scaler put\n',
    });
    expect(changed).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'error: row "orders-enricher" changed since it was read (its enabled was written by someone else in between); nothing was written: run the command again\n',
    });
  });

  it.each([['enable'], ['disable']])('%s refuses a name MSF could not have as a usage error', async (command) => {
    // Act
    const result = await mockedCli([command, 'no such app']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'APP must be an MSF application name (1-128 of a-z A-Z 0-9 _ . -), got "no such app"',
    );
    expect(result.stderr).toContain(`Usage: msf-scaler ${command}`);
  });
});
