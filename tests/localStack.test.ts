import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  type LocalStack,
  LocalStackError,
  localClients,
  PortInUseError,
  startLocalStack,
} from '@msf-scaler/local-stack';
import { isListening, occupyPort, portOf } from './helpers/ports';

describe('Function: startLocalStack', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0, tableName: 'schedules-under-test' });
  });

  afterAll(() => stack.close());

  it('creates the schedule table, keyed by appName, on demand, and ACTIVE', async () => {
    // Prepare
    const clients = localClients(stack);

    // Act
    const { Table } = await clients.dynamodbClient.send(
      new DescribeTableCommand({ TableName: 'schedules-under-test' }),
    );
    clients.destroy();

    // Assess
    expect(Table).toMatchObject({
      TableStatus: 'ACTIVE',
      KeySchema: [{ AttributeName: 'appName', KeyType: 'HASH' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    });
  });

  it('gives the environment that points the scaler and the AWS CLI at it', () => {
    // Assess
    expect(stack.env).toEqual({
      AWS_ENDPOINT_URL_DYNAMODB: stack.ddbEndpoint,
      AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2: stack.msfEndpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SCHEDULE_TABLE: 'schedules-under-test',
    });
    expect(stack.ddbEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.msfEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('stops both servers on close, and close can be called again', async () => {
    // Prepare
    const other = await startLocalStack();

    // Act
    await Promise.all([other.close(), other.close()]);
    await other.close();

    // Assess
    expect(await isListening('127.0.0.1', portOf(other.ddbEndpoint))).toBe(false);
    expect(await isListening('127.0.0.1', portOf(other.msfEndpoint))).toBe(false);
  });

  it('names the port and the flag when the DynamoDB port is taken', async () => {
    // Prepare
    const taken = await occupyPort();

    // Act
    const start = startLocalStack({ ddbPort: taken.port });

    // Assess
    await expect(start).rejects.toThrow(PortInUseError);
    await expect(start).rejects.toThrow(
      `DynamoDB (dynalite) cannot listen on 127.0.0.1:${taken.port}: the port is already in use; ` +
        'stop what uses it or choose another port with --ddb-port (pnpm local) or ddbPort (startLocalStack), or 0 for any free port',
    );
    await taken.release();
  });

  it('closes dynalite again when the emulator cannot start, and names the emulator’s flag', async () => {
    // Prepare
    const taken = await occupyPort();
    const freeForDdb = await occupyPort();
    await freeForDdb.release();

    // Act
    const start = startLocalStack({ ddbPort: freeForDdb.port, msfPort: taken.port });

    // Assess
    await expect(start).rejects.toThrow(LocalStackError);
    await expect(start).rejects.toThrow(`the MSF emulator cannot listen on 127.0.0.1:${taken.port}`);
    await expect(start).rejects.toThrow('--msf-port (pnpm local) or msfPort (startLocalStack)');
    expect(await isListening('127.0.0.1', freeForDdb.port)).toBe(false);
    await taken.release();
  });
});
