import {
  DescribeApplicationOperationCommand,
  type KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  type OperationStatus,
  StartApplicationCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { DEFAULT_UPDATE_ERROR } from '../../src';
import {
  createRunningApplication,
  createTestApplication,
  describeApp,
  parallelismConfiguration,
  steppingClock,
  uniqueName,
  updateParallelism,
  waitForStatus,
} from '../helpers/client';
import { startEmulatorWithClient, useEmulator } from '../helpers/emulator';

const START = new Date('2026-07-01T09:00:00.000Z');

/** ListApplicationOperations of `name` as `[Operation, OperationStatus]` pairs, newest first. */
async function listOperations(
  client: KinesisAnalyticsV2Client,
  name: string,
  filter: { readonly Operation?: string; readonly OperationStatus?: OperationStatus } = {},
): Promise<Array<[string | undefined, string | undefined]>> {
  const output = await client.send(new ListApplicationOperationsCommand({ ApplicationName: name, ...filter }));
  return (output.ApplicationOperationInfoList ?? []).map((info) => [info.Operation, info.OperationStatus]);
}

describe('Fault: failNextUpdate (an UpdateApplication that fails as on MSF)', () => {
  const msf = useEmulator({ transitionMs: 0, clock: steppingClock(START, 1000) });

  describe('with system rollback enabled', () => {
    it('accepts the update, then rolls back to RUNNING at the previous parallelism as a new version', async () => {
      // Prepare
      const name = uniqueName('fail-rollback');
      await createRunningApplication(msf.client, name, parallelismConfiguration(2, true));
      msf.emulator.failNextUpdate(name, { errorString: 'Parallelism 8 exceeds maxParallelism 4' });

      // Act
      const update = await updateParallelism(msf.client, name, 8);
      const after = await describeApp(msf.client, name);

      // Assess
      expect(update.$metadata.httpStatusCode).toBe(200);
      expect(update.OperationId).toEqual(expect.any(String));
      expect(update.ApplicationDetail?.ApplicationStatus).toBe('UPDATING');
      expect(update.ApplicationDetail?.ApplicationVersionId).toBe(2);
      expect(after.ApplicationStatus).toBe('RUNNING');
      expect(
        after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription,
      ).toEqual({
        ConfigurationType: 'CUSTOM',
        Parallelism: 2,
        ParallelismPerKPU: 1,
        CurrentParallelism: 2,
        AutoScalingEnabled: false,
      });
      expect(after.ApplicationConfigurationDescription?.ApplicationSystemRollbackConfigurationDescription).toEqual({
        RollbackEnabled: true,
      });
      expect(after.ApplicationVersionId).toBe(3);
      expect(after.ApplicationVersionUpdatedFrom).toBe(2);
      expect(after.ApplicationVersionRolledBackFrom).toBe(2);
      expect(after.ApplicationVersionRolledBackTo).toBe(1);
      expect(after.ConditionalToken).not.toBe(update.ApplicationDetail?.ConditionalToken);
    });

    it('lists the FAILED update and the SUCCESSFUL RollbackApplication, and filters them', async () => {
      // Prepare
      const name = uniqueName('fail-rollback-list');
      await createRunningApplication(msf.client, name, parallelismConfiguration(2, true));
      msf.emulator.failNextUpdate(name);
      await updateParallelism(msf.client, name, 4);

      // Act
      const all = await listOperations(msf.client, name);
      const rollbacks = await listOperations(msf.client, name, { Operation: 'RollbackApplication' });
      const failed = await listOperations(msf.client, name, { OperationStatus: 'FAILED' });
      const failedRollbacks = await listOperations(msf.client, name, {
        Operation: 'RollbackApplication',
        OperationStatus: 'FAILED',
      });

      // Assess
      expect(all).toEqual([
        ['RollbackApplication', 'SUCCESSFUL'],
        ['UpdateApplication', 'FAILED'],
        ['StartApplication', 'SUCCESSFUL'],
      ]);
      expect(rollbacks).toEqual([['RollbackApplication', 'SUCCESSFUL']]);
      expect(failed).toEqual([['UpdateApplication', 'FAILED']]);
      expect(failedRollbacks).toEqual([]);
    });

    it('describes the failed update with its RollbackOperationId and ErrorString, and the rollback', async () => {
      // Prepare
      const name = uniqueName('fail-rollback-describe');
      await createRunningApplication(msf.client, name, parallelismConfiguration(2, true));
      msf.emulator.failNextUpdate(name, { errorString: 'Could not restore state from the snapshot' });
      const update = await updateParallelism(msf.client, name, 4);
      const listed = await msf.client.send(
        new ListApplicationOperationsCommand({ ApplicationName: name, Operation: 'RollbackApplication' }),
      );
      const rollbackId = listed.ApplicationOperationInfoList?.[0]?.OperationId;

      // Act
      const failed = await msf.client.send(
        new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: update.OperationId }),
      );
      const rollback = await msf.client.send(
        new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: rollbackId }),
      );

      // Assess
      expect(rollbackId).toEqual(expect.any(String));
      expect(failed.ApplicationOperationInfoDetails).toEqual({
        Operation: 'UpdateApplication',
        StartTime: expect.any(Date),
        EndTime: expect.any(Date),
        OperationStatus: 'FAILED',
        ApplicationVersionChangeDetails: { ApplicationVersionUpdatedFrom: 1, ApplicationVersionUpdatedTo: 2 },
        OperationFailureDetails: {
          RollbackOperationId: rollbackId,
          ErrorInfo: { ErrorString: 'Could not restore state from the snapshot' },
        },
      });
      expect(rollback.ApplicationOperationInfoDetails).toEqual({
        Operation: 'RollbackApplication',
        StartTime: expect.any(Date),
        EndTime: expect.any(Date),
        OperationStatus: 'SUCCESSFUL',
        ApplicationVersionChangeDetails: { ApplicationVersionUpdatedFrom: 2, ApplicationVersionUpdatedTo: 3 },
      });
      const failedDetails = failed.ApplicationOperationInfoDetails;
      const rollbackDetails = rollback.ApplicationOperationInfoDetails;
      // The stepping clock advances one second per reading: update start < update end <= rollback start < rollback end.
      expect(failedDetails?.EndTime?.getTime()).toBeGreaterThan(failedDetails?.StartTime?.getTime() ?? Infinity);
      expect(rollbackDetails?.StartTime?.getTime()).toBeGreaterThanOrEqual(
        failedDetails?.EndTime?.getTime() ?? Infinity,
      );
      expect(rollbackDetails?.EndTime?.getTime()).toBeGreaterThan(rollbackDetails?.StartTime?.getTime() ?? Infinity);
    });

    it('rolls back when rollback was enabled by ApplicationSystemRollbackConfigurationUpdate', async () => {
      // Prepare
      const name = uniqueName('fail-rollback-enabled-later');
      const created = await createRunningApplication(msf.client, name, parallelismConfiguration(3));
      const enabled = await msf.client.send(
        new UpdateApplicationCommand({
          ApplicationName: name,
          CurrentApplicationVersionId: created.ApplicationVersionId,
          ApplicationConfigurationUpdate: {
            ApplicationSystemRollbackConfigurationUpdate: { RollbackEnabledUpdate: true },
          },
        }),
      );
      await waitForStatus(msf.client, name, 'RUNNING');
      msf.emulator.failNextUpdate(name);

      // Act
      await updateParallelism(msf.client, name, 6);
      const after = await waitForStatus(msf.client, name, 'RUNNING');

      // Assess
      expect(created.ApplicationConfigurationDescription?.ApplicationSystemRollbackConfigurationDescription).toEqual({
        RollbackEnabled: false,
      });
      expect(
        enabled.ApplicationDetail?.ApplicationConfigurationDescription
          ?.ApplicationSystemRollbackConfigurationDescription,
      ).toEqual({
        RollbackEnabled: true,
      });
      expect(
        after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription?.CurrentParallelism,
      ).toBe(3);
      expect(after.ApplicationVersionId).toBe(4);
      expect(after.ApplicationVersionRolledBackTo).toBe(2);
    });
  });

  describe('without system rollback', () => {
    it('ends the update FAILED and the application READY with its previous configuration and version', async () => {
      // Prepare
      const name = uniqueName('fail-no-rollback');
      await createRunningApplication(msf.client, name, parallelismConfiguration(2, false));
      msf.emulator.failNextUpdate(name);

      // Act
      const update = await updateParallelism(msf.client, name, 4);
      const after = await describeApp(msf.client, name);
      const operations = await listOperations(msf.client, name);
      const failed = await msf.client.send(
        new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: update.OperationId }),
      );

      // Assess
      expect(update.$metadata.httpStatusCode).toBe(200);
      expect(after.ApplicationStatus).toBe('READY');
      expect(
        after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription,
      ).toMatchObject({ Parallelism: 2, CurrentParallelism: 2 });
      expect(after.ApplicationVersionId).toBe(1);
      expect(after.ApplicationVersionUpdatedFrom).toBeUndefined();
      expect(after.ApplicationVersionRolledBackFrom).toBeUndefined();
      expect(operations).toEqual([
        ['UpdateApplication', 'FAILED'],
        ['StartApplication', 'SUCCESSFUL'],
      ]);
      expect(failed.ApplicationOperationInfoDetails?.OperationFailureDetails).toEqual({
        ErrorInfo: { ErrorString: DEFAULT_UPDATE_ERROR },
      });
      expect(failed.ApplicationOperationInfoDetails?.EndTime).toEqual(expect.any(Date));
    });

    it('fails an update of a READY application at once and leaves it unchanged', async () => {
      // Prepare
      const name = uniqueName('fail-ready');
      await createTestApplication(msf.client, name, parallelismConfiguration(2, true));
      msf.emulator.failNextUpdate(name, { errorString: 'Invalid configuration' });

      // Act
      const update = await updateParallelism(msf.client, name, 4);
      const operations = await listOperations(msf.client, name);

      // Assess
      expect(update.ApplicationDetail?.ApplicationStatus).toBe('READY');
      expect(update.ApplicationDetail?.ApplicationVersionId).toBe(1);
      expect(
        update.ApplicationDetail?.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription?.Parallelism,
      ).toBe(2);
      expect(operations).toEqual([['UpdateApplication', 'FAILED']]);
    });
  });

  describe('clearing and repeating', () => {
    it('fails only the next update: the one after it succeeds', async () => {
      // Prepare
      const name = uniqueName('fail-once');
      await createRunningApplication(msf.client, name, parallelismConfiguration(2, true));
      msf.emulator.failNextUpdate(name);
      await updateParallelism(msf.client, name, 4);
      await waitForStatus(msf.client, name, 'RUNNING');

      // Act
      const second = await updateParallelism(msf.client, name, 4);
      const after = await waitForStatus(msf.client, name, 'RUNNING');

      // Assess
      const described = await msf.client.send(
        new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: second.OperationId }),
      );
      expect(described.ApplicationOperationInfoDetails?.OperationStatus).toBe('SUCCESSFUL');
      expect(described.ApplicationOperationInfoDetails?.OperationFailureDetails).toBeUndefined();
      expect(
        after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription?.CurrentParallelism,
      ).toBe(4);
      expect(after.ApplicationVersionRolledBackFrom).toBeUndefined();
    });

    it('fails every update with always until clearUpdateFailures, then the next update succeeds', async () => {
      // Prepare
      const name = uniqueName('fail-always');
      await createRunningApplication(msf.client, name, parallelismConfiguration(2, false));
      msf.emulator.failNextUpdate(name, { always: true });
      await updateParallelism(msf.client, name, 4);
      await msf.client.send(new StartApplicationCommand({ ApplicationName: name }));
      await waitForStatus(msf.client, name, 'RUNNING');
      await updateParallelism(msf.client, name, 4);
      const afterSecond = await describeApp(msf.client, name);

      // Act
      msf.emulator.clearUpdateFailures(name);
      await msf.client.send(new StartApplicationCommand({ ApplicationName: name }));
      await waitForStatus(msf.client, name, 'RUNNING');
      await updateParallelism(msf.client, name, 4);
      const after = await waitForStatus(msf.client, name, 'RUNNING');

      // Assess
      expect(afterSecond.ApplicationStatus).toBe('READY');
      expect(await listOperations(msf.client, name, { Operation: 'UpdateApplication' })).toEqual([
        ['UpdateApplication', 'SUCCESSFUL'],
        ['UpdateApplication', 'FAILED'],
        ['UpdateApplication', 'FAILED'],
      ]);
      expect(
        after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription?.CurrentParallelism,
      ).toBe(4);
    });

    it('throws a RangeError for an unknown application or an ErrorString the model refuses', async () => {
      // Prepare
      const name = uniqueName('fail-range');
      await createTestApplication(msf.client, name);

      // Act
      function unknown(): void {
        msf.emulator.failNextUpdate('no-such-app');
      }
      function empty(): void {
        msf.emulator.failNextUpdate(name, { errorString: '' });
      }
      function long(): void {
        msf.emulator.failNextUpdate(name, { errorString: 'x'.repeat(513) });
      }
      function clearUnknown(): void {
        msf.emulator.clearUpdateFailures('no-such-app');
      }

      // Assess
      expect(unknown).toThrow(new RangeError("failNextUpdate: no application named 'no-such-app'; create it first"));
      expect(empty).toThrow(/errorString has 0 characters; use 1 to 512/);
      expect(long).toThrow(/errorString has 513 characters; use 1 to 512/);
      expect(clearUnknown).not.toThrow();
    });
  });
});

describe('Fault: failNextUpdate with timed transitions', () => {
  it('goes UPDATING, then ROLLING_BACK, then RUNNING at the previous parallelism', async () => {
    // Prepare
    const started = await startEmulatorWithClient({ transitionMs: 200 });
    try {
      const name = uniqueName('fail-timed');
      await createTestApplication(started.client, name, parallelismConfiguration(2, true));
      await started.client.send(new StartApplicationCommand({ ApplicationName: name }));
      await waitForStatus(started.client, name, 'RUNNING');
      started.emulator.failNextUpdate(name);

      // Act
      const update = await updateParallelism(started.client, name, 4);
      const rollingBack = await waitForStatus(started.client, name, 'ROLLING_BACK');
      const during = await listOperations(started.client, name);
      const after = await waitForStatus(started.client, name, 'RUNNING');

      // Assess
      expect(update.ApplicationDetail?.ApplicationStatus).toBe('UPDATING');
      expect(rollingBack.ApplicationVersionId).toBe(3);
      expect(during.slice(0, 2)).toEqual([
        ['RollbackApplication', 'IN_PROGRESS'],
        ['UpdateApplication', 'FAILED'],
      ]);
      expect(
        after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription?.CurrentParallelism,
      ).toBe(2);
      expect((await listOperations(started.client, name))[0]).toEqual(['RollbackApplication', 'SUCCESSFUL']);
    } finally {
      await started.stop();
    }
  });
});
