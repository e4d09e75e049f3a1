import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Defaults } from '../constants';
import { readNumber } from './readNumber';
import { createRetryStrategy, type ThrottleCounter } from './retryStrategy';

/** The AWS clients a run uses. */
interface ScalerClients {
  readonly dynamodb: DynamoDBDocumentClient;
  readonly msf: KinesisAnalyticsV2Client;
  /** Where a run publishes its events (with `events: true`); absent: a run cannot publish them. */
  readonly eventbridge?: EventBridgeClient;
  /** Throttling responses the clients met, for the run to slow down; absent: never slows down. */
  readonly throttles?: ThrottleCounter;
}

/** Clients built by {@link createScalerClients}: the run's, the low-level DynamoDB one, and their sockets. */
interface OwnedScalerClients extends ScalerClients {
  /** The low-level client under `dynamodb` (CreateTable, raw Scan pages, middleware). */
  readonly dynamodbClient: DynamoDBClient;
  /** Closes the clients' keep-alive sockets. */
  destroy(): void;
}

/**
 * Overrides of the standard configuration. Leave them out in AWS; the local world passes its
 * endpoints, region and dummy credentials explicitly so that several stacks can run in one
 * process without touching `process.env`.
 */
interface ScalerClientOptions {
  /** Attempts per call, throttling and 5xx included. @default 5 */
  readonly maxAttempts?: number;
  /** Longest wait for a connection, per attempt. @default 3000 */
  readonly connectionTimeoutMs?: number;
  /** Longest wait for a response, per attempt; a timed-out attempt is retried like a 5xx. @default 10000 */
  readonly requestTimeoutMs?: number;
  /** Random source of the retries' backoff jitter (tests pass `() => 0` to retry at once). @default Math.random */
  readonly retryRandom?: () => number;
  /** @default - `AWS_REGION` / the shared config */
  readonly region?: string;
  /** @default - the default credential chain */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** @default - `AWS_ENDPOINT_URL_DYNAMODB`, else the regional endpoint */
  readonly dynamodbEndpoint?: string;
  /** @default - `AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2`, else the regional endpoint */
  readonly msfEndpoint?: string;
  /** @default - `AWS_ENDPOINT_URL_EVENTBRIDGE`, else the regional endpoint */
  readonly eventbridgeEndpoint?: string;
}

/**
 * Builds the clients from the standard SDK v3 configuration: the default credential chain,
 * `AWS_REGION`, and the standard endpoint variables (`AWS_ENDPOINT_URL`,
 * `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2`, `AWS_ENDPOINT_URL_EVENTBRIDGE`), so pointing the
 * scaler at local servers needs no flag of ours. The one place client settings are chosen:
 * the Lambda, the CLI and the local world all build their clients here.
 *
 * @example
 * const clients = createScalerClients();
 */
function createScalerClients(options: ScalerClientOptions = {}): OwnedScalerClients {
  const maxAttempts = options.maxAttempts ?? Defaults.MAX_ATTEMPTS;
  const throttles = { count: 0 };
  const common = {
    maxAttempts,
    // Every call gets its attempts, whatever the others did: no shared retry quota to run dry.
    retryStrategy: createRetryStrategy({
      maxAttempts,
      ...(options.retryRandom === undefined ? {} : { random: options.retryRandom }),
      onThrottle: () => {
        throttles.count += 1;
      },
    }),
    // Every call is bounded, and the agent opens as many sockets as rows may run at once
    // (Node's SDK handler allows 50 by default, below our highest concurrency).
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? Defaults.CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? Defaults.REQUEST_TIMEOUT_MS,
      // Without this, @smithy/node-http-handler 4 only logs a warning when the timeout passes and
      // keeps waiting: the call would still never return.
      throwOnRequestTimeout: true,
      httpAgent: { keepAlive: true, maxSockets: Defaults.MAX_CONCURRENCY },
      httpsAgent: { keepAlive: true, maxSockets: Defaults.MAX_CONCURRENCY },
    },
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
  };
  const dynamodbClient = new DynamoDBClient({
    ...common,
    ...(options.dynamodbEndpoint !== undefined ? { endpoint: options.dynamodbEndpoint } : {}),
  });
  const msf = new KinesisAnalyticsV2Client({
    ...common,
    ...(options.msfEndpoint !== undefined ? { endpoint: options.msfEndpoint } : {}),
  });
  const eventbridge = new EventBridgeClient({
    ...common,
    ...(options.eventbridgeEndpoint !== undefined ? { endpoint: options.eventbridgeEndpoint } : {}),
  });
  return {
    dynamodbClient,
    // No attribute value may fail the Scan: numbers are read one by one, never thrown on.
    dynamodb: DynamoDBDocumentClient.from(dynamodbClient, { unmarshallOptions: { wrapNumbers: readNumber } }),
    msf,
    eventbridge,
    throttles,
    destroy: () => {
      // The document client's destroy is a no-op: the clients it wraps own the sockets.
      dynamodbClient.destroy();
      msf.destroy();
      eventbridge.destroy();
    },
  };
}

export type { OwnedScalerClients, ScalerClientOptions, ScalerClients };
export { createScalerClients };
