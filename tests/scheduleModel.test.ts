import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { main } from '@msf-scaler/cli';
import { type RowOutcome, type RunSummary, runScaler, type ScalerClients } from '@msf-scaler/scaler';
import { anApp, aRow, parallelismOf, seedWorld, startWorld, type World, worldClients } from './helpers/world';

// December 2026 in Berlin is UTC+1. Thursday 24 is a working day; 25 and 26 are holidays in de-public.
const DE_PUBLIC = { appName: 'calendar:de-public', dates: ['2026-12-25', '2026-12-26'], description: 'Germany' };
const LAUNCH_RULE = 'override until 2026-12-24T12:00:00Z (launch, by ops)';
const SHOP_DAY = 'window 08:00-18:00 Europe/Berlin MON-FRI';
const BATCH_NIGHT = 'window 22:00-06:00 Europe/Berlin every day (crosses midnight)';
const OUTSIDE = 'outside every window';
const HOLIDAY_25 = 'holiday 2026-12-25 (calendar de-public)';
const UTC_DAY = 'window 08:00-20:00 UTC every day';

/** The rows: two share de-public, one has overrides (one long expired), one misspells it, one names a broken calendar. */
const ROWS: readonly Record<string, unknown>[] = [
  {
    appName: 'berlin-shop',
    lowKPU: 2,
    timezone: 'Europe/Berlin',
    windows: [
      { from: 8, to: 18, kpu: 8, days: 'MON-FRI' },
      { from: 18, to: 22, kpu: 4, days: 'MON-FRI' },
    ],
    calendars: ['de-public'],
  },
  aRow('berlin-batch', 1, 6, {
    scaleUpHour: 22,
    scaleDownHour: 6,
    timezone: 'Europe/Berlin',
    calendars: ['de-public'],
  }),
  aRow('orders-enricher', 1, 4, {
    overrides: [
      { kpu: 12, from: '2026-12-24T06:00:00Z', until: '2026-12-24T12:00:00Z', reason: 'launch', by: 'ops' },
      { kpu: 2, until: '2026-12-01T00:00:00Z', reason: 'old incident' },
    ],
  }),
  aRow('typo-calendar', 1, 3, { calendars: ['de-pubic'] }),
  aRow('broken-calendar-user', 1, 3, { calendars: ['broken'] }),
];
const APP_NAMES = ROWS.map((row) => String(row.appName));

/**
 * Each run's instant and, per row, the KPU and the rule expected, worked out by hand. The runs
 * follow each other on one world, so each starts from the state the previous one left.
 */
const RUNS: readonly (readonly [string, Readonly<Record<string, readonly [number, string]>>])[] = [
  [
    // Thursday, Berlin 11:00: the day window; the launch override in force.
    '2026-12-24T10:00:00Z',
    {
      'berlin-shop': [8, SHOP_DAY],
      'berlin-batch': [1, OUTSIDE],
      'orders-enricher': [12, LAUNCH_RULE],
      'typo-calendar': [3, UTC_DAY],
      'broken-calendar-user': [3, UTC_DAY],
    },
  ],
  [
    // Berlin 14:00: the launch override has expired; the window takes over again.
    '2026-12-24T13:00:00Z',
    { 'berlin-shop': [8, SHOP_DAY], 'orders-enricher': [4, UTC_DAY] },
  ],
  [
    // Berlin 20:00: the evening level.
    '2026-12-24T19:00:00Z',
    { 'berlin-shop': [4, 'window 18:00-22:00 Europe/Berlin MON-FRI'], 'berlin-batch': [1, OUTSIDE] },
  ],
  [
    // Berlin 00:00 on the 25th: the night window began on the 24th, not a holiday: it runs to its end.
    '2026-12-24T23:00:00Z',
    { 'berlin-shop': [2, OUTSIDE], 'berlin-batch': [6, BATCH_NIGHT], 'orders-enricher': [1, OUTSIDE] },
  ],
  [
    // Berlin 11:00 on the 25th: no window starts on a holiday.
    '2026-12-25T10:00:00Z',
    { 'berlin-shop': [2, HOLIDAY_25], 'berlin-batch': [1, OUTSIDE], 'orders-enricher': [4, UTC_DAY] },
  ],
  [
    // Berlin 23:00 on the 25th: the night window would start on the holiday.
    '2026-12-25T22:00:00Z',
    { 'berlin-shop': [2, OUTSIDE], 'berlin-batch': [1, HOLIDAY_25], 'typo-calendar': [1, OUTSIDE] },
  ],
];

function outcomeOf(summary: RunSummary, rowId: string): RowOutcome | undefined {
  return summary.outcomes.find((outcome) => outcome.rowId === rowId);
}

describe('Integration: the schedule model (windows, overrides, holidays, calendars) on the local world', () => {
  let world: World;
  const summaries: RunSummary[] = [];
  /** Each application's parallelism in the emulator after each run. */
  const parallelisms: Record<string, number>[] = [];

  beforeAll(async () => {
    // Prepare
    world = await startWorld();
    await seedWorld(world, {
      rows: [...ROWS, DE_PUBLIC, { appName: 'calendar:broken', dates: ['2026-02-30'] }],
      applications: ROWS.map((row) => anApp(String(row.appName), Number(row.lowKPU))),
    });

    // Act
    for (const [at] of RUNS) {
      summaries.push(await runScaler({ clients: world.clients, table: world.stack.tableName, instant: new Date(at) }));
      parallelisms.push(Object.fromEntries(APP_NAMES.map((name) => [name, parallelismOf(world, name).Parallelism])));
    }
  });

  afterAll(() => world.close());

  it.each(RUNS.map(([at, expected], index) => [at, index, expected] as const))(
    'at %s scales each row to the KPU of the rule that decides it',
    (_at, index, expected) => {
      // Assess
      const summary = summaries[index] as RunSummary;
      for (const [rowId, [kpu, rule]] of Object.entries(expected)) {
        expect({ rowId, ...outcomeOf(summary, rowId) }).toMatchObject({ rowId, targetKPU: kpu, rule });
        // The emulator holds what the run set (1 task per KPU), not only what it reported.
        expect({ rowId, parallelism: parallelisms[index]?.[rowId] }).toEqual({ rowId, parallelism: kpu });
      }
    },
  );

  it('warns about the expired override, naming it, on every run', () => {
    // Assess
    const first = outcomeOf(summaries[0] as RunSummary, 'orders-enricher');
    const second = outcomeOf(summaries[1] as RunSummary, 'orders-enricher');
    expect(first?.warnings).toContain(
      'row "orders-enricher": override has expired and is ignored: overrides[1] (override until 2026-12-01T00:00:00Z (old incident)); remove it from overrides',
    );
    expect(second?.warnings.join()).toContain('2 overrides have expired and are ignored');
  });

  it('runs a row naming a calendar that does not exist without it, with a did-you-mean', () => {
    // Assess
    const outcome = outcomeOf(summaries[4] as RunSummary, 'typo-calendar');
    expect(outcome).toMatchObject({ outcome: 'scaled', targetKPU: 3, rule: UTC_DAY });
    expect(outcome?.warnings).toContain(
      'row "typo-calendar": calendar "de-pubic" does not exist (no item has appName "calendar:de-pubic"), so the row runs without it; did you mean "de-public"?',
    );
  });

  it('reports an invalid calendar item as invalid, warns the rows naming it, and lists only valid calendars', () => {
    // Assess
    const summary = summaries[0] as RunSummary;
    expect(outcomeOf(summary, 'calendar:broken')).toMatchObject({ outcome: 'invalid' });
    expect(outcomeOf(summary, 'calendar:broken')?.reason).toContain('dates has "2026-02-30", which is not a date');
    expect(outcomeOf(summary, 'broken-calendar-user')?.warnings).toContain(
      'row "broken-calendar-user": calendar "broken" is invalid (see the outcome of "calendar:broken"), so the row runs without it',
    );
    expect(summary.calendars).toEqual([{ rowId: 'calendar:de-public', dates: 2, warnings: [] }]);
    expect(summary.total).toBe(ROWS.length + 1);
  });

  it('costs one DescribeApplication per row and no call for the calendars', async () => {
    // Prepare: every application is at its target, so the run only describes.
    const [at] = RUNS[RUNS.length - 1] ?? [''];
    const callsBefore = world.stack.emulator.callCount();
    const describesBefore = world.stack.emulator.callCount('DescribeApplication');

    // Act
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: new Date(at) });

    // Assess
    expect(summary.counts).toMatchObject({ unchanged: ROWS.length, invalid: 1, scaled: 0 });
    expect(world.stack.emulator.callCount('DescribeApplication') - describesBefore).toBe(ROWS.length);
    expect(world.stack.emulator.callCount() - callsBefore).toBe(ROWS.length);
  });
});

/** What one `msf-scaler` run printed. */
interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(args: readonly string[], clients: ScalerClients, table: string, now: Date): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { SCHEDULE_TABLE: table },
    createClients: () => clients,
    now: () => now,
  });
  return { code, stdout, stderr };
}

describe('Integration: msf-scaler override and calendar against the DynamoDB-compatible server', () => {
  const NOW = new Date('2026-12-24T10:00:00Z');
  let world: World;
  let table: string;

  beforeAll(async () => {
    world = await startWorld();
    table = world.stack.tableName;
    await seedWorld(world, {
      rows: [aRow('shop', 1, 4, { calendars: ['de-public'] })],
      applications: [anApp('shop', 1)],
    });
  });

  afterAll(() => world.close());

  async function itemOf(appName: string): Promise<Record<string, unknown> | undefined> {
    return (await world.clients.dynamodb.send(new GetCommand({ TableName: table, Key: { appName } }))).Item;
  }

  it('puts a calendar item the run then reads from its scan, and lists it', async () => {
    // Act
    const put = await cli(
      ['calendar', 'put', 'de-public', '--dates', '2026-12-26,2026-12-25'],
      world.clients,
      table,
      NOW,
    );
    const list = await cli(['calendar', 'list', '--json'], world.clients, table, NOW);
    const summary = await runScaler({ clients: world.clients, table, instant: new Date('2026-12-25T10:00:00Z') });

    // Assess
    expect(put).toEqual({
      code: 0,
      stdout: 'calendar de-public: 2 dates from 2026-12-25 to 2026-12-26 (created)\n',
      stderr: '',
    });
    expect(await itemOf('calendar:de-public')).toEqual({
      appName: 'calendar:de-public',
      dates: new Set(['2026-12-25', '2026-12-26']),
    });
    expect(JSON.parse(list.stdout).calendars).toEqual([
      { name: 'de-public', valid: true, dates: ['2026-12-25', '2026-12-26'], warnings: [] },
    ]);
    expect(outcomeOf(summary, 'shop')).toMatchObject({ targetKPU: 1, rule: HOLIDAY_25 });
  });

  it('writes an override the next run obeys, leaving every other attribute as it was', async () => {
    // Prepare
    const before = await itemOf('shop');

    // Act
    const result = await cli(
      ['override', 'shop', '--kpu', '6', '--until', '+2h', '--reason', 'launch', '--by', 'ops'],
      world.clients,
      table,
      NOW,
    );
    const summary = await runScaler({ clients: world.clients, table, instant: NOW });

    // Assess
    expect(result).toEqual({
      code: 0,
      stdout:
        'shop: 6 KPU until 2026-12-24T12:00:00Z (launch, by ops); now 6 KPU (override until 2026-12-24T12:00:00Z (launch, by ops))\n' +
        '  next 2026-12-24T12:00:00Z: 4 KPU (window 08:00-20:00 UTC every day)\n',
      stderr: '',
    });
    expect(await itemOf('shop')).toEqual({
      ...before,
      overrides: [{ kpu: 6, until: '2026-12-24T12:00:00Z', reason: 'launch', by: 'ops' }],
    });
    expect(outcomeOf(summary, 'shop')).toMatchObject({ outcome: 'scaled', targetKPU: 6, rule: LAUNCH_RULE });
    expect(parallelismOf(world, 'shop').Parallelism).toBe(6);
  });

  it('refuses the write when another operator changed the overrides between the read and the write', async () => {
    // Prepare: the CLI's own clients, whose UpdateItem lets another operator write first.
    const clients = worldClients(world);
    let interleaved = false;
    clients.dynamodbClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (!interleaved && String(context.commandName).startsWith('Update')) {
          interleaved = true;
          await world.clients.dynamodb.send(
            new UpdateCommand({
              TableName: table,
              Key: { appName: 'shop' },
              UpdateExpression: 'SET overrides = list_append(overrides, :mine)',
              ExpressionAttributeValues: { ':mine': [{ kpu: 2, until: '2026-12-24T11:00:00Z', reason: 'mine' }] },
            }),
          );
        }
        return next(args);
      },
      { step: 'initialize', name: 'anotherOperatorWritesFirst' },
    );
    const command = ['override', 'shop', '--kpu', '3', '--until', '+1h', '--reason', 'test'];

    // Act
    const refused = await cli(command, { dynamodb: clients.dynamodb, msf: clients.msf }, table, NOW);
    const theirs = (await itemOf('shop'))?.overrides;
    const again = await cli(command, { dynamodb: clients.dynamodb, msf: clients.msf }, table, NOW);
    clients.destroy();

    // Assess
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: row "shop" changed since it was read (its overrides were written by someone else in between); nothing was written: run the command again\n',
    });
    expect(theirs).toEqual([
      { kpu: 6, until: '2026-12-24T12:00:00Z', reason: 'launch', by: 'ops' },
      { kpu: 2, until: '2026-12-24T11:00:00Z', reason: 'mine' },
    ]);
    expect(again.code).toBe(0);
    expect((await itemOf('shop'))?.overrides).toEqual([
      ...(theirs as unknown[]),
      { kpu: 3, until: '2026-12-24T11:00:00Z', reason: 'test' },
    ]);
  });

  it('clears the expired overrides later, then every one with --all', async () => {
    // Prepare
    const later = new Date('2026-12-24T11:30:00Z');

    // Act
    const expired = await cli(['override', 'shop', '--clear'], world.clients, table, later);
    const all = await cli(['override', 'shop', '--clear', '--all'], world.clients, table, later);

    // Assess
    expect(expired.code).toBe(0);
    expect(expired.stdout).toContain(
      'shop: removed 2 expired overrides: override until 2026-12-24T11:00:00Z (mine), override until 2026-12-24T11:00:00Z (test); 1 left',
    );
    expect(all.stdout).toContain(
      'shop: removed 1 override: override until 2026-12-24T12:00:00Z (launch, by ops); none left',
    );
    expect(await itemOf('shop')).not.toHaveProperty('overrides');
  });

  it('says to add the row first when there is none, and writes nothing', async () => {
    // Act
    const result = await cli(
      ['override', 'nobody', '--kpu', '2', '--until', '+1h', '--reason', 'x'],
      world.clients,
      table,
      NOW,
    );

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no row "nobody"');
    expect(await itemOf('nobody')).toBeUndefined();
  });

  it('never writes a calendar item the run would reject', async () => {
    // Prepare
    await world.clients.dynamodb.send(
      new PutCommand({ TableName: table, Item: { ...DE_PUBLIC, appName: 'calendar:x' } }),
    );

    // Act
    const result = await cli(['calendar', 'put', 'x', '--dates', '2026-02-30'], world.clients, table, NOW);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dates has "2026-02-30", which is not a date YYYY-MM-DD');
    expect((await itemOf('calendar:x'))?.dates).toEqual(DE_PUBLIC.dates);
  });
});
