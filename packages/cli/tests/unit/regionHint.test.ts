import { ListApplicationsCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createScalerClients, type OwnedScalerClients } from '@msf-scaler/scaler';
import { withRegionHint, withRegionHints } from '../../src/regionHint';

/** The variables through which the SDK could find a region, cleared for these tests. */
const REGION_SOURCES = [
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
];

describe('Function: withRegionHints', () => {
  const saved = new Map(REGION_SOURCES.map((name) => [name, process.env[name]]));
  let clients: OwnedScalerClients | undefined;

  beforeEach(() => {
    for (const name of REGION_SOURCES) delete process.env[name];
    // No profile can name a region either.
    process.env.AWS_CONFIG_FILE = '/nonexistent/msf-scaler/config';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/msf-scaler/credentials';
  });

  afterEach(() => {
    clients?.destroy();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('says how to set a region when DynamoDB (through the document client) has none', async () => {
    // Prepare
    clients = withRegionHints(createScalerClients({ maxAttempts: 1 }));

    // Act
    const call = clients.dynamodb.send(new GetCommand({ TableName: 'msf-scaler-schedules', Key: { appName: 'a' } }));

    // Assess
    await expect(call).rejects.toThrow(
      'Region is missing: export AWS_REGION=eu-west-1 (or set a profile with a region)',
    );
  });

  it('says how to set a region when MSF has none', async () => {
    // Prepare
    clients = withRegionHints(createScalerClients({ maxAttempts: 1 }));

    // Act
    const call = clients.msf.send(new ListApplicationsCommand({}));

    // Assess
    await expect(call).rejects.toThrow('Region is missing: export AWS_REGION=eu-west-1');
  });
});

describe('Function: withRegionHint', () => {
  it('leaves other errors as they are', () => {
    // Prepare
    const error = new Error('Region is missing the point');

    // Act
    const hinted = withRegionHint(error);

    // Assess
    expect(hinted).toBe(error);
    expect(error.message).toBe('Region is missing the point');
  });
});
