import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Outcome } from '@msf-scaler/scaler';
import { mockClient } from 'aws-sdk-client-mock';
import { describeClientTarget, describeTarget } from '../../src/clientTarget';
import { main } from '../../src/program';
import { renderCounts, renderSummary } from '../../src/render/runTable';
import { anApplicationDetail, anItem, anOutcome, aSummary } from '../helpers/fixtures';

const ddbMock = mockClient(DynamoDBDocumentClient);
const msfMock = mockClient(KinesisAnalyticsV2Client);

/** Runs the CLI in-process against the mocked clients, in `region`, with `dynamodbEndpoint` when given. */
async function cli(args: string[], env: Record<string, string> = {}, dynamodbEndpoint?: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    createClients: () => ({
      dynamodb: DynamoDBDocumentClient.from(
        new DynamoDBClient({
          region: 'eu-west-1',
          ...(dynamodbEndpoint === undefined ? {} : { endpoint: dynamodbEndpoint }),
        }),
      ),
      msf: new KinesisAnalyticsV2Client({ region: 'eu-west-1' }),
    }),
    now: () => new Date('2026-11-27T10:00:00Z'),
  });
  return { code, stdout, stderr };
}

function seed(): void {
  ddbMock.on(ScanCommand).resolves({
    Items: [anItem({ appName: 'orders-enricher' }), anItem({ appName: 'paused', enabled: false })],
  });
  msfMock.on(DescribeApplicationCommand).resolves({ ApplicationDetail: anApplicationDetail({ parallelism: 4 }) });
  msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
}

describe('Command: plan and run summary line', () => {
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  it('names the region, and one endpoint shared by DynamoDB and MSF', async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(['plan', '--at', '2026-11-27T20:00:00Z', '--table', 'team-table'], {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4567',
    });

    // Assess
    expect(result.stdout).toContain(
      'plan at 2026-11-27T20:00:00.000Z, table team-table (region eu-west-1, endpoint http://127.0.0.1:4567): 2 rows: 1 would scale, 1 skipped',
    );
  });

  it("names each service's endpoint when they differ, the client's own before the environment's", async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(
      ['run', '--dry-run', '--at', '2026-11-27T20:00:00Z', '--table', 'team-table'],
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:9999', AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2: 'http://127.0.0.1:8081' },
      'http://127.0.0.1:8000',
    );

    // Assess
    expect(result.stdout).toContain(
      'table team-table (region eu-west-1, dynamodb endpoint http://127.0.0.1:8000, msf endpoint http://127.0.0.1:8081): ',
    );
  });

  it('names only the region with the default endpoints', async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(['plan', '--at', '2026-11-27T20:00:00Z', '--table', 'team-table'], {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4567',
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
    });

    // Assess
    expect(result.stdout).toContain('table team-table (region eu-west-1): 2 rows');
  });

  it('marks would-be scalings of a plan with dryRun and wouldScale in --json, and no other row', async () => {
    // Prepare
    seed();

    // Act
    const result = await cli(['plan', '--at', '2026-11-27T20:00:00Z', '--json']);

    // Assess
    const summary = JSON.parse(result.stdout) as { outcomes: Record<string, unknown>[] };
    const byApp = new Map(summary.outcomes.map((outcome) => [outcome.rowId, outcome]));
    expect(byApp.get('orders-enricher')).toMatchObject({ outcome: 'scaled', dryRun: true, wouldScale: true });
    expect(byApp.get('paused')).not.toHaveProperty('wouldScale');
    expect(byApp.get('paused')).not.toHaveProperty('dryRun');
  });
});

describe('Function: describeClientTarget', () => {
  it('leaves the region out when the clients have none', async () => {
    // Prepare
    function failing(): Promise<string> {
      return Promise.reject(new Error('Region is missing'));
    }
    const clients = {
      dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: failing })),
      msf: new KinesisAnalyticsV2Client({ region: failing }),
    };

    // Act
    const target = await describeClientTarget(clients, {});

    // Assess
    expect(target).toEqual({ endpoints: [] });
    expect(describeTarget(target)).toBe('');
  });
});

describe('Function: renderCounts', () => {
  it('keeps the line as it was without a target', () => {
    // Prepare
    const summary = aSummary([anOutcome()]);

    // Act
    const line = renderCounts(summary);

    // Assess
    expect(line).toBe('run at 2026-11-27T10:00:00.000Z, table t: 1 row: 1 unchanged');
  });
});

describe('Function: renderSummary (KPU column)', () => {
  it('shows only the current KPU of a skipped row, and the arrow of a scaled one', () => {
    // Prepare
    const summary = aSummary([
      anOutcome({ rowId: 'a', outcome: Outcome.SKIPPED, currentKPU: 3, targetKPU: 1, reason: 'disabled' }),
      anOutcome({ rowId: 'b', outcome: Outcome.SCALED, currentKPU: 3, targetKPU: 1, reason: 'off-peak' }),
    ]);

    // Act
    const lines = renderSummary(summary, { colour: false, width: 400 }).split('\n');

    // Assess
    expect(lines[1]).toMatch(/^a\s+-\s+3\s+-\s+skipped\s/);
    expect(lines[1]).not.toContain('->');
    expect(lines[2]).toMatch(/^b\s+-\s+3 -> 1\s+-\s+scaled\s/);
  });
});
