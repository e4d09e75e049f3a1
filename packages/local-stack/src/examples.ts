import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ExamplesFileError } from './errors';

/** One MSF application the local world creates, in the state it starts in. */
interface ExampleApplication {
  /** ApplicationName; rows refer to it through `appName`. */
  readonly name: string;
  /** Configured Parallelism at creation (CUSTOM configuration). */
  readonly parallelism: number;
  /** ParallelismPerKPU at creation. */
  readonly parallelismPerKPU: number;
  /** AutoScalingEnabled at creation. */
  readonly autoScalingEnabled: boolean;
  /** true: created and started (RUNNING); false: created only (READY). */
  readonly running: boolean;
  /** What the application stands for, shown nowhere but the file. */
  readonly description?: string;
}

/**
 * The examples file (`examples/schedules.json`): the schedule rows, written to the table as
 * they are (an invalid row stays invalid, on purpose), and the applications to create.
 */
interface Examples {
  /** Raw table items, exactly as `aws dynamodb put-item` would store them (plain JSON values). */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly applications: readonly ExampleApplication[];
}

/** `examples/schedules.json` at the repository root. */
const DEFAULT_EXAMPLES_FILE = path.resolve(__dirname, '..', '..', '..', 'examples', 'schedules.json');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function toApplication(value: unknown, index: number, fail: (problem: string) => never): ExampleApplication {
  const where = `applications[${index}]`;
  if (!isRecord(value)) return fail(`${where} must be an object`);
  const { name, parallelism, parallelismPerKPU, autoScalingEnabled, running, description } = value;
  if (typeof name !== 'string' || name === '') return fail(`${where}.name must be a non-empty string`);
  if (!isWhole(parallelism)) return fail(`${where}.parallelism (${name}) must be a whole number >= 1`);
  if (!isWhole(parallelismPerKPU)) return fail(`${where}.parallelismPerKPU (${name}) must be a whole number >= 1`);
  if (typeof autoScalingEnabled !== 'boolean')
    return fail(`${where}.autoScalingEnabled (${name}) must be true or false`);
  if (typeof running !== 'boolean') return fail(`${where}.running (${name}) must be true or false`);
  if (description !== undefined && typeof description !== 'string')
    return fail(`${where}.description (${name}) must be a string`);
  return {
    name,
    parallelism,
    parallelismPerKPU,
    autoScalingEnabled,
    running,
    ...(description !== undefined ? { description } : {}),
  };
}

/**
 * Checks the shape of a parsed examples document. Rows are only checked to be objects:
 * validating them is the scaler's job, and the examples include an invalid row on purpose.
 *
 * @throws ExamplesFileError naming the file and the member at fault.
 * @example
 * const examples = parseExamples(JSON.parse(text), 'examples/schedules.json');
 */
function parseExamples(document: unknown, file: string): Examples {
  function fail(problem: string): never {
    throw new ExamplesFileError(file, `${file}: ${problem} (see examples/README.md for the format)`);
  }
  if (!isRecord(document)) return fail('the file must hold one JSON object with "rows" and "applications"');
  const { rows, applications } = document;
  if (!Array.isArray(rows)) return fail('"rows" must be an array of table items');
  if (!Array.isArray(applications)) return fail('"applications" must be an array');
  rows.forEach((row, index) => {
    if (!isRecord(row)) fail(`rows[${index}] must be an object (one table item)`);
  });
  const parsedApps = applications.map((app, index) => toApplication(app, index, fail));
  const names = new Set<string>();
  for (const app of parsedApps) {
    if (names.has(app.name)) fail(`application "${app.name}" is listed twice`);
    names.add(app.name);
  }
  return { rows: rows as Record<string, unknown>[], applications: parsedApps };
}

/**
 * Reads and checks an examples file.
 *
 * @param file - path of the file. @default DEFAULT_EXAMPLES_FILE (examples/schedules.json)
 * @throws ExamplesFileError when it cannot be read, is not JSON, or has the wrong shape.
 * @example
 * const { rows, applications } = await readExamples();
 */
async function readExamples(file: string = DEFAULT_EXAMPLES_FILE): Promise<Examples> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ExamplesFileError(
      file,
      `cannot read the examples file ${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ExamplesFileError(
      file,
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return parseExamples(document, file);
}

export type { ExampleApplication, Examples };
export { DEFAULT_EXAMPLES_FILE, parseExamples, readExamples };
