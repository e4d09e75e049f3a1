import {
  CreateApplicationCommand,
  paginateListApplications,
  StartApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '@msf-scaler/scaler';
import { isCalendarItem } from '@msf-scaler/schema';
import { LocalStackError } from './errors';
import { DEFAULT_EXAMPLES_FILE, type ExampleApplication, type Examples, readExamples } from './examples';
import { type LocalClients, type LocalEndpoints, localClients } from './localClients';

/** The runtime every example application is created with. */
const EXAMPLE_RUNTIME = 'FLINK-1_20';
/** A syntactically valid role ARN: the emulator checks the format, not the role. */
const EXAMPLE_ROLE = 'arn:aws:iam::123456789012:role/flink';
/** BatchWriteItem's limit. */
const BATCH_SIZE = 25;
/** Applications created at once: enough to hide the emulator's latency, few enough to stay polite. */
const CREATE_CONCURRENCY = 16;
const RUNNING_POLL_MS = 50;
const RUNNING_MAX_POLLS = 1200;

/** Where seeding writes: a {@link LocalStack} is one. */
interface SeedTarget extends LocalEndpoints {
  readonly tableName: string;
}

/** Options of {@link seed}. */
interface SeedOptions {
  /** Clients to use; built with {@link localClients} (and destroyed) when left out. */
  readonly clients?: LocalClients;
  /** Wait until every started application is RUNNING. @default true */
  readonly waitUntilRunning?: boolean;
}

/** What {@link seed} did. */
interface SeedResult {
  /** Schedule rows written (items that name an application). */
  readonly rows: number;
  /** Calendar items written (`calendar:<name>`). */
  readonly calendars: number;
  /** Names of the applications created, in file order. */
  readonly created: readonly string[];
  /** Names of those also started. */
  readonly started: readonly string[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function writeRows(clients: LocalClients, tableName: string, rows: Examples['rows']): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    let requests: Record<string, unknown>[] = rows
      .slice(start, start + BATCH_SIZE)
      .map((row) => ({ PutRequest: { Item: row } }));
    // BatchWriteItem may hand back unprocessed items (dynalite does not, DynamoDB can): resend them.
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt >= 10)
        throw new LocalStackError(`could not write ${requests.length} rows to "${tableName}" after 10 attempts`);
      const output = await clients.dynamodb.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (output.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  }
}

async function createApplication(clients: LocalClients, app: ExampleApplication): Promise<void> {
  await clients.msf.send(
    new CreateApplicationCommand({
      ApplicationName: app.name,
      ...(app.description !== undefined ? { ApplicationDescription: app.description } : {}),
      RuntimeEnvironment: EXAMPLE_RUNTIME,
      ServiceExecutionRole: EXAMPLE_ROLE,
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: {
            ConfigurationType: 'CUSTOM',
            Parallelism: app.parallelism,
            ParallelismPerKPU: app.parallelismPerKPU,
            AutoScalingEnabled: app.autoScalingEnabled,
          },
        },
      },
    }),
  );
  if (app.running) {
    await clients.msf.send(new StartApplicationCommand({ ApplicationName: app.name }));
  }
}

/** Statuses by application name, from ListApplications (50 a page: far fewer calls than describing each). */
async function statuses(clients: LocalClients): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const page of paginateListApplications({ client: clients.msf, pageSize: 50 }, {})) {
    for (const summary of page.ApplicationSummaries ?? [])
      found.set(summary.ApplicationName ?? '', summary.ApplicationStatus ?? '');
  }
  return found;
}

async function waitUntilRunning(clients: LocalClients, names: readonly string[]): Promise<void> {
  let waiting: string[] = [...names];
  for (let poll = 0; poll < RUNNING_MAX_POLLS && waiting.length > 0; poll += 1) {
    if (poll > 0) await sleep(RUNNING_POLL_MS);
    const current = await statuses(clients);
    waiting = waiting.filter((name) => current.get(name) !== 'RUNNING');
  }
  if (waiting.length > 0) {
    throw new LocalStackError(`applications still not RUNNING long after they were started: ${waiting.join(', ')}`);
  }
}

/**
 * Writes rows to the schedule table and creates the applications (starting those marked
 * `running`) through the real SDK, over HTTP, exactly as a user would with the AWS CLI.
 *
 * @example
 * await seed(stack, { rows: [EXAMPLE_ROW], applications: [{ name: 'orders-enricher', parallelism: 2, parallelismPerKPU: 1, autoScalingEnabled: true, running: true }] });
 */
async function seed(target: SeedTarget, examples: Examples, options: SeedOptions = {}): Promise<SeedResult> {
  const clients = options.clients ?? localClients(target);
  try {
    await writeRows(clients, target.tableName, examples.rows);
    await mapWithConcurrency(examples.applications, CREATE_CONCURRENCY, (app) => createApplication(clients, app));
    const started = examples.applications.filter((app) => app.running).map((app) => app.name);
    if ((options.waitUntilRunning ?? true) && started.length > 0) await waitUntilRunning(clients, started);
    const calendars = examples.rows.filter((row) => isCalendarItem(row)).length;
    return {
      rows: examples.rows.length - calendars,
      calendars,
      created: examples.applications.map((app) => app.name),
      started,
    };
  } finally {
    if (options.clients === undefined) clients.destroy();
  }
}

/**
 * Loads an examples file into the stack: {@link readExamples} then {@link seed}.
 *
 * @param file - @default DEFAULT_EXAMPLES_FILE (examples/schedules.json)
 * @example
 * const stack = await startLocalStack();
 * await seedExamples(stack); // the rows and applications of examples/schedules.json
 */
async function seedExamples(
  target: SeedTarget,
  file: string = DEFAULT_EXAMPLES_FILE,
  options: SeedOptions = {},
): Promise<SeedResult & { readonly examples: Examples }> {
  const examples = await readExamples(file);
  return { ...(await seed(target, examples, options)), examples };
}

export type { SeedOptions, SeedResult, SeedTarget };
export { EXAMPLE_ROLE, EXAMPLE_RUNTIME, seed, seedExamples };
