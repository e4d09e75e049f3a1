/**
 * Writes packages/schema/row.schema.json from the zod row schema: `pnpm schema:json`.
 * A test regenerates it in memory and fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROW_JSON_SCHEMA_PATH, rowJsonSchema } from '../src/rowJsonSchema';

/** The schema as committed: two-space indent and a final newline. */
function renderRowJsonSchema(): string {
  return `${JSON.stringify(rowJsonSchema(), null, 2)}\n`;
}

function main(): void {
  const target = join(__dirname, '..', '..', '..', ROW_JSON_SCHEMA_PATH);
  writeFileSync(target, renderRowJsonSchema());
  process.stdout.write(`wrote ${ROW_JSON_SCHEMA_PATH}\n`);
}

if (require.main === module) main();

export { renderRowJsonSchema };
