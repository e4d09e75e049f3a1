import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localClients } from '@msf-scaler/local-stack';
import { runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

const ROWS = 300;
// ~4 KB each: 300 rows are ~1.2 MB, more than the 1 MB DynamoDB (and dynalite) returns per Scan page.
const NOTES = 'Runbook: page the stream team before touching this job. '.repeat(72);
const names = Array.from({ length: ROWS }, (_, index) => `bulk-${String(index).padStart(3, '0')}`);

describe('Integration: a schedule table larger than one Scan page', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: names.map((name) => aRow(name, 1, 2, { notes: NOTES })),
      applications: names.map((name) => anApp(name, 1)),
    });
  });

  afterAll(() => world.close());

  it('holds more than one page of rows', async () => {
    // Act
    const firstPage = await world.clients.dynamodbClient.send(new ScanCommand({ TableName: world.stack.tableName }));

    // Assess
    expect(firstPage.LastEvaluatedKey).toBeDefined();
    expect(firstPage.Count).toBeLessThan(ROWS);
  });

  it('scales every row of every page and warns about the unknown attribute', async () => {
    // Prepare
    const scaler = localClients(world.stack);
    let scans = 0;
    scaler.dynamodbClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ScanCommand') scans += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countScans' },
    );

    // Act
    const summary = await runScaler({ clients: scaler, table: world.stack.tableName, instant: PEAK, concurrency: 16 });
    scaler.destroy();

    // Assess
    expect(scans).toBeGreaterThanOrEqual(2);
    expect(summary.total).toBe(ROWS);
    expect(summary.counts.scaled).toBe(ROWS);
    expect(new Set(summary.outcomes.map((outcome) => outcome.rowId))).toEqual(new Set(names));
    expect(
      summary.outcomes.every((outcome) =>
        outcome.warnings.some((warning) => warning.includes('unknown attribute "notes" is ignored')),
      ),
    ).toBe(true);
    expect(names.filter((name) => parallelismOf(world, name).Parallelism !== 2)).toEqual([]);
  });
});
