import {
  type KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  StopApplicationCommand,
  UpdateApplicationCommand,
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

describe('Operation: StopApplication', () => {
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

  it('returns an OperationId and the RUNNING application is READY', async () => {
    // Prepare
    const name = uniqueName('stop');
    await createRunningApplication(client, name);

    // Act
    const output = await client.send(new StopApplicationCommand({ ApplicationName: name }));
    const after = await describeApp(client, name);

    // Assess
    expect(output.OperationId).toEqual(expect.any(String));
    expect(after.ApplicationStatus).toBe('READY');
  });

  it('returns READY after a forced stop of an AUTOSCALING application', async () => {
    // Prepare
    const name = uniqueName('stop-force');
    await createRunningApplication(client, name);
    emulator.forceStatus(name, ApplicationStatus.AUTOSCALING);

    // Act
    await client.send(new StopApplicationCommand({ ApplicationName: name, Force: true }));
    const after = await describeApp(client, name);

    // Assess
    expect(after.ApplicationStatus).toBe('READY');
  });

  it('returns ResourceInUseException with a hint to use Force for a non-forced stop of an AUTOSCALING application', async () => {
    // Prepare
    const name = uniqueName('stop-autoscaling');
    await createRunningApplication(client, name);
    emulator.forceStatus(name, ApplicationStatus.AUTOSCALING);

    // Act
    const error = await catchError(client.send(new StopApplicationCommand({ ApplicationName: name })));

    // Assess
    expect(error.name).toBe('ResourceInUseException');
    expect(error.message).toBe(
      `Application ${name} is in AUTOSCALING state and cannot be stopped; ` +
        'only a RUNNING application can be stopped without Force; set Force to stop it now',
    );
  });

  it.each([
    [false, 'it can be stopped only in RUNNING state'],
    [true, 'it can be stopped only in STARTING, UPDATING, STOPPING, AUTOSCALING, RUNNING state'],
  ])('returns ResourceInUseException for a READY application (Force %s)', async (force, hint) => {
    // Prepare
    const name = uniqueName('stop-ready');
    await createTestApplication(client, name);

    // Act
    const error = await catchError(client.send(new StopApplicationCommand({ ApplicationName: name, Force: force })));

    // Assess
    expect(error.name).toBe('ResourceInUseException');
    expect(error.message).toBe(`Application ${name} is in READY state and cannot be stopped; ${hint}`);
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const error = await catchError(client.send(new StopApplicationCommand({ ApplicationName: 'missing-app' })));

    // Assess
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('Application missing-app not found');
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

    it('returns STOPPING, or FORCE_STOPPING with Force, from DescribeApplication', async () => {
      // Prepare
      const graceful = uniqueName('stop-slow');
      const forced = uniqueName('stop-slow-force');
      for (const name of [graceful, forced]) {
        await createTestApplication(slowClient, name);
        slow.forceStatus(name, ApplicationStatus.RUNNING);
      }

      // Act
      await slowClient.send(new StopApplicationCommand({ ApplicationName: graceful }));
      await slowClient.send(new StopApplicationCommand({ ApplicationName: forced, Force: true }));

      // Assess
      expect((await describeApp(slowClient, graceful)).ApplicationStatus).toBe('STOPPING');
      expect((await describeApp(slowClient, forced)).ApplicationStatus).toBe('FORCE_STOPPING');
    });

    it('returns the update in flight as CANCELLED after a forced stop during UPDATING', async () => {
      // Prepare
      const name = uniqueName('stop-during-update');
      const created = await createTestApplication(slowClient, name);
      slow.forceStatus(name, ApplicationStatus.RUNNING);
      await slowClient.send(
        new UpdateApplicationCommand({
          ApplicationName: name,
          ConditionalToken: created.ConditionalToken,
          ApplicationConfigurationUpdate: {
            FlinkApplicationConfigurationUpdate: {
              ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 },
            },
          },
        }),
      );

      // Act
      await slowClient.send(new StopApplicationCommand({ ApplicationName: name, Force: true }));
      const operations = await slowClient.send(new ListApplicationOperationsCommand({ ApplicationName: name }));

      // Assess
      expect(operations.ApplicationOperationInfoList?.map((info) => [info.Operation, info.OperationStatus])).toEqual([
        ['StopApplication', 'IN_PROGRESS'],
        ['UpdateApplication', 'CANCELLED'],
      ]);
      expect((await describeApp(slowClient, name)).ApplicationStatus).toBe('FORCE_STOPPING');
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

    it('returns READY from DescribeApplication once STOPPING completes', async () => {
      // Prepare
      const name = uniqueName('stop-timed');
      await createRunningApplication(timedClient, name);

      // Act
      await timedClient.send(new StopApplicationCommand({ ApplicationName: name }));
      const ready = await waitForStatus(timedClient, name, 'READY');

      // Assess
      expect(ready.ApplicationStatus).toBe('READY');
    });
  });
});
