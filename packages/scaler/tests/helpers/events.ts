import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScheduledEvent } from 'aws-lambda';

/** Loads `tests/events/scheduled/<variant>.json`, a fresh copy each time. */
function getScheduledEvent(variant: string): ScheduledEvent {
  return JSON.parse(
    readFileSync(join(__dirname, '..', 'events', 'scheduled', `${variant}.json`), 'utf8'),
  ) as ScheduledEvent;
}

export { getScheduledEvent };
