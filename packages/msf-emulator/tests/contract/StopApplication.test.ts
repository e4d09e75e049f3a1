import {
  ListApplicationOperationsCommand,
  StopApplicationCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
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

describe('Operation: StopApplication', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns an OperationId and the RUNNING application is READY', async () => {
    // Prepare
    const name = uniqueName('stop');
    await createRunningApplication(msf.client, name);

    // Act
    const output = await msf.client.send(new StopApplicationCommand({ ApplicationName: name }));
    const after = await describeApp(msf.client, name);

    // Assess
    expect(output.OperationId).toEqual(expect.any(String));
    expect(after.ApplicationStatus).toBe('READY');
  });

  it('returns READY after a forced stop of an AUTOSCALING application', async () => {
    // Prepare
    const name = uniqueName('stop-force');
    await createRunningApplication(msf.client, name);
    msf.emulator.forceStatus(name, ApplicationStatus.AUTOSCALING);

    // Act
    await msf.client.send(new StopApplicationCommand({ ApplicationName: name, Force: true }));
    const after = await describeApp(msf.client, name);

    // Assess
    expect(after.ApplicationStatus).toBe('READY');
  });

  it('returns ResourceInUseException with a hint to use Force for a non-forced stop of an AUTOSCALING application', async () => {
    // Prepare
    const name = uniqueName('stop-autoscaling');
    await createRunningApplication(msf.client, name);
    msf.emulator.forceStatus(name, ApplicationStatus.AUTOSCALING);

    // Act
    const call = msf.client.send(new StopApplicationCommand({ ApplicationName: name }));

    // Assess
    await expectServiceError(
      call,
      'ResourceInUseException',
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
    await createTestApplication(msf.client, name);

    // Act
    const call = msf.client.send(new StopApplicationCommand({ ApplicationName: name, Force: force }));

    // Assess
    await expectServiceError(
      call,
      'ResourceInUseException',
      `Application ${name} is in READY state and cannot be stopped; ${hint}`,
    );
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(new StopApplicationCommand({ ApplicationName: 'missing-app' }));

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    const slow = useEmulator({ transitionMs: 60_000 });

    it('returns STOPPING, or FORCE_STOPPING with Force, from DescribeApplication', async () => {
      // Prepare
      const graceful = uniqueName('stop-slow');
      const forced = uniqueName('stop-slow-force');
      for (const name of [graceful, forced]) {
        await createTestApplication(slow.client, name);
        slow.emulator.forceStatus(name, ApplicationStatus.RUNNING);
      }

      // Act
      await slow.client.send(new StopApplicationCommand({ ApplicationName: graceful }));
      await slow.client.send(new StopApplicationCommand({ ApplicationName: forced, Force: true }));

      // Assess
      expect((await describeApp(slow.client, graceful)).ApplicationStatus).toBe('STOPPING');
      expect((await describeApp(slow.client, forced)).ApplicationStatus).toBe('FORCE_STOPPING');
    });

    it('returns the update in flight as CANCELLED after a forced stop during UPDATING', async () => {
      // Prepare
      const name = uniqueName('stop-during-update');
      const created = await createTestApplication(slow.client, name);
      slow.emulator.forceStatus(name, ApplicationStatus.RUNNING);
      await slow.client.send(
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
      await slow.client.send(new StopApplicationCommand({ ApplicationName: name, Force: true }));
      const operations = await slow.client.send(new ListApplicationOperationsCommand({ ApplicationName: name }));

      // Assess
      expect(operations.ApplicationOperationInfoList?.map((info) => [info.Operation, info.OperationStatus])).toEqual([
        ['StopApplication', 'IN_PROGRESS'],
        ['UpdateApplication', 'CANCELLED'],
      ]);
      expect((await describeApp(slow.client, name)).ApplicationStatus).toBe('FORCE_STOPPING');
    });
  });

  describe('with a short transition (transitionMs 30)', () => {
    const timed = useEmulator({ transitionMs: 30 });

    it('returns READY from DescribeApplication once STOPPING completes', async () => {
      // Prepare
      const name = uniqueName('stop-timed');
      await createRunningApplication(timed.client, name);

      // Act
      await timed.client.send(new StopApplicationCommand({ ApplicationName: name }));
      const ready = await waitForStatus(timed.client, name, 'READY');

      // Assess
      expect(ready.ApplicationStatus).toBe('READY');
    });
  });
});
