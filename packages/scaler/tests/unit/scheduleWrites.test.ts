import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  NumberValue,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { UnreadableValue } from '@msf-scaler/schema';
import { mockClient } from 'aws-sdk-client-mock';
import {
  createRow,
  deleteRow,
  listCalendarItems,
  putCalendar,
  replaceRow,
  toWireItem,
  WriteRefusal,
  writeEnabled,
  writeOverrides,
} from '../../src/adapters/scheduleWrites';
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
    ).rejects.toThrow('grant dynamodb:UpdateItem on the table to the role or credentials in use');
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

const ROW = { appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 };

/** The scaler's attributes ROW lacks, as the whole-item condition requires them still absent. */
const ABSENT_FROM_ROW =
  'attribute_not_exists(#n5) AND attribute_not_exists(#n6) AND attribute_not_exists(#n7) AND attribute_not_exists(#n8) AND attribute_not_exists(#n9) AND attribute_not_exists(#n10) AND attribute_not_exists(#n11) AND attribute_not_exists(#n12)';

describe('Adapter: toWireItem', () => {
  it('gives back numbers no JavaScript number holds as their digits, at any depth, and leaves the rest alone', () => {
    // Prepare
    const digits = new UnreadableValue('99999999999999999999', 'a number with more digits than can be held exactly');
    const bytes = new Uint8Array([1, 2]);

    // Act
    const wire = toWireItem({
      appName: 'orders',
      note: { deep: [digits, { deeper: digits }] },
      holidays: new Set(['2026-12-25']),
      blob: bytes,
      nothing: null,
    });

    // Assess
    expect(wire).toEqual({
      appName: 'orders',
      note: { deep: [NumberValue.from('99999999999999999999'), { deeper: NumberValue.from('99999999999999999999') }] },
      holidays: new Set(['2026-12-25']),
      blob: bytes,
      nothing: null,
    });
  });
});

describe('Adapter: createRow', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('puts the item on condition that no row has its appName, with no empty values map', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    const result = await createRow(client, 'schedules', { ...ROW, team: 'payments' });

    // Assess
    expect(result).toEqual({ ok: true });
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'schedules',
      Item: { ...ROW, team: 'payments' },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'appName' },
    });
  });

  it('refuses with row-exists when someone created the row in between', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(awsError('ConditionalCheckFailedException', 'The conditional request failed'));

    // Act
    const result = await createRow(client, 'schedules', ROW);

    // Assess
    expect(result).toEqual({
      ok: false,
      refusal: WriteRefusal.ROW_EXISTS,
      message:
        'row "orders" exists in table "schedules": someone created it since it was read; nothing was written: run the command again',
    });
  });

  it('throws a ScheduleTableError naming dynamodb:PutItem when the write is denied', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(awsError('AccessDeniedException', 'not authorized'));

    // Act
    const write = createRow(client, 'schedules', ROW);

    // Assess
    await expect(write).rejects.toThrow(
      'cannot write schedule table "schedules": AccessDeniedException: not authorized; grant dynamodb:PutItem on the table to the role or credentials in use',
    );
  });
});

describe('Adapter: replaceRow', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it('puts the new item on condition that every attribute read holds, appName first, and no other of the scaler or the item appeared', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    const expected = { lowKPU: 1, appName: 'orders', holidays: new Set(['2026-12-25']) };
    const item = { appName: 'orders', lowKPU: 2, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20, team: 'payments' };

    // Act
    const result = await replaceRow(client, 'schedules', { expected, item });

    // Assess
    expect(result).toEqual({ ok: true });
    const input = ddbMock.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input?.Item).toEqual(item);
    expect(input?.ConditionExpression).toBe(
      '#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND attribute_not_exists(#n3) AND attribute_not_exists(#n4) AND attribute_not_exists(#n5) AND attribute_not_exists(#n6) AND attribute_not_exists(#n7) AND attribute_not_exists(#n8) AND attribute_not_exists(#n9) AND attribute_not_exists(#n10) AND attribute_not_exists(#n11) AND attribute_not_exists(#n12) AND attribute_not_exists(#n13)',
    );
    expect(input?.ExpressionAttributeNames).toEqual({
      '#n0': 'appName',
      '#n1': 'lowKPU',
      '#n2': 'holidays',
      '#n3': 'highKPU',
      '#n4': 'scaleUpHour',
      '#n5': 'scaleDownHour',
      '#n6': 'timezone',
      '#n7': 'peakDays',
      '#n8': 'enabled',
      '#n9': 'autoScaling',
      '#n10': 'windows',
      '#n11': 'overrides',
      '#n12': 'calendars',
      '#n13': 'team',
    });
    expect(input?.ExpressionAttributeValues).toEqual({ ':v0': 'orders', ':v1': 1, ':v2': new Set(['2026-12-25']) });
  });

  it('compares lists and maps read element by element, as for overrides', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    const expected = { ...ROW, overrides: [LAUNCH] };

    // Act
    await replaceRow(client, 'schedules', { expected, item: ROW });

    // Assess
    const input = ddbMock.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input?.ConditionExpression).toContain(
      'size(#n5) = :v5 AND size(#n5[0]) = :v6 AND #n5[0].#n6 = :v7 AND #n5[0].#n7 = :v8 AND #n5[0].#n8 = :v9 AND #n5[0].#n9 = :v10',
    );
    expect(input?.ExpressionAttributeNames).toMatchObject({ '#n5': 'overrides', '#n6': 'kpu', '#n9': 'by' });
  });

  it.each([
    [
      'the row was removed',
      undefined,
      WriteRefusal.ROW_MISSING,
      'row "orders" was removed from table "schedules" since it was read; nothing was written: run the command again',
    ],
    [
      'the row changed',
      { ...ROW, highKPU: 6 },
      WriteRefusal.CHANGED,
      'row "orders" changed since it was read (someone else wrote it in between); nothing was written: run the command again',
    ],
  ])(
    'reports a failed condition as a refusal when %s, read again to tell which',
    async (_case, item, refusal, message) => {
      // Prepare
      ddbMock.on(PutCommand).rejects(awsError('ConditionalCheckFailedException', 'The conditional request failed'));
      ddbMock.on(GetCommand).resolves(item === undefined ? {} : { Item: item });

      // Act
      const result = await replaceRow(client, 'schedules', { expected: ROW, item: { ...ROW, highKPU: 8 } });

      // Assess
      expect(result).toEqual({ ok: false, refusal, message });
    },
  );

  it('refuses a row too large to compare within the 4 KB condition, without calling DynamoDB', async () => {
    // Prepare
    const expected = { ...ROW, overrides: Array.from({ length: 60 }, () => LAUNCH) };

    // Act
    const result = await replaceRow(client, 'schedules', { expected, item: ROW });

    // Assess
    expect(result).toMatchObject({ ok: false, refusal: WriteRefusal.TOO_LARGE });
    expect(result.ok ? '' : result.message).toContain('aws dynamodb put-item, which overwrites it without a check');
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 0);
  });
});

describe('Adapter: deleteRow', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it("deletes on condition that the row is exactly as read and none of the scaler's attributes appeared", async () => {
    // Prepare
    ddbMock.on(DeleteCommand).resolves({});

    // Act
    const result = await deleteRow(client, 'schedules', { appName: 'orders', expected: ROW });

    // Assess
    expect(result).toEqual({ ok: true });
    expect(ddbMock).toHaveReceivedCommandWith(DeleteCommand, {
      TableName: 'schedules',
      Key: { appName: 'orders' },
      ConditionExpression: `#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 = :v3 AND #n4 = :v4 AND ${ABSENT_FROM_ROW}`,
      ExpressionAttributeValues: { ':v0': 'orders', ':v1': 1, ':v2': 4, ':v3': 8, ':v4': 20 },
    });
  });

  it.each([
    [
      'someone removed it',
      undefined,
      WriteRefusal.ROW_MISSING,
      'no row "orders" in table "schedules": someone removed it since it was read',
    ],
    [
      'someone changed it',
      { ...ROW, enabled: false },
      WriteRefusal.CHANGED,
      'row "orders" changed since it was read (someone else wrote it in between); nothing was written: run the command again',
    ],
  ])('refuses when %s', async (_case, item, refusal, message) => {
    // Prepare
    ddbMock.on(DeleteCommand).rejects(awsError('ConditionalCheckFailedException', 'The conditional request failed'));
    ddbMock.on(GetCommand).resolves(item === undefined ? {} : { Item: item });

    // Act
    const result = await deleteRow(client, 'schedules', { appName: 'orders', expected: ROW });

    // Assess
    expect(result).toEqual({ ok: false, refusal, message });
  });
});

describe('Adapter: writeEnabled', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it.each([
    [
      'absent',
      undefined,
      false,
      'attribute_exists(#n1) AND attribute_not_exists(#n0)',
      'SET #n0 = :v0',
      { ':v0': false },
    ],
    ['false', false, true, 'attribute_exists(#n1) AND #n0 = :v0', 'SET #n0 = :v1', { ':v0': false, ':v1': true }],
  ])(
    'sets only enabled, on condition that the row exists and enabled is still as read (%s)',
    async (_case, expected, enabled, condition, update, values) => {
      // Prepare
      ddbMock.on(UpdateCommand).resolves({});

      // Act
      const result = await writeEnabled(client, 'schedules', { appName: 'orders', expected, enabled });

      // Assess
      expect(result).toEqual({ ok: true });
      expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input).toEqual({
        TableName: 'schedules',
        Key: { appName: 'orders' },
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#n0': 'enabled', '#n1': 'appName' },
        ExpressionAttributeValues: values,
      });
    },
  );

  it.each([
    [
      'the row is gone',
      undefined,
      WriteRefusal.ROW_MISSING,
      'no row "orders" in table "schedules"; add it first (msf-scaler put, see the README)',
    ],
    [
      'its enabled changed',
      { ...ROW, enabled: false },
      WriteRefusal.CHANGED,
      'row "orders" changed since it was read (its enabled was written by someone else in between); nothing was written: run the command again',
    ],
  ])('refuses when %s', async (_case, item, refusal, message) => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(awsError('ConditionalCheckFailedException', 'The conditional request failed'));
    ddbMock.on(GetCommand).resolves(item === undefined ? {} : { Item: item });

    // Act
    const result = await writeEnabled(client, 'schedules', { appName: 'orders', expected: undefined, enabled: false });

    // Assess
    expect(result).toEqual({ ok: false, refusal, message });
  });
});
