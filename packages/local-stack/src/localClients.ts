import { createScalerClients, type OwnedScalerClients } from '@msf-scaler/scaler';
import { LocalDefaults } from './constants';

/** Where the local servers listen: a {@link LocalStack} is one. */
interface LocalEndpoints {
  readonly ddbEndpoint: string;
  readonly msfEndpoint: string;
  /** The local EventBridge sink; without it the clients' EventBridge client uses the standard configuration. */
  readonly eventsEndpoint?: string;
  readonly region: string;
}

/** Options of {@link localClients}. */
interface LocalClientsOptions {
  /** Attempts per call, throttling and 5xx included (standard retry mode). @default 5, as in the Lambda */
  readonly maxAttempts?: number;
}

/** The scaler's clients, plus the raw DynamoDB client and a way to release their sockets. */
type LocalClients = OwnedScalerClients;

/**
 * The scaler's own clients ({@link createScalerClients}, the same settings as the Lambda)
 * pointed at the local servers: explicit endpoint, region and dummy credentials, and no
 * reliance on `process.env`, so several stacks can run side by side in one process (jest
 * workers, the demo, the bench).
 *
 * @example
 * const clients = localClients(stack);
 * await runScaler({ clients, table: stack.tableName, instant: new Date('2026-11-27T08:00:00Z') });
 * clients.destroy();
 */
function localClients(endpoints: LocalEndpoints, options: LocalClientsOptions = {}): LocalClients {
  return createScalerClients({
    region: endpoints.region,
    credentials: { accessKeyId: LocalDefaults.ACCESS_KEY_ID, secretAccessKey: LocalDefaults.SECRET_ACCESS_KEY },
    dynamodbEndpoint: endpoints.ddbEndpoint,
    msfEndpoint: endpoints.msfEndpoint,
    ...(endpoints.eventsEndpoint === undefined ? {} : { eventbridgeEndpoint: endpoints.eventsEndpoint }),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  });
}

export type { LocalClients, LocalClientsOptions, LocalEndpoints };
export { localClients };
