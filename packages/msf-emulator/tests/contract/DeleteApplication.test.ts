import { DeleteApplicationCommand, ListApplicationsCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus } from '../../src';
import {
  catchError,
  createRunningApplication,
  createTestApplication,
  describeApp,
  expectServiceError,
  uniqueName,
  waitForDeletion,
} from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

describe('Operation: DeleteApplication', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns an empty response and the application is gone', async () => {
    // Prepare
    const name = uniqueName('delete');
    const created = await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(
      new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
    );
    const error = await catchError(describeApp(msf.client, name));
    const list = await msf.client.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(error.name).toBe('ResourceNotFoundException');
    expect(list.ApplicationSummaries?.map((summary) => summary.ApplicationName)).not.toContain(name);
    expect(msf.emulator.getApplication(name)).toBeUndefined();
  });

  it('returns an empty response for a RUNNING application, and the name can be reused', async () => {
    // Prepare
    const name = uniqueName('delete-running');
    const running = await createRunningApplication(msf.client, name);

    // Act
    await msf.client.send(
      new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: running.CreateTimestamp }),
    );
    const recreated = await createTestApplication(msf.client, name);

    // Assess
    expect(recreated.ApplicationVersionId).toBe(1);
  });

  it('returns InvalidArgumentException when CreateTimestamp does not match', async () => {
    // Prepare
    const name = uniqueName('delete-stale');
    const created = await createTestApplication(msf.client, name);
    const wrong = new Date((created.CreateTimestamp?.getTime() ?? 0) - 1000);

    // Act
    const call = msf.client.send(new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: wrong }));

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      `CreateTimestamp ${wrong.getTime() / 1000} does not match the creation time of application ${name} ` +
        `(${(created.CreateTimestamp?.getTime() ?? 0) / 1000}); use CreateTimestamp from DescribeApplication`,
    );
  });

  it('returns InvalidArgumentException without CreateTimestamp', async () => {
    // Act
    const call = msf.client.send(
      new DeleteApplicationCommand({ ApplicationName: 'any-app', CreateTimestamp: undefined }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "1 validation error detected: Value null at 'createTimestamp' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([ApplicationStatus.UPDATING, ApplicationStatus.AUTOSCALING, ApplicationStatus.STARTING])(
    'returns ResourceInUseException for an application in %s',
    async (status) => {
      // Prepare
      const name = uniqueName('delete-busy');
      const created = await createTestApplication(msf.client, name);
      msf.emulator.forceStatus(name, status);

      // Act
      const call = msf.client.send(
        new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
      );

      // Assess
      await expectServiceError(
        call,
        'ResourceInUseException',
        `Application ${name} is in ${status} state and cannot be deleted; wait until it is READY, RUNNING, ROLLED_BACK`,
      );
    },
  );

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(
      new DeleteApplicationCommand({ ApplicationName: 'missing-app', CreateTimestamp: new Date() }),
    );

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    const slow = useEmulator({ transitionMs: 60_000 });

    it('returns DELETING from DescribeApplication, and ResourceInUseException for a new application of that name', async () => {
      // Prepare
      const name = uniqueName('delete-slow');
      const created = await createTestApplication(slow.client, name);
      await slow.client.send(
        new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
      );

      // Act
      const during = await describeApp(slow.client, name);
      const error = await catchError(createTestApplication(slow.client, name));

      // Assess
      expect(during.ApplicationStatus).toBe('DELETING');
      expect(error.name).toBe('ResourceInUseException');
    });
  });

  describe('with a short transition (transitionMs 30)', () => {
    const timed = useEmulator({ transitionMs: 30 });

    it('returns ResourceNotFoundException once DELETING completes', async () => {
      // Prepare
      const name = uniqueName('delete-timed');
      const created = await createTestApplication(timed.client, name);
      await timed.client.send(
        new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
      );

      // Act
      const error = await waitForDeletion(timed.client, name);

      // Assess
      expect(error.name).toBe('ResourceNotFoundException');
    });
  });
});
