import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { main } from '@msf-scaler/cli';
import {
  HISTORY_TABLE_ACTIONS,
  type HistoryWriteResult,
  type OwnedScalerClients,
  type RunSummary,
  runScaler,
} from '@msf-scaler/scaler';
import { OFF_PEAK, PEAK, seedEveryOutcome, startWorld, type World, worldClients } from './helpers/world';

/** The real time of the runs: the TTL is counted from it. */
const NOW = Date.parse('2026-11-27T10:00:05Z');
const NINETY_DAYS_S = 90 * 86_400;

/** The DynamoDB calls `clients` makes, as `Action table`. */
function recordCalls(clients: OwnedScalerClients): string[] {
  const calls: string[] = [];
  clients.dynamodbClient.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown> };
      const tables = input.TableName === undefined ? Object.keys(input.RequestItems ?? {}) : [input.TableName];
      const action = context.commandName?.replace(/Command$/, '') ?? '?';
      for (const table of tables) calls.push(`${action} ${table}`);
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );
  return calls;
}

/** Every item of the history table, unmarshalled, sorted by key. */
async function historyItems(world: World): Promise<Record<string, unknown>[]> {
  const { Items } = await world.clients.dynamodb.send(
    new ScanCommand({ TableName: world.stack.historyTableName, ConsistentRead: true }),
  );
  return [...(Items ?? [])].sort((a, b) => `${a.appName} ${a.at}`.localeCompare(`${b.appName} ${b.at}`));
}

/** `msf-scaler ARGS` in-process against `world`. */
async function cli(world: World, args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { SCHEDULE_TABLE: world.stack.tableName },
    createClients: () => world.clients,
    now: () => PEAK,
  });
  return { code, stdout, stderr };
}

function outcomesOf(summary: RunSummary): string[] {
  return summary.outcomes.map(({ rowId, outcome }) => `${rowId} ${outcome}`);
}

describe('Integration: the audit trail', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedEveryOutcome(world);
  });

  afterAll(() => world.close());

  it('creates the history table in the local world, keyed by appName and at', async () => {
    // Act
    const { Table } = await world.clients.dynamodbClient.send(
      new DescribeTableCommand({ TableName: world.stack.historyTableName }),
    );

    // Assess
    expect(world.stack.historyTableName).toBe('msf-scaler-history');
    expect(Table).toMatchObject({
      TableStatus: 'ACTIVE',
      KeySchema: [
        { AttributeName: 'appName', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
    });
  });

  it('writes one item per scaled, busy, error, invalid or not-running row and one run item, with BatchWriteItem only', async () => {
    // Prepare
    const clients = worldClients(world);
    const calls = recordCalls(clients);
    const results: HistoryWriteResult[] = [];

    // Act
    const summary = await runScaler({
      clients,
      table: world.stack.tableName,
      instant: PEAK,
      clock: () => NOW,
      runId: 'run00001',
      onHistory: (result) => results.push(result),
    });
    clients.destroy();

    // Assess
    expect(outcomesOf(summary).sort()).toEqual([
      'at-target unchanged',
      'broken invalid',
      'gone error',
      'off skipped',
      'scale-me scaled',
      'stopped skipped',
    ]);
    expect(results).toEqual([{ table: 'msf-scaler-history', written: 5, failed: 0 }]);
    const at = `${PEAK.toISOString()}#run00001`;
    const ttl = Math.floor(NOW / 1000) + NINETY_DAYS_S;
    const items = await historyItems(world);
    expect(items.map(({ appName, at: key, outcome }) => `${appName} ${key} ${outcome ?? '-'}`)).toEqual([
      `#run ${at} -`,
      `broken ${at} invalid`,
      `gone ${at} error`,
      `scale-me ${at} scaled`,
      `stopped ${at} skipped`,
    ]);
    expect(items.every((item) => item.ttl === ttl && item.runId === 'run00001')).toBe(true);
    expect(items.find((item) => item.appName === 'scale-me')).toMatchObject({
      status: 'RUNNING',
      currentKPU: 1,
      targetKPU: 4,
      rule: expect.any(String),
      operationId: expect.any(String),
    });
    expect(items.find((item) => item.appName === 'gone')).toMatchObject({ errorCode: 'ResourceNotFoundException' });
    expect(items.find((item) => item.appName === '#run')).toMatchObject({
      kind: 'run',
      table: world.stack.tableName,
      total: 6,
      counts: { scaled: 1, unchanged: 1, skipped: 2, busy: 0, invalid: 1, error: 1, deferred: 0 },
    });
    const onHistory = calls.filter((call) => call.endsWith(` ${world.stack.historyTableName}`));
    expect([...new Set(onHistory.map((call) => call.split(' ')[0]))]).toEqual([...HISTORY_TABLE_ACTIONS]);
  });

  it('shows them with msf-scaler history APP, newest first, and the runs without APP', async () => {
    // Prepare: the evening run scales scale-me back down.
    await runScaler({ clients: world.clients, table: world.stack.tableName, instant: OFF_PEAK, runId: 'run00002' });

    // Act
    const app = await cli(world, ['history', 'scale-me']);
    const runs = await cli(world, ['history', '--limit', '3']);
    const json = await cli(world, ['history', 'scale-me', '--json', '--since', '2026-11-27T12:00:00Z']);

    // Assess
    expect(app.code).toBe(0);
    expect(app.stderr).toBe('');
    const [told, table] = app.stdout.trimEnd().split('\n\n') as [string, string];
    // What MSF says now of the two updates the runs sent, newest first.
    expect(told.split('\n')).toEqual([
      'How the latest scalings ended, as MSF tells it now:',
      expect.stringMatching(/^ {2}updated to 1 KPU \(parallelism 1\): started .* UTC, finished .* UTC$/),
      expect.stringMatching(/^ {2}updated to 4 KPU \(parallelism 4\): started /),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^AT +APP +OUTCOME +KPU +REASON$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^2026-11-27T22:00:00Z {2}scale-me {2}scaled {3}4 -> 1 {2}off-peak/),
      expect.stringMatching(/^2026-11-27T10:00:00Z {2}scale-me {2}scaled {3}1 -> 4 {2}peak/),
    ]);
    // The run first, then the rows it recorded in scan order, cut at --limit 3 entries.
    const [run, ...rows] = runs.stdout.trimEnd().split('\n').slice(1);
    expect(run).toMatch(
      /^2026-11-27T22:00:00Z {2}run run00002 +- +- +6 rows: 1 scaled, 1 unchanged, 2 skipped, 1 invalid, 1 error /,
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((line) => /^2026-11-27T22:00:00Z {2}(scale-me|stopped|broken|gone) /.test(line))).toBe(true);
    expect(JSON.parse(json.stdout).entries.map(({ at }: { at: string }) => at)).toEqual(['2026-11-27T22:00:00.000Z']);
  });

  it('still prints the history of an application MSF does not know, says why MSF could not tell more, and exits 1', async () => {
    // Act
    const result = await cli(world, ['history', 'gone']);
    const tableOnly = await cli(world, ['history', 'gone', '--no-msf']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^How the latest scalings ended, as MSF tells it now:\n {2}could not ask MSF: DescribeApplication: no MSF application "gone"/,
    );
    expect(result.stdout).toMatch(/\n\nAT +APP +OUTCOME/);
    expect(tableOnly.code).toBe(0);
    expect(tableOnly.stdout).toMatch(/^AT +APP +OUTCOME/);
  });
});

describe('Integration: a history table that is missing', () => {
  let reference: World;
  let world: World;

  beforeAll(async () => {
    [reference, world] = await Promise.all([startWorld(), startWorld()]);
    await Promise.all([seedEveryOutcome(reference), seedEveryOutcome(world)]);
  });

  afterAll(() => Promise.all([reference.close(), world.close()]));

  it('changes no outcome: the run reports and counts the entries it could not write, naming the table and the fix', async () => {
    // Prepare
    const expected = await runScaler({ clients: reference.clients, table: reference.stack.tableName, instant: PEAK });
    const results: HistoryWriteResult[] = [];

    // Act
    const summary = await runScaler({
      clients: world.clients,
      table: world.stack.tableName,
      instant: PEAK,
      historyTable: 'no-such-history',
      onHistory: (result) => results.push(result),
    });

    // Assess
    expect(outcomesOf(summary)).toEqual(outcomesOf(expected));
    expect(summary.counts).toEqual(expected.counts);
    expect(results).toEqual([
      {
        table: 'no-such-history',
        written: 0,
        failed: 5,
        problem: expect.stringMatching(
          /^ResourceNotFoundException: the table does not exist .*; create it \(the stack's HistoryTable does\) or point the scaler at it with HISTORY_TABLE or --history-table$/,
        ),
      },
    ]);
  });

  it('makes msf-scaler run warn on stderr and keep its exit code', async () => {
    // Act
    const result = await cli(world, ['run', '--history-table', 'no-such-history', '--at', OFF_PEAK.toISOString()]);

    // Assess: exit 1 because of the invalid rows and the missing application, as without history.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^warning: history not recorded: 5 of 5 entries were not written to history table "no-such-history": ResourceNotFoundException/m,
    );
    expect(result.stdout).toMatch(/^scale-me .* scaled /m);
  });
});
