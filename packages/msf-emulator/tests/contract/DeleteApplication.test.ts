import {
  DeleteApplicationCommand,
  type KinesisAnalyticsV2Client,
  ListApplicationsCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus, type MsfEmulator, startMsfEmulator } from '../../src';
import {
  catchError,
  createClient,
  createRunningApplication,
  createTestApplication,
  describeApp,
  uniqueName,
  waitForDeletion,
} from '../helpers/client';

describe('Operation: DeleteApplication', () => {
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

  it('returns an empty response and the application is gone', async () => {
    // Prepare
    const name = uniqueName('delete');
    const created = await createTestApplication(client, name);

    // Act
    const output = await client.send(
      new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
    );
    const error = await catchError(describeApp(client, name));
    const list = await client.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(error.name).toBe('ResourceNotFoundException');
    expect(list.ApplicationSummaries?.map((summary) => summary.ApplicationName)).not.toContain(name);
    expect(emulator.getApplication(name)).toBeUndefined();
  });

  it('returns an empty response for a RUNNING application, and the name can be reused', async () => {
    // Prepare
    const name = uniqueName('delete-running');
    const running = await createRunningApplication(client, name);

    // Act
    await client.send(
      new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: running.CreateTimestamp }),
    );
    const recreated = await createTestApplication(client, name);

    // Assess
    expect(recreated.ApplicationVersionId).toBe(1);
  });

  it('returns InvalidArgumentException when CreateTimestamp does not match', async () => {
    // Prepare
    const name = uniqueName('delete-stale');
    const created = await createTestApplication(client, name);
    const wrong = new Date((created.CreateTimestamp?.getTime() ?? 0) - 1000);

    // Act
    const error = await catchError(
      client.send(new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: wrong })),
    );

    // Assess
    expect(error.name).toBe('InvalidArgumentException');
    expect(error.message).toBe(
      `CreateTimestamp ${wrong.getTime() / 1000} does not match the creation time of application ${name} ` +
        `(${(created.CreateTimestamp?.getTime() ?? 0) / 1000}); use CreateTimestamp from DescribeApplication`,
    );
  });

  it('returns InvalidArgumentException without CreateTimestamp', async () => {
    // Act
    const error = await catchError(
      client.send(new DeleteApplicationCommand({ ApplicationName: 'any-app', CreateTimestamp: undefined })),
    );

    // Assess
    expect(error.name).toBe('InvalidArgumentException');
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'createTimestamp' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([ApplicationStatus.UPDATING, ApplicationStatus.AUTOSCALING, ApplicationStatus.STARTING])(
    'returns ResourceInUseException for an application in %s',
    async (status) => {
      // Prepare
      const name = uniqueName('delete-busy');
      const created = await createTestApplication(client, name);
      emulator.forceStatus(name, status);

      // Act
      const error = await catchError(
        client.send(new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp })),
      );

      // Assess
      expect(error.name).toBe('ResourceInUseException');
      expect(error.message).toBe(
        `Application ${name} is in ${status} state and cannot be deleted; wait until it is READY, RUNNING, ROLLED_BACK`,
      );
    },
  );

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const error = await catchError(
      client.send(new DeleteApplicationCommand({ ApplicationName: 'missing-app', CreateTimestamp: new Date() })),
    );

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

    it('returns DELETING from DescribeApplication, and ResourceInUseException for a new application of that name', async () => {
      // Prepare
      const name = uniqueName('delete-slow');
      const created = await createTestApplication(slowClient, name);
      await slowClient.send(
        new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
      );

      // Act
      const during = await describeApp(slowClient, name);
      const error = await catchError(createTestApplication(slowClient, name));

      // Assess
      expect(during.ApplicationStatus).toBe('DELETING');
      expect(error.name).toBe('ResourceInUseException');
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

    it('returns ResourceNotFoundException once DELETING completes', async () => {
      // Prepare
      const name = uniqueName('delete-timed');
      const created = await createTestApplication(timedClient, name);
      await timedClient.send(
        new DeleteApplicationCommand({ ApplicationName: name, CreateTimestamp: created.CreateTimestamp }),
      );

      // Act
      const error = await waitForDeletion(timedClient, name);

      // Assess
      expect(error.name).toBe('ResourceNotFoundException');
    });
  });
});
