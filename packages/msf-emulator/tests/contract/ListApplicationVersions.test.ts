import {
  type KinesisAnalyticsV2Client,
  ListApplicationVersionsCommand,
  paginateListApplicationVersions,
} from '@aws-sdk/client-kinesis-analytics-v2';
import {
  createRunningApplication,
  createTestApplication,
  expectServiceError,
  uniqueName,
  updateParallelism,
} from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

/** Updates `name` to each parallelism in turn (one new version each). */
async function updateParallelisms(
  client: KinesisAnalyticsV2Client,
  name: string,
  parallelisms: readonly number[],
): Promise<void> {
  for (const parallelism of parallelisms) await updateParallelism(client, name, parallelism);
}

describe('Operation: ListApplicationVersions', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns every version newest first, with its status', async () => {
    // Prepare
    const name = uniqueName('versions');
    await createRunningApplication(msf.client, name);
    await updateParallelisms(msf.client, name, [2, 3]);

    // Act
    const output = await msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: name }));

    // Assess
    expect(output.ApplicationVersionSummaries).toEqual([
      { ApplicationVersionId: 3, ApplicationStatus: 'RUNNING' },
      { ApplicationVersionId: 2, ApplicationStatus: 'RUNNING' },
      { ApplicationVersionId: 1, ApplicationStatus: 'RUNNING' },
    ]);
    expect(output.NextToken).toBeUndefined();
  });

  it('returns the single version of a new application', async () => {
    // Prepare
    const name = uniqueName('versions-new');
    await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: name }));

    // Assess
    expect(output.ApplicationVersionSummaries).toEqual([{ ApplicationVersionId: 1, ApplicationStatus: 'READY' }]);
  });

  it('includes the failed version and the rollback version of a failed update', async () => {
    // Prepare
    const name = uniqueName('versions-rollback');
    await createRunningApplication(msf.client, name, {
      ApplicationConfiguration: { ApplicationSystemRollbackConfiguration: { RollbackEnabled: true } },
    });
    msf.emulator.failNextUpdate(name);
    await updateParallelisms(msf.client, name, [4]);

    // Act
    const output = await msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: name }));

    // Assess
    expect(output.ApplicationVersionSummaries?.map((summary) => summary.ApplicationVersionId)).toEqual([3, 2, 1]);
  });

  it('returns pages of Limit versions linked by an opaque NextToken', async () => {
    // Prepare
    const name = uniqueName('versions-pages');
    await createTestApplication(msf.client, name);
    await updateParallelisms(msf.client, name, [2, 3]);

    // Act
    const first = await msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: name, Limit: 2 }));
    const second = await msf.client.send(
      new ListApplicationVersionsCommand({ ApplicationName: name, Limit: 2, NextToken: first.NextToken }),
    );

    // Assess
    expect(first.ApplicationVersionSummaries?.map((summary) => summary.ApplicationVersionId)).toEqual([3, 2]);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(second.ApplicationVersionSummaries?.map((summary) => summary.ApplicationVersionId)).toEqual([1]);
    expect(second.NextToken).toBeUndefined();
  });

  it('returns every version through the SDK paginator', async () => {
    // Prepare
    const name = uniqueName('versions-paginator');
    await createTestApplication(msf.client, name);
    await updateParallelisms(msf.client, name, [2, 3, 4]);
    const seen: number[] = [];

    // Act
    for await (const page of paginateListApplicationVersions(
      { client: msf.client, pageSize: 1 },
      { ApplicationName: name },
    )) {
      seen.push(...(page.ApplicationVersionSummaries ?? []).map((summary) => summary.ApplicationVersionId ?? 0));
    }

    // Assess
    expect(seen).toEqual([4, 3, 2, 1]);
  });

  it('returns InvalidArgumentException for a NextToken it did not issue', async () => {
    // Prepare
    const name = uniqueName('versions-token');
    await createTestApplication(msf.client, name);

    // Act
    const call = msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: name, NextToken: 'bogus' }));

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "NextToken 'bogus' is not valid; pass the NextToken of the previous ListApplicationVersions response",
    );
  });

  it.each([
    [0, 'greater than or equal to 1'],
    [51, 'less than or equal to 50'],
  ])('returns InvalidArgumentException for Limit %d', async (limit, bound) => {
    // Act
    const call = msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: 'any-app', Limit: limit }));

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${bound}`,
    );
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(new ListApplicationVersionsCommand({ ApplicationName: 'missing-app' }));

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });
});
