import {
  type KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  StartApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus, type MsfEmulator, startMsfEmulator } from '../../src';
import {
  catchError,
  createClient,
  createRunningApplication,
  createTestApplication,
  describeApp,
  uniqueName,
  waitForStatus,
} from '../helpers/client';

describe('Operation: StartApplication', () => {
  let emulator: MsfEmulator;
  let client: KinesisAnalyticsV2Client;

  beforeAll(async () => {
    emulator = await startMsfEmulator({ transitionMs: 0 });
    client = createClient(emulator);
  });

  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('returns an OperationId and the application is RUNNING with its configured parallelism', async () => {
    // Prepare
    const name = uniqueName('start');
    await createTestApplication(client, name, {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 3 } },
      },
    });

    // Act
    const output = await client.send(new StartApplicationCommand({ ApplicationName: name }));
    const after = await describeApp(client, name);

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
    await createTestApplication(client, name);

    // Act
    const output = await client.send(new StartApplicationCommand({ ApplicationName: name }));
    const operations = await client.send(new ListApplicationOperationsCommand({ ApplicationName: name }));

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
    await createTestApplication(client, name);

    // Act
    const output = await client.send(
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
      await createRunningApplication(client, name);
      emulator.forceStatus(name, status);

      // Act
      const error = await catchError(client.send(new StartApplicationCommand({ ApplicationName: name })));

      // Assess
      expect(error.name).toBe('ResourceInUseException');
      expect(error.message).toBe(
        `Application ${name} is in ${status} state and cannot be started; only a READY application can be started`,
      );
    },
  );

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const error = await catchError(client.send(new StartApplicationCommand({ ApplicationName: 'missing-app' })));

    // Assess
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('Application missing-app not found');
  });

  it('returns InvalidArgumentException for an unknown ApplicationRestoreType', async () => {
    // Prepare
    const name = uniqueName('start-restore');
    await createTestApplication(client, name);

    // Act
    const error = await catchError(
      client.send(
        new StartApplicationCommand({
          ApplicationName: name,
          RunConfiguration: {
            // @ts-expect-error: a value the SDK types refuse, as a hand-written request could send
            ApplicationRestoreConfiguration: { ApplicationRestoreType: 'LATEST' },
          },
        }),
      ),
    );

    // Assess
    expect(error.name).toBe('InvalidArgumentException');
    expect(error.message).toBe(
      "1 validation error detected: Value 'LATEST' at " +
        "'runConfiguration.applicationRestoreConfiguration.applicationRestoreType' failed to satisfy constraint: " +
        'Member must satisfy enum value set: ' +
        '[SKIP_RESTORE_FROM_SNAPSHOT, RESTORE_FROM_LATEST_SNAPSHOT, RESTORE_FROM_CUSTOM_SNAPSHOT]',
    );
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    let slow: MsfEmulator;
    let slowClient: KinesisAnalyticsV2Client;

    beforeAll(async () => {
      slow = await startMsfEmulator({ transitionMs: 60_000 });
      slowClient = createClient(slow);
    });

    afterAll(async () => {
      slowClient.destroy();
      await slow.close();
    });

    it('returns STARTING from DescribeApplication and ResourceInUseException for a second start', async () => {
      // Prepare
      const name = uniqueName('start-slow');
      await createTestApplication(slowClient, name);
      await slowClient.send(new StartApplicationCommand({ ApplicationName: name }));

      // Act
      const during = await describeApp(slowClient, name);
      const error = await catchError(slowClient.send(new StartApplicationCommand({ ApplicationName: name })));

      // Assess
      expect(during.ApplicationStatus).toBe('STARTING');
      expect(error.name).toBe('ResourceInUseException');
      expect(error.message).toMatch(new RegExp(`^Application ${name} is in STARTING state and cannot be started`));
    });
  });

  describe('with a short transition (transitionMs 30)', () => {
    let timed: MsfEmulator;
    let timedClient: KinesisAnalyticsV2Client;

    beforeAll(async () => {
      timed = await startMsfEmulator({ transitionMs: 30 });
      timedClient = createClient(timed);
    });

    afterAll(async () => {
      timedClient.destroy();
      await timed.close();
    });

    it('returns RUNNING from DescribeApplication once STARTING completes', async () => {
      // Prepare
      const name = uniqueName('start-timed');
      await createTestApplication(timedClient, name);

      // Act
      await timedClient.send(new StartApplicationCommand({ ApplicationName: name }));
      const running = await waitForStatus(timedClient, name, 'RUNNING');

      // Assess
      expect(running.ApplicationStatus).toBe('RUNNING');
    });
  });
});
