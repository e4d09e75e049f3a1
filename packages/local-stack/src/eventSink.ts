import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** The environment variable that points the SDK's EventBridge client at an endpoint. */
const EVENTS_ENDPOINT_ENV = 'AWS_ENDPOINT_URL_EVENTBRIDGE';

/** The X-Amz-Target of PutEvents (AWS JSON 1.1). */
const PUT_EVENTS_TARGET = 'AWSEvents.PutEvents';

/** Most entries one PutEvents call may carry (EventBridge's limit). */
const MAX_ENTRIES = 10;

/** One event the sink accepted, as EventBridge would route it. */
interface SinkEvent {
  readonly id: string;
  readonly source: string;
  readonly detailType: string;
  /** `Detail`, parsed. */
  readonly detail: Record<string, unknown>;
  /** `Time` as sent (ISO-8601), or the instant of the call. */
  readonly time: string;
  /** `EventBusName` as sent, `default` when absent. */
  readonly eventBusName: string;
}

/** A running sink: the server, where it listens and what it kept. */
interface EventSink {
  readonly server: Server;
  /** Every accepted event, in arrival order (a copy). */
  events(): readonly SinkEvent[];
  /** Forgets the events kept so far. */
  clear(): void;
}

/** One entry of a PutEvents request, as read from the wire. */
interface WireEntry {
  readonly Source?: unknown;
  readonly DetailType?: unknown;
  readonly Detail?: unknown;
  readonly Time?: unknown;
  readonly EventBusName?: unknown;
}

/** The `{__type, message}` error body every AWS JSON service answers with. */
function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify({ __type: type, message }));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** `Time` as the SDK sends it (epoch seconds, a number), as ISO-8601. */
function timeOf(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return new Date().toISOString();
}

/** The parsed Detail of an entry, or `undefined` when it is not a JSON object. */
function detailOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A local stand-in for EventBridge's PutEvents (AWS JSON 1.1, `X-Amz-Target:
 * AWSEvents.PutEvents`): it accepts 1-10 entries per call, keeps each entry that has a Source, a
 * DetailType and a JSON-object Detail, and fails the others per entry (`FailedEntryCount`), as
 * EventBridge does. Any signature is accepted. Other operations answer `UnknownOperationException`.
 *
 * @example
 * const sink = createEventSink();
 * sink.server.listen(0, '127.0.0.1');
 */
function createEventSink(): EventSink {
  const kept: SinkEvent[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.headers['x-amz-target'];
    if (request.method !== 'POST' || target !== PUT_EVENTS_TARGET) {
      sendError(
        response,
        400,
        'UnknownOperationException',
        `the local event sink supports only ${PUT_EVENTS_TARGET}, got ${String(target)}`,
      );
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      sendError(response, 400, 'SerializationException', 'the request body is not JSON');
      return;
    }
    const entries = (body as { readonly Entries?: unknown }).Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_ENTRIES) {
      sendError(
        response,
        400,
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES}`,
      );
      return;
    }
    let failed = 0;
    const results = (entries as WireEntry[]).map((entry) => {
      const detail = detailOf(entry.Detail);
      if (typeof entry.Source !== 'string' || typeof entry.DetailType !== 'string' || detail === undefined) {
        failed += 1;
        return {
          ErrorCode: 'MalformedDetail',
          ErrorMessage: 'Source, DetailType and a JSON-object Detail are required',
        };
      }
      const id = randomUUID();
      kept.push({
        id,
        source: entry.Source,
        detailType: entry.DetailType,
        detail,
        time: timeOf(entry.Time),
        eventBusName: typeof entry.EventBusName === 'string' ? entry.EventBusName : 'default',
      });
      return { EventId: id };
    });
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify({ FailedEntryCount: failed, Entries: results }));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendError(response, 500, 'InternalException', error instanceof Error ? error.message : String(error));
    });
  });
  return {
    server,
    events: () => [...kept],
    clear: () => {
      kept.length = 0;
    },
  };
}

export type { EventSink, SinkEvent };
export { createEventSink, EVENTS_ENDPOINT_ENV, PUT_EVENTS_TARGET };
