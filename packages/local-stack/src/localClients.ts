import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ScalerClients } from '@msf-scaler/scaler';
import { LocalDefaults } from './constants';

/** Where the local servers listen: a {@link LocalStack} is one. */
interface LocalEndpoints {
  readonly ddbEndpoint: string;
  readonly msfEndpoint: string;
  readonly region: string;
}

/** Options of {@link localClients}. */
interface LocalClientsOptions {
  /** Attempts per call, throttling and 5xx included (standard retry mode). @default 5 */
  readonly maxAttempts?: number;
}

/** The scaler's clients, plus the raw DynamoDB client and a way to release their sockets. */
interface LocalClients extends ScalerClients {
  /** The low-level client under `dynamodb` (for CreateTable, raw Scan pages, ...). */
  readonly dynamodbClient: DynamoDBClient;
  /** Closes the clients' keep-alive sockets. */
  destroy(): void;
}

/**
 * The one place the local world builds SDK clients: explicit endpoint, region and dummy
 * credentials, the same retry settings as the Lambda, and no reliance on `process.env`, so
 * several stacks can run side by side in one process (jest workers, the demo, the bench).
 *
 * @example
 * const clients = localClients(stack);
 * await runScaler({ clients, table: stack.tableName, instant: new Date('2026-11-27T08:00:00Z') });
 * clients.destroy();
 */
const localClients = (endpoints: LocalEndpoints, options: LocalClientsOptions = {}): LocalClients => {
  const common = {
    region: endpoints.region,
    credentials: { accessKeyId: LocalDefaults.ACCESS_KEY_ID, secretAccessKey: LocalDefaults.SECRET_ACCESS_KEY },
    maxAttempts: options.maxAttempts ?? LocalDefaults.MAX_ATTEMPTS,
    retryMode: 'standard',
  };
  const dynamodbClient = new DynamoDBClient({ ...common, endpoint: endpoints.ddbEndpoint });
  const msf = new KinesisAnalyticsV2Client({ ...common, endpoint: endpoints.msfEndpoint });
  return {
    dynamodbClient,
    dynamodb: DynamoDBDocumentClient.from(dynamodbClient),
    msf,
    destroy: () => {
      // The document client's destroy is a no-op: the clients it wraps own the sockets.
      dynamodbClient.destroy();
      msf.destroy();
    },
  };
};

export type { LocalClients, LocalClientsOptions, LocalEndpoints };
export { localClients };
