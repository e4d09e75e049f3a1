import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The AWS clients a run uses. */
interface ScalerClients {
  readonly dynamodb: DynamoDBDocumentClient;
  readonly msf: KinesisAnalyticsV2Client;
}

/**
 * Builds the clients from the standard SDK v3 configuration: the default credential chain,
 * `AWS_REGION`, and the standard endpoint variables (`AWS_ENDPOINT_URL`,
 * `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2`), so pointing the
 * scaler at local servers needs no flag of ours.
 *
 * @param maxAttempts - attempts per call, throttling and 5xx included. @default 5
 */
const createScalerClients = (maxAttempts = 5): ScalerClients => {
  // Standard retry mode backs off with jitter; throttling errors are retried too.
  const config = { maxAttempts, retryMode: 'standard' };
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient(config)),
    msf: new KinesisAnalyticsV2Client(config),
  };
};

export type { ScalerClients };
export { createScalerClients };
