import { ListApplicationOperationsCommand, StartApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus } from '../../src';
import {
  createRunningApplication,
  createTestApplication,
  describeApp,
  expectServiceError,
  uniqueName,
  waitForStatus,
} from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

describe('Operation: StartApplication', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns an OperationId and the application is RUNNING with its configured parallelism', async () => {
    // Prepare
    const name = uniqueName('start');
    await createTestApplication(msf.client, name, {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 3 } },
      },
    });

    // Act
    const output = await msf.client.send(new StartApplicationCommand({ ApplicationName: name }));
    const after = await describeApp(msf.client, name);

    // Assess
    expect(output.OperationId).toEqual(expect.stringMatching(/^[a-f0-9]{24}$/));
    expect(after.ApplicationStatus).toBe('RUNNING');
    expect(
      after.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
        ?.ParallelismConfigurationDescription?.CurrentParallelism,
    ).toBe(3);
    expect(after.ApplicationVersionId).toBe(1);
  });

  it('returns an operation that is recorded as a SUCCESSFUL StartApplication', async () => {
    // Prepare
    const name = uniqueName('start-recorded');
    await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(new StartApplicationCommand({ ApplicationName: name }));
    const operations = await msf.client.send(new ListApplicationOperationsCommand({ ApplicationName: name }));

    // Assess
    expect(operations.ApplicationOperationInfoList).toEqual([
      {
        Operation: 'StartApplication',
        OperationId: output.OperationId,
        StartTime: expect.any(Date),
        EndTime: expect.any(Date),
        OperationStatus: 'SUCCESSFUL',
      },
    ]);
  });

  it('returns an OperationId when a RunConfiguration is given', async () => {
    // Prepare
    const name = uniqueName('start-run-config');
    await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(
      new StartApplicationCommand({
        ApplicationName: name,
        RunConfiguration: {
          FlinkRunConfiguration: { AllowNonRestoredState: true },
          ApplicationRestoreConfiguration: { ApplicationRestoreType: 'SKIP_RESTORE_FROM_SNAPSHOT' },
        },
      }),
    );

    // Assess
    expect(output.OperationId).toEqual(expect.any(String));
  });

  it.each([ApplicationStatus.RUNNING, ApplicationStatus.MAINTENANCE, ApplicationStatus.AUTOSCALING])(
    'returns ResourceInUseException for an application in %s',
    async (status) => {
      // Prepare
      const name = uniqueName('start-busy');
      await createRunningApplication(msf.client, name);
      msf.emulator.forceStatus(name, status);

      // Act
      const call = msf.client.send(new StartApplicationCommand({ ApplicationName: name }));

      // Assess
      await expectServiceError(
        call,
        'ResourceInUseException',
        `Application ${name} is in ${status} state and cannot be started; only a READY application can be started`,
      );
    },
  );

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(new StartApplicationCommand({ ApplicationName: 'missing-app' }));

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  it('returns InvalidArgumentException for an unknown ApplicationRestoreType', async () => {
    // Prepare
    const name = uniqueName('start-restore');
    await createTestApplication(msf.client, name);

    // Act
    const call = msf.client.send(
      new StartApplicationCommand({
        ApplicationName: name,
        RunConfiguration: {
          // @ts-expect-error: a value the SDK types refuse, as a hand-written request could send
          ApplicationRestoreConfiguration: { ApplicationRestoreType: 'LATEST' },
        },
      }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "1 validation error detected: Value 'LATEST' at " +
        "'runConfiguration.applicationRestoreConfiguration.applicationRestoreType' failed to satisfy constraint: " +
        'Member must satisfy enum value set: ' +
        '[SKIP_RESTORE_FROM_SNAPSHOT, RESTORE_FROM_LATEST_SNAPSHOT, RESTORE_FROM_CUSTOM_SNAPSHOT]',
    );
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    const slow = useEmulator({ transitionMs: 60_000 });

    it('returns STARTING from DescribeApplication and ResourceInUseException for a second start', async () => {
      // Prepare
      const name = uniqueName('start-slow');
      await createTestApplication(slow.client, name);
      await slow.client.send(new StartApplicationCommand({ ApplicationName: name }));

      // Act
      const during = await describeApp(slow.client, name);
      const second = slow.client.send(new StartApplicationCommand({ ApplicationName: name }));

      // Assess
      await expectServiceError(
        second,
        'ResourceInUseException',
        new RegExp(`^Application ${name} is in STARTING state and cannot be started`),
      );
      expect(during.ApplicationStatus).toBe('STARTING');
    });
  });

  describe('with a short transition (transitionMs 30)', () => {
    const timed = useEmulator({ transitionMs: 30 });

    it('returns RUNNING from DescribeApplication once STARTING completes', async () => {
      // Prepare
      const name = uniqueName('start-timed');
      await createTestApplication(timed.client, name);

      // Act
      await timed.client.send(new StartApplicationCommand({ ApplicationName: name }));
      const running = await waitForStatus(timed.client, name, 'RUNNING');

      // Assess
      expect(running.ApplicationStatus).toBe('RUNNING');
    });
  });
});
