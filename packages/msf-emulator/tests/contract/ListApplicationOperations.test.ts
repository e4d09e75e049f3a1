import {
  type KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  paginateListApplicationOperations,
  StartApplicationCommand,
  StopApplicationCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { createTestApplication, describeApp, expectServiceError, uniqueName } from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

/** Start, update (RUNNING → UPDATING → RUNNING), stop: three SUCCESSFUL operations. */
async function runLifecycle(client: KinesisAnalyticsV2Client, name: string): Promise<string[]> {
  await createTestApplication(client, name);
  const start = await client.send(new StartApplicationCommand({ ApplicationName: name }));
  const running = await describeApp(client, name);
  const update = await client.send(
    new UpdateApplicationCommand({
      ApplicationName: name,
      ConditionalToken: running.ConditionalToken,
      ApplicationConfigurationUpdate: {
        FlinkApplicationConfigurationUpdate: {
          ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 },
        },
      },
    }),
  );
  const stop = await client.send(new StopApplicationCommand({ ApplicationName: name }));
  return [start.OperationId ?? '', update.OperationId ?? '', stop.OperationId ?? ''];
}

describe('Operation: ListApplicationOperations', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns every operation newest first, SUCCESSFUL with start and end times', async () => {
    // Prepare
    const name = uniqueName('ops');
    const [startId, updateId, stopId] = await runLifecycle(msf.client, name);

    // Act
    const output = await msf.client.send(new ListApplicationOperationsCommand({ ApplicationName: name }));

    // Assess
    const times = { StartTime: expect.any(Date), EndTime: expect.any(Date), OperationStatus: 'SUCCESSFUL' };
    expect(output.ApplicationOperationInfoList).toEqual([
      { Operation: 'StopApplication', OperationId: stopId, ...times },
      { Operation: 'UpdateApplication', OperationId: updateId, ...times },
      { Operation: 'StartApplication', OperationId: startId, ...times },
    ]);
    expect(output.NextToken).toBeUndefined();
  });

  it('returns only the operations with the requested Operation name', async () => {
    // Prepare
    const name = uniqueName('ops-filter');
    const [, updateId] = await runLifecycle(msf.client, name);

    // Act
    const output = await msf.client.send(
      new ListApplicationOperationsCommand({ ApplicationName: name, Operation: 'UpdateApplication' }),
    );

    // Assess
    expect(output.ApplicationOperationInfoList?.map((info) => info.OperationId)).toEqual([updateId]);
  });

  it('returns no operations for a status no operation has', async () => {
    // Prepare
    const name = uniqueName('ops-status');
    await runLifecycle(msf.client, name);

    // Act
    const output = await msf.client.send(
      new ListApplicationOperationsCommand({ ApplicationName: name, OperationStatus: 'FAILED' }),
    );

    // Assess
    expect(output.ApplicationOperationInfoList).toEqual([]);
  });

  it('returns an empty list for an application without operations', async () => {
    // Prepare
    const name = uniqueName('ops-none');
    await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(new ListApplicationOperationsCommand({ ApplicationName: name }));

    // Assess
    expect(output.ApplicationOperationInfoList).toEqual([]);
  });

  it('returns pages of Limit operations linked by an opaque NextToken', async () => {
    // Prepare
    const name = uniqueName('ops-pages');
    const ids = await runLifecycle(msf.client, name);

    // Act
    const first = await msf.client.send(new ListApplicationOperationsCommand({ ApplicationName: name, Limit: 2 }));
    const second = await msf.client.send(
      new ListApplicationOperationsCommand({ ApplicationName: name, Limit: 2, NextToken: first.NextToken }),
    );

    // Assess
    expect(first.ApplicationOperationInfoList?.map((info) => info.OperationId)).toEqual([ids[2], ids[1]]);
    expect(second.ApplicationOperationInfoList?.map((info) => info.OperationId)).toEqual([ids[0]]);
    expect(second.NextToken).toBeUndefined();
  });

  it('returns every operation through the SDK paginator', async () => {
    // Prepare
    const name = uniqueName('ops-paginator');
    const ids = await runLifecycle(msf.client, name);
    const seen: string[] = [];

    // Act
    for await (const page of paginateListApplicationOperations(
      { client: msf.client, pageSize: 1 },
      { ApplicationName: name },
    )) {
      seen.push(...(page.ApplicationOperationInfoList ?? []).map((info) => info.OperationId ?? ''));
    }

    // Assess
    expect(seen).toEqual([...ids].reverse());
  });

  it('returns InvalidArgumentException for a NextToken it did not issue', async () => {
    // Prepare
    const name = uniqueName('ops-token');
    await createTestApplication(msf.client, name);

    // Act
    const call = msf.client.send(new ListApplicationOperationsCommand({ ApplicationName: name, NextToken: 'bogus' }));

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "NextToken 'bogus' is not valid; pass the NextToken of the previous ListApplicationOperations response",
    );
  });

  it('returns InvalidArgumentException for Limit 0 and an unknown OperationStatus', async () => {
    // Act
    const call = msf.client.send(
      new ListApplicationOperationsCommand({
        ApplicationName: 'any-app',
        Limit: 0,
        // @ts-expect-error: a value the SDK types refuse, as a hand-written request could send
        OperationStatus: 'DONE',
      }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      '2 validation errors detected: ' +
        "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value 'DONE' at 'operationStatus' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [IN_PROGRESS, CANCELLED, SUCCESSFUL, FAILED]',
    );
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(new ListApplicationOperationsCommand({ ApplicationName: 'missing-app' }));

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    const slow = useEmulator({ transitionMs: 60_000 });

    it('returns the operation in flight as IN_PROGRESS, without EndTime', async () => {
      // Prepare
      const name = uniqueName('ops-in-progress');
      await createTestApplication(slow.client, name);
      const start = await slow.client.send(new StartApplicationCommand({ ApplicationName: name }));

      // Act
      const output = await slow.client.send(
        new ListApplicationOperationsCommand({ ApplicationName: name, OperationStatus: 'IN_PROGRESS' }),
      );

      // Assess
      expect(output.ApplicationOperationInfoList).toEqual([
        {
          Operation: 'StartApplication',
          OperationId: start.OperationId,
          StartTime: expect.any(Date),
          OperationStatus: 'IN_PROGRESS',
        },
      ]);
    });
  });
});
