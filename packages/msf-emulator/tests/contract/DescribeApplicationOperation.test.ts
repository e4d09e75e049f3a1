import {
  DescribeApplicationOperationCommand,
  StartApplicationCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus } from '../../src';
import { createTestApplication, expectServiceError, steppingClock, uniqueName } from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

const START = new Date('2026-06-01T20:00:00.000Z');

describe('Operation: DescribeApplicationOperation', () => {
  const msf = useEmulator({ transitionMs: 0, clock: steppingClock(START, 1000) });

  it('returns a SUCCESSFUL update with its version change and clock times', async () => {
    // Prepare
    const name = uniqueName('describe-op');
    const created = await createTestApplication(msf.client, name);
    msf.emulator.forceStatus(name, ApplicationStatus.RUNNING);
    const update = await msf.client.send(
      new UpdateApplicationCommand({
        ApplicationName: name,
        CurrentApplicationVersionId: created.ApplicationVersionId,
        ApplicationConfigurationUpdate: {
          FlinkApplicationConfigurationUpdate: {
            ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 },
          },
        },
      }),
    );

    // Act
    const output = await msf.client.send(
      new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: update.OperationId }),
    );

    // Assess
    const details = output.ApplicationOperationInfoDetails;
    expect(details).toEqual({
      Operation: 'UpdateApplication',
      StartTime: expect.any(Date),
      EndTime: expect.any(Date),
      OperationStatus: 'SUCCESSFUL',
      ApplicationVersionChangeDetails: { ApplicationVersionUpdatedFrom: 1, ApplicationVersionUpdatedTo: 2 },
    });
    // The stepping clock advances one second per reading: the end is read after the start.
    expect((details?.EndTime?.getTime() ?? 0) - (details?.StartTime?.getTime() ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('returns a StartApplication operation without version change details', async () => {
    // Prepare
    const name = uniqueName('describe-op-start');
    await createTestApplication(msf.client, name);
    const start = await msf.client.send(new StartApplicationCommand({ ApplicationName: name }));

    // Act
    const output = await msf.client.send(
      new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: start.OperationId }),
    );

    // Assess
    expect(output.ApplicationOperationInfoDetails?.Operation).toBe('StartApplication');
    expect(output.ApplicationOperationInfoDetails?.ApplicationVersionChangeDetails).toBeUndefined();
  });

  it('returns ResourceNotFoundException for an unknown OperationId', async () => {
    // Prepare
    const name = uniqueName('describe-op-missing');
    await createTestApplication(msf.client, name);

    // Act
    const call = msf.client.send(
      new DescribeApplicationOperationCommand({ ApplicationName: name, OperationId: 'nope' }),
    );

    // Assess
    await expectServiceError(
      call,
      'ResourceNotFoundException',
      `Operation nope not found for application ${name}; list them with ListApplicationOperations`,
    );
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(
      new DescribeApplicationOperationCommand({ ApplicationName: 'missing-app', OperationId: 'x' }),
    );

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  it('returns InvalidArgumentException without OperationId', async () => {
    // Act
    const call = msf.client.send(
      new DescribeApplicationOperationCommand({ ApplicationName: 'any-app', OperationId: undefined }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "1 validation error detected: Value null at 'operationId' failed to satisfy constraint: Member must not be null",
    );
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    const slow = useEmulator({ transitionMs: 60_000 });

    it('returns IN_PROGRESS without EndTime, then CANCELLED once forceStatus interrupts it', async () => {
      // Prepare
      const name = uniqueName('describe-op-slow');
      await createTestApplication(slow.client, name);
      const start = await slow.client.send(new StartApplicationCommand({ ApplicationName: name }));
      const request = new DescribeApplicationOperationCommand({
        ApplicationName: name,
        OperationId: start.OperationId,
      });

      // Act
      const during = await slow.client.send(request);
      slow.emulator.forceStatus(name, ApplicationStatus.RUNNING);
      const after = await slow.client.send(request);

      // Assess
      expect(during.ApplicationOperationInfoDetails?.OperationStatus).toBe('IN_PROGRESS');
      expect(during.ApplicationOperationInfoDetails?.EndTime).toBeUndefined();
      expect(after.ApplicationOperationInfoDetails?.OperationStatus).toBe('CANCELLED');
      expect(after.ApplicationOperationInfoDetails?.EndTime).toEqual(expect.any(Date));
    });
  });
});
