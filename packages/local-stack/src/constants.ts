/** Defaults of the local world (no AWS account: dynalite + the MSF emulator on loopback). */
const LocalDefaults = {
  /** Interface both servers listen on. */
  HOST: '127.0.0.1',
  /** Region the clients sign for and the emulator puts in ARNs. */
  REGION: 'us-east-1',
  /** Dummy credentials: both servers accept any signature, the SDK just needs some. */
  ACCESS_KEY_ID: 'local',
  SECRET_ACCESS_KEY: 'local',
  /** `pnpm local` ports (DynamoDB Local's usual port, and a free neighbour for MSF). */
  CLI_DDB_PORT: 8000,
  CLI_MSF_PORT: 8081,
  /** `pnpm local` transition time: long enough to see UPDATING with the AWS CLI. */
  CLI_TRANSITION_MS: 5000,
  /** How long to wait for the schedule table to become ACTIVE. */
  TABLE_ACTIVE_TIMEOUT_MS: 5000,
} as const;

/** The environment variables the local world sets for the scaler, the CLI and the AWS CLI. */
const LocalEnvVar = {
  DDB_ENDPOINT: 'AWS_ENDPOINT_URL_DYNAMODB',
  MSF_ENDPOINT: 'AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2',
  REGION: 'AWS_REGION',
  ACCESS_KEY_ID: 'AWS_ACCESS_KEY_ID',
  SECRET_ACCESS_KEY: 'AWS_SECRET_ACCESS_KEY',
} as const;

export { LocalDefaults, LocalEnvVar };
