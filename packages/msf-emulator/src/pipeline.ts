import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CallCounter } from './calls';
import { ErrorCode, JSON_CONTENT_TYPE, ServiceError, writeError } from './errors';
import type { FaultInjector } from './faults';
import { type Operation, Operations, SUPPORTED_OPERATIONS } from './operations';
import type { Store } from './store';
import { type JsonObject, MODEL_OPERATIONS, type ModelOperation } from './types';
import { validateInput } from './validation';

const TARGET_PREFIX = 'KinesisAnalytics_20180523.';
const ACCEPTED_CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MODEL_OPERATION_NAMES: ReadonlySet<string> = new Set(MODEL_OPERATIONS);

/** What one emulator serves its requests with. */
interface PipelineContext {
  readonly store: Store;
  readonly faults: FaultInjector;
  readonly calls: CallCounter;
  /** Region the health check names. */
  readonly region: string;
}

/** An HTTP request as the pipeline reads it. */
interface ParsedRequest {
  readonly method: string | undefined;
  /** The media type of Content-Type, lower case and without parameters; '' when absent. */
  readonly contentType: string;
  /** X-Amz-Target as sent. */
  readonly target: IncomingHttpHeaders[string];
  /** The model operation X-Amz-Target names, or undefined. */
  readonly operation: ModelOperation | undefined;
  /** The raw body; undefined when it is larger than MAX_BODY_BYTES. */
  readonly body: Buffer | undefined;
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

function isModelOperation(name: string): name is ModelOperation {
  return MODEL_OPERATION_NAMES.has(name);
}

/** Step 1: reads the body and the headers the protocol uses, and the operation X-Amz-Target names. */
async function parseRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const body = await readBody(req);
  const target = req.headers['x-amz-target'];
  const name =
    typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  return {
    method: req.method,
    contentType: (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
    target,
    operation: name !== undefined && isModelOperation(name) ? name : undefined,
    body,
  };
}

/** AWS JSON 1.1 is `POST /` with a JSON content type (which an empty body may leave out). */
function isAwsJsonRequest(request: ParsedRequest, body: Buffer): boolean {
  return request.method === 'POST' && (body.length === 0 || ACCEPTED_CONTENT_TYPES.includes(request.contentType));
}

function unknownOperation(target: ParsedRequest['target']): ServiceError {
  return new ServiceError(
    ErrorCode.UnknownOperationException,
    target === undefined
      ? `Missing X-Amz-Target header; send X-Amz-Target: ${TARGET_PREFIX}<Operation>`
      : `Unknown operation ${String(target)}; send X-Amz-Target: ${TARGET_PREFIX}<Operation>`,
  );
}

/** The `ApplicationName` of a request, for faults aimed at some applications; undefined when there is none. */
function applicationNameOf(body: Buffer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const name: unknown = (parsed as Record<string, unknown>).ApplicationName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    // A malformed body gets its SerializationException from validation, after the faults.
    return undefined;
  }
}

/** Step 2: the operation's registry entry; UnsupportedOperationException for a model operation not implemented. */
function lookUpOperation(name: ModelOperation): Operation {
  const operation: Operation | null = Operations[name];
  if (operation === null) {
    throw new ServiceError(
      ErrorCode.UnsupportedOperationException,
      `The MSF emulator does not implement ${name}; supported: ${SUPPORTED_OPERATIONS.join(', ')}`,
    );
  }
  return operation;
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

/**
 * Step 3: decodes the JSON body and checks it against the operation's constraints. The body is
 * decoded only now, so an unknown or unsupported operation and an injected fault win over a
 * malformed body.
 */
function validateRequest(operation: Operation, body: Buffer): unknown {
  return validateInput(parseBody(body), operation.constraints);
}

/**
 * Step 4: runs the handler and serializes its response. Zero-delay transitions complete right
 * after the response that started them was computed, so the caller sees the interim status in it
 * and the final status on its next request.
 */
function handle(operation: Operation, input: unknown, store: Store): string {
  try {
    return JSON.stringify(operation.handler(input, store));
  } finally {
    store.flush();
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
  });
  res.end(body);
}

/** The steps of `serveRequest` in order; throws the ServiceError it ends with, for the caller to write. */
async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  context: PipelineContext,
): Promise<void> {
  const request = await parseRequest(req);
  if (request.method === 'GET') {
    send(res, 200, 'text/plain', `healthy: kinesisanalytics.${context.region}.amazonaws.com`, requestId);
    return;
  }
  const body = request.body;
  if (body === undefined) {
    send(res, 413, 'text/plain', `Request body larger than ${MAX_BODY_BYTES} bytes`, requestId);
    return;
  }
  if (!isAwsJsonRequest(request, body)) {
    const error = new ServiceError(
      ErrorCode.UnknownOperationException,
      `Send POST / with Content-Type ${JSON_CONTENT_TYPE}; got ${request.method ?? '?'} with '${request.contentType}'`,
    );
    writeError(res, error, requestId, 404);
    return;
  }
  context.calls.record(request.operation);
  if (request.operation === undefined) {
    throw unknownOperation(request.target);
  }
  await context.faults.inject(request.operation, applicationNameOf(body));
  const operation = lookUpOperation(request.operation);
  const input = validateRequest(operation, body);
  send(res, 200, JSON_CONTENT_TYPE, handle(operation, input, context.store), requestId);
}

/**
 * Serves one request of the AWS JSON 1.1 protocol on `POST /`, in named steps as dynalite does:
 * parse (body, headers, X-Amz-Target; UnknownOperationException unless it names a model
 * operation) → inject faults → look the operation up in the registry
 * (UnsupportedOperationException when it is not implemented) → validate the input against its
 * constraints → handle. `GET /` answers a health check. Every error is written as
 * `{__type, message}`; the returned promise never rejects.
 *
 * @example
 * createServer((req, res) => void serveRequest(req, res, context));
 */
async function serveRequest(req: IncomingMessage, res: ServerResponse, context: PipelineContext): Promise<void> {
  const requestId = randomUUID();
  try {
    await respond(req, res, requestId, context);
  } catch (err) {
    if (!res.headersSent) {
      writeError(res, err, requestId);
    }
  }
}

export type { PipelineContext };
export { serveRequest };
