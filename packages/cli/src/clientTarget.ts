import type { ScalerClients } from '@msf-scaler/scaler';

/** One service whose endpoint is not the regional default. */
interface CustomEndpoint {
  /** How the summary names the service: `dynamodb`, `msf`. */
  readonly service: string;
  readonly url: string;
}

/** Where a run's calls went: the region, and the endpoints that are not the default. */
interface ClientTarget {
  /** The region the clients resolved; absent when none is configured. */
  readonly region?: string;
  readonly endpoints: readonly CustomEndpoint[];
}

/** The parts of an SDK client's resolved configuration read here. */
interface TargetConfig {
  readonly region: () => Promise<string>;
  readonly isCustomEndpoint?: boolean;
  readonly endpoint?: () => Promise<{
    readonly protocol: string;
    readonly hostname: string;
    readonly port?: number;
    readonly path: string;
  }>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An endpoint object as a URL: `http://127.0.0.1:4567`. */
async function explicitEndpoint(config: TargetConfig): Promise<string | undefined> {
  if (config.isCustomEndpoint !== true || config.endpoint === undefined) return undefined;
  const { protocol, hostname, port, path } = await config.endpoint();
  return `${protocol}//${hostname}${port === undefined ? '' : `:${port}`}${path === '/' ? '' : path}`;
}

/**
 * The endpoint the SDK takes from the environment: the service's own variable, else
 * `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (the SDK does not put these
 * in the client's configuration, so they are read the way it reads them).
 */
function configuredEndpoint(env: Env, serviceVariable: string): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === 'true') return undefined;
  const url = env[serviceVariable]?.trim() || env.AWS_ENDPOINT_URL?.trim();
  return url === '' ? undefined : url;
}

async function endpointOf(
  service: string,
  config: TargetConfig,
  env: Env,
  serviceVariable: string,
): Promise<CustomEndpoint | undefined> {
  const url = (await explicitEndpoint(config)) ?? configuredEndpoint(env, serviceVariable);
  return url === undefined ? undefined : { service, url };
}

async function regionOf(config: TargetConfig): Promise<string | undefined> {
  try {
    return await config.region();
  } catch {
    // No region: the run has already said so, with the fix; the summary just leaves it out.
    return undefined;
  }
}

/**
 * The region and the non-default endpoints of the DynamoDB and MSF clients of a run, for its
 * summary line.
 *
 * @example
 * await describeClientTarget(clients, process.env); // { region: 'eu-west-1', endpoints: [{ service: 'dynamodb', url: 'http://127.0.0.1:8000' }] }
 */
async function describeClientTarget(clients: ScalerClients, env: Env): Promise<ClientTarget> {
  const dynamodb = clients.dynamodb.config as unknown as TargetConfig;
  const msf = clients.msf.config as unknown as TargetConfig;
  const region = (await regionOf(msf)) ?? (await regionOf(dynamodb));
  const endpoints = [
    await endpointOf('dynamodb', dynamodb, env, 'AWS_ENDPOINT_URL_DYNAMODB'),
    await endpointOf('msf', msf, env, 'AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2'),
  ].filter((endpoint) => endpoint !== undefined);
  return { ...(region === undefined ? {} : { region }), endpoints };
}

/**
 * The target in words for a summary line, or `''` when nothing is known:
 * `region eu-west-1, endpoint http://127.0.0.1:4567` when both services share one endpoint,
 * else each endpoint named with its service.
 *
 * @example
 * describeTarget({ region: 'eu-west-1', endpoints: [] }); // 'region eu-west-1'
 */
function describeTarget(target: ClientTarget): string {
  const urls = new Set(target.endpoints.map((endpoint) => endpoint.url));
  const [only] = urls;
  const endpoints =
    target.endpoints.length === 2 && urls.size === 1
      ? [`endpoint ${only}`]
      : target.endpoints.map((endpoint) => `${endpoint.service} endpoint ${endpoint.url}`);
  return [...(target.region === undefined ? [] : [`region ${target.region}`]), ...endpoints].join(', ');
}

export type { ClientTarget, CustomEndpoint };
export { describeClientTarget, describeTarget };
