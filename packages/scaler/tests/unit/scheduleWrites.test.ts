import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, NumberValue, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { UnreadableValue } from '@msf-scaler/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { listCalendarItems, putCalendar, WriteRefusal, writeOverrides } from '../../src/adapters/scheduleWrites';
import { ScheduleTableError } from '../../src/errors';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const LAUNCH = { kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week', by: 'ops' };

describe('Adapter: writeOverrides', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('compares every value of the overrides read, with the sizes of each list and map, and numbers exactly', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});
    const unreadable = new UnreadableValue(
      '99999999999999999999',
      'a number with more digits than can be held exactly',
    );
    const expected = [{ kpu: 8, until: '2026-11-20T00:00:00Z', reason: 'old', note: unreadable }];

    // Act
    const result = await writeOverrides(client, 'schedules', {
      appName: 'orders',
      expected,
      overrides: [...expected, LAUNCH],
    });

    // Assess
    expect(result).toEqual({ ok: true });
    const input = ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input?.ConditionExpression).toBe(
      'attribute_exists(#n1) AND size(#n0) = :v0 AND size(#n0[0]) = :v1 AND #n0[0].#n2 = :v2 AND #n0[0].#n3 = :v3 AND #n0[0].#n4 = :v4 AND #n0[0].#n5 = :v5',
    );
    expect(input?.ExpressionAttributeNames).toEqual({
      '#n0': 'overrides',
      '#n1': 'appName',
      '#n2': 'kpu',
      '#n3': 'until',
      '#n4': 'reason',
      '#n5': 'note',
    });
    expect(input?.ExpressionAttributeValues?.[':v5']).toEqual(NumberValue.from('99999999999999999999'));
    expect(input?.UpdateExpression).toBe('SET #n0 = :v6');
  });

  it('removes the attribute when the new list is empty', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await writeOverrides(client, 'schedules', { appName: 'orders', expected: [LAUNCH], overrides: [] });

    // Assess
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.UpdateExpression).toBe('REMOVE #n0');
  });

  it.each([
    ['the row is gone', undefined, WriteRefusal.ROW_MISSING, 'no row "orders" in table "schedules"; add it first'],
    [
      'its overrides changed',
      { appName: 'orders', overrides: [LAUNCH] },
      WriteRefusal.CHANGED,
      'row "orders" changed since it was read (its overrides were written by someone else in between); nothing was written: run the command again',
    ],
  ])(
    'reports a failed condition as a refusal when %s, read again to tell which',
    async (_case, item, refusal, message) => {
      // Prepare
      ddbMock.on(UpdateCommand).rejects(awsError('ConditionalCheckFailedException', 'The conditional request failed'));
      ddbMock.on(GetCommand).resolves(item === undefined ? {} : { Item: item });

      // Act
      const result = await writeOverrides(client, 'schedules', {
        appName: 'orders',
        expected: undefined,
        overrides: [LAUNCH],
      });

      // Assess
      expect(result).toMatchObject({ ok: false, refusal });
      expect(result.ok ? '' : result.message).toContain(message);
      expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: { appName: 'orders' }, ConsistentRead: true });
    },
  );

  it('refuses overrides too many to compare within the 4 KB condition, without calling DynamoDB', async () => {
    // Prepare
    const expected = Array.from({ length: 60 }, () => LAUNCH);

    // Act
    const result = await writeOverrides(client, 'schedules', { appName: 'orders', expected, overrides: [] });

    // Assess
    expect(result).toMatchObject({ ok: false, refusal: WriteRefusal.TOO_LARGE });
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it('throws a ScheduleTableError naming the permission when the write is denied', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(awsError('AccessDeniedException', 'not authorized'));

    // Act
    const write = writeOverrides(client, 'schedules', { appName: 'orders', expected: undefined, overrides: [LAUNCH] });

    // Assess
    await expect(write).rejects.toThrow(ScheduleTableError);
    await expect(
      writeOverrides(client, 'schedules', { appName: 'orders', expected: undefined, overrides: [LAUNCH] }),
    ).rejects.toThrow('grant dynamodb:UpdateItem on the table to the credentials the command uses');
  });
});

describe('Adapter: putCalendar', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('writes dates as a string set, and an empty calendar as an empty list, leaving the description alone unless given', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await putCalendar(client, 'schedules', { name: 'de-public', dates: ['2026-12-25'] });
    await putCalendar(client, 'schedules', { name: 'empty', dates: [], description: 'nothing yet' });

    // Assess
    const [first, second] = ddbMock.commandCalls(UpdateCommand).map((call) => call.args[0].input);
    expect(first).toEqual({
      TableName: 'schedules',
      Key: { appName: 'calendar:de-public' },
      UpdateExpression: 'SET #n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'dates' },
      ExpressionAttributeValues: { ':v0': new Set(['2026-12-25']) },
    });
    expect(second).toMatchObject({
      UpdateExpression: 'SET #n0 = :v0, #n1 = :v1',
      ExpressionAttributeValues: { ':v0': [], ':v1': 'nothing yet' },
    });
  });
});

describe('Adapter: listCalendarItems', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('scans every page with a filter on the calendar: prefix', async () => {
    // Prepare
    ddbMock
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ appName: 'calendar:a', dates: ['2026-12-25'] }], LastEvaluatedKey: { appName: 'x' } })
      .resolvesOnce({ Items: [{ appName: 'calendar:b', dates: [] }] });

    // Act
    const items = await listCalendarItems(client, 'schedules');

    // Assess
    expect(items.map((item) => item.appName)).toEqual(['calendar:a', 'calendar:b']);
    expect(ddbMock).toHaveReceivedCommandWith(ScanCommand, {
      FilterExpression: 'begins_with(#appName, :prefix)',
      ExpressionAttributeNames: { '#appName': 'appName' },
      ExpressionAttributeValues: { ':prefix': 'calendar:' },
      ExclusiveStartKey: { appName: 'x' },
    });
  });
});
