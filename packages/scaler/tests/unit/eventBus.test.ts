import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { ScalerClients } from '../../src/adapters/clients';
import { createEventBus, EVENTBRIDGE_ACTIONS } from '../../src/adapters/eventBus';
import { OUTCOMES, type Outcome } from '../../src/core/outcome';
import {
  describeEventsFailure,
  EVENT_SOURCE,
  EventDetailType,
  EventLimits,
  type EventsPort,
  type ScalerEvent,
  scalerEvents,
} from '../../src/run/events';
import type { HistoryPort } from '../../src/run/history';
import { runScaler } from '../../src/run/runScaler';
import type { RowOutcome, RunSummary } from '../../src/run/types';
import { anApplicationDetail, anItem, PEAK_INSTANT } from '../helpers/fixtures';

const ebMock = mockClient(EventBridgeClient);

const NOW = Date.parse('2026-11-27T10:00:05Z');
const AT = '2026-11-27T10:00:00.000Z';

function anOutcome(rowId: string, outcome: Outcome, overrides: Partial<RowOutcome> = {}): RowOutcome {
  return { rowId, outcome, reason: `${rowId} ${outcome}`, warnings: [], ...overrides };
}

function aSummary(outcomes: readonly RowOutcome[], dryRun = false): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return {
    table: 'msf-scaler-schedules',
    at: AT,
    dryRun,
    calendars: [],
    total: outcomes.length,
    counts,
    peakConcurrency: 1,
    outcomes,
  };
}

function anEvent(rowId: string): ScalerEvent {
  return {
    detailType: EventDetailType.SCALED,
    time: AT,
    rowId,
    detail: JSON.stringify({ rowId, outcome: 'scaled' }),
  };
}

function bus(options: Parameters<typeof createEventBus>[1] = {}): EventsPort {
  return createEventBus(new EventBridgeClient({ region: 'us-east-1' }), {
    clock: () => NOW,
    retryDelayMs: 0,
    ...options,
  });
}

describe('Function: scalerEvents', () => {
  it('makes one event per scaled, busy, error and invalid row, none for the others', () => {
    // Prepare
    const summary = aSummary([
      anOutcome('a', 'scaled', { currentKPU: 1, targetKPU: 4, operationId: 'op-1' }),
      anOutcome('b', 'unchanged'),
      anOutcome('c', 'skipped', { status: 'READY' }),
      anOutcome('d', 'busy', { errorCode: 'ResourceInUseException' }),
      anOutcome('e', 'error', { errorCode: 'AccessDeniedException' }),
      anOutcome('f', 'invalid'),
      anOutcome('g', 'deferred'),
    ]);

    // Act
    const events = scalerEvents(summary, 'a1b2c3d4');

    // Assess
    expect(events.map(({ rowId, detailType }) => `${rowId} ${detailType}`)).toStrictEqual([
      'a MSF Application Scaled',
      'd MSF Application Scaling Failed',
      'e MSF Application Scaling Failed',
      'f MSF Application Scaling Failed',
    ]);
    expect(JSON.parse(events[0]?.detail ?? '')).toStrictEqual({
      rowId: 'a',
      outcome: 'scaled',
      reason: 'a scaled',
      currentKPU: 1,
      targetKPU: 4,
      operationId: 'op-1',
      warnings: [],
      at: AT,
      runId: 'a1b2c3d4',
      table: 'msf-scaler-schedules',
    });
  });

  it('publishes nothing for a dry run', () => {
    // Prepare
    const summary = aSummary([anOutcome('a', 'scaled')], true);

    // Act
    const events = scalerEvents(summary, 'a1b2c3d4');

    // Assess
    expect(events).toStrictEqual([]);
  });

  it('cuts long reasons and drops raw issue values, staying under 256 KB with bigint values', () => {
    // Prepare
    const summary = aSummary([
      anOutcome('broken', 'invalid', {
        reason: 'x'.repeat(300_000),
        issues: Array.from({ length: 50 }, (_, index) => ({
          rowId: 'broken',
          attribute: `a${index}`,
          value: 10n ** 30n,
          rule: 'must be a number',
          message: 'y'.repeat(5_000),
        })),
        warnings: Array.from({ length: 50 }, () => 'w'.repeat(5_000)),
      }),
    ]);

    // Act
    const [event] = scalerEvents(summary, 'a1b2c3d4');

    // Assess
    const detail = JSON.parse(event?.detail ?? '') as {
      reason: string;
      issues: { value?: unknown }[];
      issuesNotSent: number;
      warningsNotSent: number;
    };
    expect(detail.reason).toHaveLength(EventLimits.REASON);
    expect(detail.issues).toHaveLength(EventLimits.LISTED);
    expect(detail.issues[0]?.value).toBeUndefined();
    expect(detail.issuesNotSent).toBe(40);
    expect(detail.warningsNotSent).toBe(40);
    expect(Buffer.byteLength(event?.detail ?? '')).toBeLessThan(EventLimits.ENTRY_BYTES);
  });
});

describe('Adapter: createEventBus', () => {
  afterEach(() => {
    ebMock.reset();
  });

  it('names exactly the actions it calls', () => {
    // Prepare
    // Act
    // Assess
    expect(EVENTBRIDGE_ACTIONS).toStrictEqual(['PutEvents']);
  });

  it('puts each event on the default bus with the scaler source, its detail-type, time and detail', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }] });

    // Act
    const result = await bus().publish([anEvent('orders')], NOW + 5_000);

    // Assess
    expect(result).toStrictEqual({ bus: 'default', published: 1, failed: 0 });
    expect(ebMock).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [
        {
          Source: EVENT_SOURCE,
          DetailType: 'MSF Application Scaled',
          Detail: '{"rowId":"orders","outcome":"scaled"}',
          Time: new Date(AT),
          EventBusName: 'default',
        },
      ],
    });
  });

  it('sends at most 10 entries per call', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, index) => ({ EventId: String(index) })),
    }));
    const events = Array.from({ length: 23 }, (_, index) => anEvent(`app-${index}`));

    // Act
    const result = await bus().publish(events, NOW + 5_000);

    // Assess
    expect(result).toStrictEqual({ bus: 'default', published: 23, failed: 0 });
    const sizes = ebMock.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toStrictEqual([10, 10, 3]);
  });

  it('retries only the entries EventBridge failed', async () => {
    // Prepare
    ebMock
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ EventId: '1' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: '2' }] });

    // Act
    const result = await bus().publish([anEvent('a'), anEvent('b')], NOW + 5_000);

    // Assess
    expect(result).toStrictEqual({ bus: 'default', published: 2, failed: 0 });
    expect(ebMock).toHaveReceivedCommandTimes(PutEventsCommand, 2);
    expect(ebMock.commandCalls(PutEventsCommand)[1]?.args[0].input.Entries?.map((entry) => entry.Detail)).toStrictEqual(
      [anEvent('b').detail],
    );
  });

  it('counts entries still failed after its attempts, with the error codes', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }],
    });

    // Act
    const result = await bus({ maxAttempts: 3 }).publish([anEvent('a')], NOW + 5_000);

    // Assess
    expect(ebMock).toHaveReceivedCommandTimes(PutEventsCommand, 3);
    expect(result).toStrictEqual({
      bus: 'default',
      published: 0,
      failed: 1,
      problem: 'EventBridge failed 1 entry after 3 attempts (InternalFailure); later runs publish their own events',
    });
  });

  it('never rejects when the call fails, and names the grant to add on an access denial', async () => {
    // Prepare
    const denied = new Error('not authorized to perform: events:PutEvents');
    denied.name = 'AccessDeniedException';
    ebMock.on(PutEventsCommand).rejects(denied);

    // Act
    const result = await bus().publish([anEvent('a'), anEvent('b')], NOW + 5_000);

    // Assess
    expect(result.failed).toBe(2);
    expect(result.published).toBe(0);
    expect(result.problem).toContain('grant events:PutEvents on the default event bus');
    expect(describeEventsFailure(result)).toMatch(
      /^events not published: 2 of 2 events were not put on event bus "default": .*every row kept its outcome$/,
    );
  });

  it('sends nothing once the deadline has passed', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }] });

    // Act
    const result = await bus().publish([anEvent('a')], NOW - 1);

    // Assess
    expect(ebMock).toHaveReceivedCommandTimes(PutEventsCommand, 0);
    expect(result.failed).toBe(1);
  });
});

describe('Function: runScaler (events)', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const msfMock = mockClient(KinesisAnalyticsV2Client);

  function clients(): ScalerClients {
    return {
      dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
      msf: new KinesisAnalyticsV2Client({ region: 'us-east-1' }),
    };
  }

  const noHistory: HistoryPort = { table: 'h', write: async () => ({ table: 'h', written: 0, failed: 0 }) };

  beforeEach(() => {
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
    ddbMock.on(ScanCommand).resolves({
      Items: [
        anItem({ appName: 'scale-me' }),
        anItem({ appName: 'at-target' }),
        anItem({ appName: 'broken', lowKPU: 0 }),
      ],
    });
    for (const [name, parallelism] of [
      ['scale-me', 1],
      ['at-target', 4],
    ] as const) {
      msfMock
        .on(DescribeApplicationCommand, { ApplicationName: name })
        .resolves({ ApplicationDetail: anApplicationDetail({ name, parallelism }) });
    }
    msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op-1' });
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  it('publishes one event per scaled and failed row through the port, with the run id', async () => {
    // Prepare
    const published: { events: ScalerEvent[]; deadline: number }[] = [];
    const eventBus: EventsPort = {
      bus: 'default',
      publish: async (events, deadline) => {
        published.push({ events: [...events], deadline });
        return { bus: 'default', published: events.length, failed: 0 };
      },
    };
    const reports: unknown[] = [];

    // Act
    await runScaler({
      clients: clients(),
      table: 'schedules',
      instant: PEAK_INSTANT,
      clock: () => NOW,
      runId: 'run00001',
      history: noHistory,
      events: true,
      eventBus,
      onEvents: (result) => reports.push(result),
    });

    // Assess
    expect(published).toHaveLength(1);
    expect(published[0]?.deadline).toBe(NOW + 5_000);
    expect(published[0]?.events.map(({ rowId, detailType }) => `${rowId} ${detailType}`)).toStrictEqual([
      'scale-me MSF Application Scaled',
      'broken MSF Application Scaling Failed',
    ]);
    expect(JSON.parse(published[0]?.events[0]?.detail ?? '')).toMatchObject({ runId: 'run00001', table: 'schedules' });
    expect(reports).toStrictEqual([{ bus: 'default', published: 2, failed: 0 }]);
  });

  it('never changes an outcome when publishing fails, and reports every event as failed', async () => {
    // Prepare
    const eventBus: EventsPort = {
      bus: 'default',
      publish: async () => {
        throw new Error('bus down');
      },
    };
    const reports: unknown[] = [];
    const base = { clients: clients(), table: 'schedules', instant: PEAK_INSTANT, history: noHistory };
    const without = await runScaler(base);
    ddbMock.reset();
    ddbMock.on(ScanCommand).resolves({
      Items: [
        anItem({ appName: 'scale-me' }),
        anItem({ appName: 'at-target' }),
        anItem({ appName: 'broken', lowKPU: 0 }),
      ],
    });

    // Act
    const withEvents = await runScaler({ ...base, events: true, eventBus, onEvents: (result) => reports.push(result) });

    // Assess
    expect(withEvents.outcomes.map(({ rowId, outcome }) => `${rowId} ${outcome}`)).toStrictEqual(
      without.outcomes.map(({ rowId, outcome }) => `${rowId} ${outcome}`),
    );
    expect(reports).toStrictEqual([
      { bus: 'default', published: 0, failed: 2, problem: 'unexpected failure: Error: bus down' },
    ]);
  });

  it('publishes nothing without events, and nothing in a dry run', async () => {
    // Prepare
    const publish = jest.fn(async () => ({ bus: 'default', published: 0, failed: 0 }));
    const eventBus: EventsPort = { bus: 'default', publish };
    const onEvents = jest.fn();
    const base = {
      clients: clients(),
      table: 'schedules',
      instant: PEAK_INSTANT,
      history: noHistory,
      eventBus,
      onEvents,
    };

    // Act
    await runScaler(base);
    await runScaler({ ...base, events: true, dryRun: true });

    // Assess
    expect(publish).not.toHaveBeenCalled();
    expect(onEvents).not.toHaveBeenCalled();
  });
});
