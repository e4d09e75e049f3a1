import { ListApplicationsCommand, paginateListApplications } from '@aws-sdk/client-kinesis-analytics-v2';
import { createTestApplication, expectServiceError } from '../helpers/client';
import { startEmulatorWithClient, useEmulator } from '../helpers/emulator';

const NAMES = ['orders', 'billing', 'clicks', 'alerts', 'payments'];
const SORTED = [...NAMES].sort();

describe('Operation: ListApplications', () => {
  const msf = useEmulator({ transitionMs: 0 });

  beforeAll(async () => {
    for (const name of NAMES) {
      await createTestApplication(msf.client, name);
    }
  });

  it('returns every application sorted by name, without NextToken', async () => {
    // Act
    const output = await msf.client.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.ApplicationSummaries?.map((summary) => summary.ApplicationName)).toEqual(SORTED);
    expect(output.NextToken).toBeUndefined();
  });

  it('returns summaries with exactly the members of the model ApplicationSummary', async () => {
    // Act
    const output = await msf.client.send(new ListApplicationsCommand({ Limit: 1 }));

    // Assess
    expect(output.ApplicationSummaries).toEqual([
      {
        ApplicationName: 'alerts',
        ApplicationARN: 'arn:aws:kinesisanalytics:us-east-1:123456789012:application/alerts',
        ApplicationStatus: 'READY',
        ApplicationVersionId: 1,
        RuntimeEnvironment: 'FLINK-1_20',
        ApplicationMode: 'STREAMING',
      },
    ]);
  });

  it('returns pages of Limit summaries linked by NextToken', async () => {
    // Act
    const first = await msf.client.send(new ListApplicationsCommand({ Limit: 2 }));
    const second = await msf.client.send(new ListApplicationsCommand({ Limit: 2, NextToken: first.NextToken }));
    const third = await msf.client.send(new ListApplicationsCommand({ Limit: 2, NextToken: second.NextToken }));

    // Assess
    const pages = [first, second, third].map((page) => page.ApplicationSummaries?.map((s) => s.ApplicationName));
    expect(pages).toEqual([SORTED.slice(0, 2), SORTED.slice(2, 4), SORTED.slice(4)]);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(third.NextToken).toBeUndefined();
  });

  it('returns every application through the SDK paginator', async () => {
    // Prepare
    const names: string[] = [];

    // Act
    for await (const page of paginateListApplications({ client: msf.client, pageSize: 2 }, {})) {
      names.push(...(page.ApplicationSummaries ?? []).map((summary) => summary.ApplicationName ?? ''));
    }

    // Assess
    expect(names).toEqual(SORTED);
  });

  it('returns an empty list when there are no applications', async () => {
    // Prepare
    const empty = await startEmulatorWithClient({ transitionMs: 0 });

    // Act
    const output = await empty.client.send(new ListApplicationsCommand({}));
    await empty.stop();

    // Assess
    expect(output.ApplicationSummaries).toEqual([]);
    expect(output.NextToken).toBeUndefined();
  });

  it.each([
    [0, 'Member must have value greater than or equal to 1'],
    [51, 'Member must have value less than or equal to 50'],
  ])('returns InvalidArgumentException for Limit %d', async (limit, rule) => {
    // Act
    const call = msf.client.send(new ListApplicationsCommand({ Limit: limit }));

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: ${rule}`,
    );
  });

  it('returns InvalidArgumentException for a NextToken that is not an application name', async () => {
    // Act
    const call = msf.client.send(new ListApplicationsCommand({ NextToken: 'not a token!' }));

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "1 validation error detected: Value 'not a token!' at 'nextToken' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    );
  });
});
