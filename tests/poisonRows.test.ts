import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { main } from '@msf-scaler/cli';
import { compactSummary, runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the assertion looks for raw control characters.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('Integration: poison rows cannot defeat a run', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    const rows = Array.from({ length: 5 }, (_, index) => aRow(`healthy-${index}`, 1, 4));
    await seedWorld(world, {
      rows,
      applications: [...rows.map((row) => anApp(String(row.appName), 1)), anApp('big-high', 1), anApp('noted', 1)],
    });
    // Raw attribute values, as `aws dynamodb put-item` would write them: DynamoDB accepts them all.
    const poison = [
      // An unknown attribute holding a number no JavaScript number can hold: used to fail the whole Scan.
      {
        appName: { S: 'noted' },
        lowKPU: { N: '1' },
        highKPU: { N: '4' },
        scaleUpHour: { N: '8' },
        scaleDownHour: { N: '20' },
        notes: { N: '123456789012345678901.5' },
      },
      // A known attribute holding one: invalid, naming the attribute.
      {
        appName: { S: 'big-high' },
        lowKPU: { N: '1' },
        highKPU: { N: '99999999999999999999' },
        scaleUpHour: { N: '8' },
        scaleDownHour: { N: '20' },
      },
      // A name that would inject a fake line and an escape code into the table.
      { appName: { S: 'fake\nhealthy-9  RUNNING  4  yes  scaled\u001b[2J' }, lowKPU: { N: '1' } },
      // A 380 KB attribute (an item may hold 400 KB).
      {
        appName: { S: 'huge' },
        lowKPU: { N: '1' },
        highKPU: { N: '2' },
        scaleUpHour: { N: '8' },
        scaleDownHour: { N: '20' },
        timezone: { S: 'x'.repeat(380_000) },
      },
      // A set of numbers in an unknown attribute, one of them unreadable.
      {
        appName: { S: 'number-set' },
        lowKPU: { N: '1' },
        numbers: { NS: ['1', '99999999999999999999999999999999999999'] },
      },
    ];
    for (const Item of poison) {
      await world.clients.dynamodbClient.send(new PutItemCommand({ TableName: world.stack.tableName, Item }));
    }
  });

  afterAll(() => world.close());

  it('reconciles every other row and names the attribute that cannot be held exactly', async () => {
    // Act
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: PEAK });

    // Assess
    function outcomeOf(rowId: string) {
      return summary.outcomes.find((outcome) => outcome.rowId === rowId);
    }
    expect(summary.total).toBe(10);
    expect(summary.counts).toMatchObject({ scaled: 6, invalid: 4 });
    expect(outcomeOf('noted')?.outcome).toBe('scaled');
    expect(outcomeOf('noted')?.warnings.join()).toContain('unknown attribute "notes" is ignored');
    expect(outcomeOf('big-high')?.reason).toContain(
      'highKPU 99999999999999999999 is a number with more digits than can be held exactly',
    );
    expect(outcomeOf('huge')?.reason.length).toBeLessThan(1_000);
    for (let index = 0; index < 5; index += 1) expect(parallelismOf(world, `healthy-${index}`).Parallelism).toBe(4);
    expect(parallelismOf(world, 'noted').Parallelism).toBe(4);
    expect(parallelismOf(world, 'big-high').Parallelism).toBe(1);

    // The handler's result serializes and stays small.
    const result = JSON.parse(JSON.stringify(compactSummary(summary)));
    expect(result.counts.invalid).toBe(4);
    expect(JSON.stringify(result).length).toBeLessThan(8 * 1024);
  });

  it('prints parseable --json and a table with no raw control character', async () => {
    // Prepare
    async function cli(args: string[]) {
      let stdout = '';
      const code = await main(args, {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => undefined },
        env: { SCHEDULE_TABLE: world.stack.tableName },
        createClients: () => world.clients,
        now: () => PEAK,
      });
      return { code, stdout };
    }

    // Act
    const json = await cli(['plan', '--json']);
    const table = await cli(['plan']);

    // Assess
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.total).toBe(10);
    const bigHigh = parsed.outcomes.find((outcome: { rowId: string }) => outcome.rowId === 'big-high');
    expect(bigHigh.issues[0]).toMatchObject({ attribute: 'highKPU', value: '99999999999999999999' });
    expect(table.code).toBe(1);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 10 + 2);
    for (const line of lines) {
      expect(line).not.toMatch(RAW_CONTROL);
      expect(line.length).toBeLessThanOrEqual(400);
    }
  });
});
