import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, JSON_CONTENT_TYPE, ServiceError, writeError } from './errors';
import { createApplication } from './operations/CreateApplication';
import { deleteApplication } from './operations/DeleteApplication';
import { describeApplication } from './operations/DescribeApplication';
import { describeApplicationOperation } from './operations/DescribeApplicationOperation';
import { listApplicationOperations } from './operations/ListApplicationOperations';
import { listApplications } from './operations/ListApplications';
import { startApplication } from './operations/StartApplication';
import { stopApplication } from './operations/StopApplication';
import { updateApplication } from './operations/UpdateApplication';
import { Store } from './store';
import {
  type ApplicationDetail,
  type ApplicationStatus,
  type JsonObject,
  MODEL_OPERATIONS,
  type OperationHandler,
} from './types';
import { toApplicationDetail } from './wire';

/**
 * Faults the emulator injects into calls, to test retries and error handling.
 *
 * @example
 * emulator.setFaults({ throttleRate: 1, operations: ['UpdateApplication'] });
 */
export interface FaultOptions {
  /** Milliseconds added to every call before it is handled. @default 0 */
  readonly latencyMs?: number;
  /** Probability (0..1) of HTTP 400 `ThrottlingException` 'Rate exceeded', which SDKs retry. @default 0 */
  readonly throttleRate?: number;
  /** Probability (0..1) of HTTP 500 `ServiceUnavailableException`, which SDKs retry. @default 0 */
  readonly serverErrorRate?: number;
  /**
   * Random source, called once per call for each fault kind whose rate is above 0, throttling
   * first; a value below the rate injects the fault. @default Math.random
   */
  readonly random?: () => number;
  /** Operation names (e.g. 'UpdateApplication') the faults apply to. @default all operations */
  readonly operations?: readonly string[];
}

/**
 * Options of `startMsfEmulator`.
 *
 * @example
 * await startMsfEmulator({ transitionMs: 0, clock: () => new Date('2026-01-01T08:00:00Z') });
 */
export interface MsfEmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Duration of each state transition (STARTING, UPDATING, STOPPING, FORCE_STOPPING, DELETING).
   * With 0 no timer is used: the response shows the interim status and the transition has
   * completed before the next request is served. @default 1000
   */
  readonly transitionMs?: number;
  /** Region in ARNs. @default 'us-east-1' */
  readonly region?: string;
  /** Account in ARNs. @default '123456789012' */
  readonly accountId?: string;
  /** Source of timestamps. @default () => new Date() */
  readonly clock?: () => Date;
  /** Faults to inject from the start; see `setFaults`. @default no faults */
  readonly faults?: FaultOptions;
}

/**
 * A running emulator.
 *
 * @example
 * emulator.forceStatus('orders', ApplicationStatus.AUTOSCALING); // UpdateApplication now gets ResourceInUseException
 * expect(emulator.callCount('UpdateApplication')).toBe(1);
 */
export interface MsfEmulator {
  /** Endpoint for SDK clients, e.g. 'http://127.0.0.1:4567'. */
  readonly url: string;
  readonly port: number;
  /** Replaces the fault settings for the calls that follow. */
  setFaults(faults: FaultOptions): void;
  /**
   * Puts an application into `status` (e.g. AUTOSCALING, MAINTENANCE), cancelling any transition
   * in flight (its operation becomes CANCELLED). The status stays until forced again or until an
   * operation starts a transition. Throws a RangeError for an unknown application or status.
   */
  forceStatus(applicationName: string, status: ApplicationStatus): void;
  /** A deep copy of the stored application in wire shape, or undefined. */
  getApplication(applicationName: string): ApplicationDetail | undefined;
  /**
   * Requests received for `operation` (by X-Amz-Target, including those that failed or got an
   * injected fault), or for all operations when omitted.
   */
  callCount(operation?: string): number;
  /** Stops the server, drops open connections and clears every timer. Idempotent. */
  close(): Promise<void>;
}

/** The operations the emulator implements; the other model operations get UnsupportedOperationException. */
const HANDLERS: Readonly<Record<string, OperationHandler>> = {
  CreateApplication: createApplication,
  DeleteApplication: deleteApplication,
  DescribeApplication: describeApplication,
  DescribeApplicationOperation: describeApplicationOperation,
  ListApplicationOperations: listApplicationOperations,
  ListApplications: listApplications,
  StartApplication: startApplication,
  StopApplication: stopApplication,
  UpdateApplication: updateApplication,
};

const TARGET_PREFIX = 'KinesisAnalytics_20180523.';
const ACCEPTED_CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MODEL_OPERATION_NAMES: ReadonlySet<string> = new Set(MODEL_OPERATIONS);

function checkFaults(faults: FaultOptions): FaultOptions {
  for (const key of ['throttleRate', 'serverErrorRate'] as const) {
    const rate = faults[key];
    if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`faults.${key} is ${rate}; use a probability from 0 to 1`);
    }
  }
  if (faults.latencyMs !== undefined && !(faults.latencyMs >= 0 && Number.isFinite(faults.latencyMs))) {
    throw new RangeError(`faults.latencyMs is ${faults.latencyMs}; use a finite number of milliseconds >= 0`);
  }
  return { ...faults };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(body: Buffer): JsonObject {
  const text = body.toString('utf8');
  // AWS JSON clients send '{}' for empty input; an empty body means the same.
  if (text.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ServiceError(
      ErrorCode.SerializationException,
      `The request body is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
      { cause: err },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ServiceError(ErrorCode.SerializationException, 'The request body must be a JSON object');
  }
  return parsed as JsonObject;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
  });
  res.end(body);
}

/**
 * Starts an emulator of the MSF control plane (`KinesisAnalytics_20180523`, AWS JSON 1.1) on
 * `POST /`. Requests need no valid signature: Authorization is ignored. Implemented:
 * CreateApplication, DescribeApplication, ListApplications, UpdateApplication (parallelism only),
 * StartApplication, StopApplication, DeleteApplication, ListApplicationOperations,
 * DescribeApplicationOperation. `GET /` answers a health check.
 *
 * @example
 * const emulator = await startMsfEmulator({ transitionMs: 0 });
 * const client = new KinesisAnalyticsV2Client({
 *   endpoint: emulator.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
 * });
 * // ...
 * await emulator.close();
 */
export async function startMsfEmulator(options: MsfEmulatorOptions = {}): Promise<MsfEmulator> {
  const transitionMs = options.transitionMs ?? 1000;
  if (!(transitionMs >= 0 && Number.isFinite(transitionMs))) {
    throw new RangeError(`transitionMs is ${transitionMs}; use a finite number of milliseconds >= 0`);
  }
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const store = new Store({
    transitionMs,
    clock: options.clock ?? (() => new Date()),
    region,
    accountId: options.accountId ?? '123456789012',
  });
  let faults = checkFaults(options.faults ?? {});
  const counts = new Map<string, number>();
  let total = 0;
  const sleeps = new Set<NodeJS.Timeout>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        sleeps.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      sleeps.add(timer);
    });

  const injectFaults = async (operation: string): Promise<void> => {
    const current = faults;
    if (current.operations !== undefined && !current.operations.includes(operation)) {
      return;
    }
    if (current.latencyMs !== undefined && current.latencyMs > 0) {
      await sleep(current.latencyMs);
    }
    const random = current.random ?? Math.random;
    const throttleRate = current.throttleRate ?? 0;
    if (throttleRate > 0 && random() < throttleRate) {
      throw new ServiceError(ErrorCode.ThrottlingException, 'Rate exceeded');
    }
    const serverErrorRate = current.serverErrorRate ?? 0;
    if (serverErrorRate > 0 && random() < serverErrorRate) {
      throw new ServiceError(ErrorCode.ServiceUnavailableException, 'Service Unavailable');
    }
  };

  const dispatch = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const body = await readBody(req);
    if (req.method === 'GET') {
      send(res, 200, 'text/plain', `healthy: kinesisanalytics.${region}.amazonaws.com`, requestId);
      return;
    }
    if (body === undefined) {
      send(res, 413, 'text/plain', `Request body larger than ${MAX_BODY_BYTES} bytes`, requestId);
      return;
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (req.method !== 'POST' || (body.length > 0 && !ACCEPTED_CONTENT_TYPES.includes(contentType))) {
      const error = new ServiceError(
        ErrorCode.UnknownOperationException,
        `Send POST / with Content-Type ${JSON_CONTENT_TYPE}; got ${req.method ?? '?'} with '${contentType}'`,
      );
      writeError(res, error, requestId, 404);
      return;
    }
    const target = req.headers['x-amz-target'];
    const operation =
      typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    total += 1;
    if (operation === undefined || !MODEL_OPERATION_NAMES.has(operation)) {
      throw new ServiceError(
        ErrorCode.UnknownOperationException,
        target === undefined
          ? `Missing X-Amz-Target header; send X-Amz-Target: ${TARGET_PREFIX}<Operation>`
          : `Unknown operation ${String(target)}; send X-Amz-Target: ${TARGET_PREFIX}<Operation>`,
      );
    }
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    await injectFaults(operation);
    const handler = HANDLERS[operation];
    if (handler === undefined) {
      throw new ServiceError(
        ErrorCode.UnsupportedOperationException,
        `The MSF emulator does not implement ${operation}; supported: ${Object.keys(HANDLERS).join(', ')}`,
      );
    }
    let response: string;
    try {
      response = JSON.stringify(handler(parseBody(body), store));
    } finally {
      // Zero-delay transitions complete right after the response that started them was computed,
      // so the caller sees the interim status in it and the final status on its next request.
      store.flush();
    }
    send(res, 200, JSON_CONTENT_TYPE, response, requestId);
  };

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    dispatch(req, res, requestId).catch((err: unknown) => {
      if (!res.headersSent) {
        writeError(res, err, requestId);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    setFaults(next: FaultOptions): void {
      faults = checkFaults(next);
    },
    forceStatus(applicationName: string, status: ApplicationStatus): void {
      store.forceStatus(applicationName, status);
    },
    getApplication(applicationName: string): ApplicationDetail | undefined {
      const app = store.find(applicationName);
      return app === undefined ? undefined : toApplicationDetail(app);
    },
    callCount(operation?: string): number {
      return operation === undefined ? total : (counts.get(operation) ?? 0);
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        store.close();
        for (const timer of sleeps) {
          clearTimeout(timer);
        }
        sleeps.clear();
        server.close(() => resolve());
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
