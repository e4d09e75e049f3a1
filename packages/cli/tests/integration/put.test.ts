import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type LocalClients, type LocalStack, localClients, seed, startLocalStack } from '@msf-scaler/local-stack';
import { type CliRun, runCli } from '../helpers/runCli';

/** A row with every kind of value the whole-item condition compares: lists of maps, string sets, booleans. */
const MODEL_ROW = {
  appName: 'berlin-shop',
  lowKPU: 2,
  timezone: 'Europe/Berlin',
  windows: [
    { from: 8, to: 18, kpu: 8, days: 'MON-FRI' },
    { from: 18, to: 22, kpu: 4, days: 'MON-FRI' },
  ],
  holidays: new Set(['2026-12-24', '2026-12-31']),
  overrides: [{ kpu: 12, until: '2026-12-04T18:00:00Z', reason: 'launch', by: 'ops' }],
  enabled: true,
};

describe('Integration: msf-scaler put, remove, enable, disable against the local world', () => {
  let stack: LocalStack;
  let clients: LocalClients;

  beforeAll(async () => {
    stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0 });
    clients = localClients(stack);
    await seed(stack, { rows: [MODEL_ROW], applications: [] }, { clients });
  });

  afterAll(async () => {
    clients.destroy();
    await stack.close();
  });

  /** The CLI against the local table, with these clients (default: the world's). */
  function cli(args: readonly string[], using: LocalClients = clients, stdin?: string): Promise<CliRun> {
    return runCli([...args, '--table', stack.tableName], {
      createClients: () => using,
      ...(stdin === undefined ? {} : { stdin }),
    });
  }

  async function itemOf(appName: string): Promise<Record<string, unknown> | undefined> {
    const output = await clients.dynamodb.send(
      new GetCommand({ TableName: stack.tableName, Key: { appName }, ConsistentRead: true }),
    );
    return output.Item;
  }

  /** Clients whose next write of `command` lets another operator write `highKPU` first. */
  function racingClients(command: 'Put' | 'Delete', appName: string, highKPU: number): LocalClients {
    const racing = localClients(stack);
    let interleaved = false;
    racing.dynamodbClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (!interleaved && String(context.commandName).startsWith(command)) {
          interleaved = true;
          await clients.dynamodb.send(
            new UpdateCommand({
              TableName: stack.tableName,
              Key: { appName },
              UpdateExpression: 'SET highKPU = :theirs',
              ExpressionAttributeValues: { ':theirs': highKPU },
            }),
          );
        }
        return next(args);
      },
      { step: 'initialize', name: 'anotherOperatorWritesFirst' },
    );
    return racing;
  }

  it('creates a row from flags, and refuses to overwrite it without --replace', async () => {
    // Act
    const created = await cli(['put', '--app', 'orders', '--low', '1', '--high', '4', '--up', '8', '--down', '20']);
    const again = await cli(['put', '--app', 'orders', '--low', '1', '--high', '6', '--up', '8', '--down', '20']);

    // Assess
    expect(created).toMatchObject({
      code: 0,
      stdout: `created orders in ${stack.tableName}\nput into ${stack.tableName}: 1 created\n`,
      stderr: '',
    });
    expect(again).toMatchObject({
      code: 1,
      stdout:
        `refused orders: row "orders" exists in table "${stack.tableName}"; to replace it, run again with --replace; it would change:\n` +
        '  highKPU  {"N":"4"} -> {"N":"6"}\n' +
        `put into ${stack.tableName}: 1 refused\n`,
    });
    expect(await itemOf('orders')).toEqual({
      appName: 'orders',
      lowKPU: 1,
      highKPU: 4,
      scaleUpHour: 8,
      scaleDownHour: 20,
    });
  });

  it('replaces with --replace, printing the difference, after a dry run that writes nothing', async () => {
    // Prepare
    const row = JSON.stringify({
      appName: 'orders',
      lowKPU: 1,
      highKPU: 8,
      scaleUpHour: 7,
      scaleDownHour: 20,
      timezone: 'Europe/Berlin',
    });
    const diff =
      '  highKPU      {"N":"4"} -> {"N":"8"}\n  scaleUpHour  {"N":"8"} -> {"N":"7"}\n  timezone     added {"S":"Europe/Berlin"}\n';

    // Act
    const dryRun = await cli(['put', '--replace', '--dry-run', '-'], clients, row);
    const before = await itemOf('orders');
    const replaced = await cli(['put', '--replace', '-'], clients, row);

    // Assess
    expect(dryRun.stdout).toBe(
      `would replace orders in ${stack.tableName}:\n${diff}dry run, put into ${stack.tableName}: 1 would be replaced; nothing written\n`,
    );
    expect(before).toMatchObject({ highKPU: 4 });
    expect(replaced).toMatchObject({
      code: 0,
      stdout: `replaced orders in ${stack.tableName}:\n${diff}put into ${stack.tableName}: 1 replaced\n`,
    });
    expect(await itemOf('orders')).toEqual(JSON.parse(row));
  });

  it('replaces a row holding lists of maps, sets and booleans: the whole-item condition holds on an unchanged row', async () => {
    // Prepare
    const { overrides: _dropped, ...kept } = MODEL_ROW;
    const row = { ...kept, holidays: ['2026-12-24'] };

    // Act
    const result = await cli(['put', '--replace', '-'], clients, JSON.stringify(row));

    // Assess
    expect(result.stdout).toBe(
      `replaced berlin-shop in ${stack.tableName}:\n` +
        '  holidays   {"SS":["2026-12-24","2026-12-31"]} -> {"L":[{"S":"2026-12-24"}]}\n' +
        '  overrides  removed {"L":[{"M":{"by":{"S":"ops"},"kpu":{"N":"12"},"reason":{"S":"launch"},"until":{"S":"2026-12-04T18:00:00Z"}}}]}\n' +
        `put into ${stack.tableName}: 1 replaced\n`,
    );
    expect(await itemOf('berlin-shop')).toEqual(row);
  });

  it('loses a race cleanly: a row written between the read and the write is not overwritten, and a second run replaces it', async () => {
    // Prepare
    const racing = racingClients('Put', 'orders', 12);
    const command = ['put', '--replace', '--app', 'orders', '--low', '2', '--high', '8', '--up', '7', '--down', '20'];

    // Act
    const refused = await cli(command, racing);
    const theirs = await itemOf('orders');
    const again = await cli(command, racing);
    racing.destroy();

    // Assess
    expect(refused).toMatchObject({
      code: 1,
      stdout:
        'refused orders: row "orders" changed since it was read (someone else wrote it in between); nothing was written: run the command again\n' +
        `put into ${stack.tableName}: 1 refused\n`,
    });
    expect(theirs).toMatchObject({ highKPU: 12, lowKPU: 1 });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('  highKPU   {"N":"12"} -> {"N":"8"}\n');
    expect(await itemOf('orders')).toEqual({
      appName: 'orders',
      lowKPU: 2,
      highKPU: 8,
      scaleUpHour: 7,
      scaleDownHour: 20,
    });
  });

  it('disables and enables a row, writing only enabled, and says when it already is so', async () => {
    // Act
    const disabled = await cli(['disable', 'orders']);
    const afterDisable = await itemOf('orders');
    const twice = await cli(['disable', 'orders']);
    const enabled = await cli(['enable', 'orders']);
    const missing = await cli(['enable', 'nobody']);

    // Assess
    expect(disabled).toMatchObject({ code: 0, stderr: '' });
    expect(disabled.stdout).toMatch(/^disabled orders in .* \(was enabled by default: it had no enabled attribute\)/);
    expect(afterDisable).toEqual({
      appName: 'orders',
      lowKPU: 2,
      highKPU: 8,
      scaleUpHour: 7,
      scaleDownHour: 20,
      enabled: false,
    });
    expect(twice).toMatchObject({
      code: 0,
      stdout: `orders is already disabled in ${stack.tableName}; nothing written\n`,
    });
    expect(enabled.stdout).toMatch(/^enabled orders in .* \(was disabled\)/);
    expect(await itemOf('orders')).toMatchObject({ enabled: true });
    expect(missing).toMatchObject({
      code: 1,
      stderr: `error: no row "nobody" in table "${stack.tableName}"; add it first with msf-scaler put\n`,
    });
  });

  it('removes a row with --yes only while it is as shown, and exits 1 for a row that is not there', async () => {
    // Prepare
    const racing = racingClients('Delete', 'orders', 3);

    // Act
    const refused = await cli(['remove', 'orders', '--yes'], racing);
    racing.destroy();
    const removed = await cli(['remove', 'orders', '--yes']);
    const gone = await itemOf('orders');
    const again = await cli(['remove', 'orders', '--yes']);

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row "orders" changed since it was shown');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('  highKPU        {"N":"3"}\n');
    expect(removed.stdout).toContain(
      `removed orders from ${stack.tableName}: the scaler no longer manages the application`,
    );
    expect(gone).toBeUndefined();
    expect(again).toMatchObject({
      code: 1,
      stderr: `error: no row "orders" in table "${stack.tableName}"; nothing to remove (msf-scaler list shows the rows)\n`,
    });
  });
});
