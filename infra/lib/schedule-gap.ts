/** `rate(<n> <unit>)` as EventBridge writes it; group 1 is n, group 2 the unit. */
const RATE_PATTERN = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;

/**
 * The longest time between two runs of a schedule:
 * - `minutes`: exactly that many minutes (a `rate(...)`, or a `cron(...)` that runs every day);
 * - `skipsDays`: the schedule skips whole days (weekdays only, one day a month, some months),
 *   so some gap is longer than 24 hours.
 */
type RunGap = { readonly kind: 'minutes'; readonly minutes: number } | { readonly kind: 'skipsDays' };

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = {
  minute: 1,
  minutes: 1,
  hour: 60,
  hours: 60,
  day: 24 * 60,
  days: 24 * 60,
};
const MINUTES_PER_DAY = 24 * 60;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAYS_OF_WEEK = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
// `*`, `5`, `MON`, `1-5`, `MON-FRI`, each optionally `/step`. Anything else (`L`, `W`, `#`) is
// not parsed: the caller then cannot tell the gap.
const FIELD_PART = /^(\*|[A-Z0-9]+(?:-[A-Z0-9]+)?)(?:\/(\d+))?$/i;

/**
 * The longest time between two runs of a valid EventBridge schedule expression, or `undefined`
 * when it cannot be told for certain. Exact for every `rate(...)`. For `cron(...)` (UTC, no
 * daylight saving), only fields of numbers, names, lists, ranges and steps are read: a year
 * other than `*`, or `L`, `W` or `#` anywhere, gives `undefined`.
 *
 * @param expression - a schedule expression that `describeScheduleProblem` (scaler-trigger) accepts
 *
 * @example
 * ```ts
 * longestRunGap('rate(30 minutes)'); // { kind: 'minutes', minutes: 30 }
 * longestRunGap('cron(0 8,20 * * ? *)'); // { kind: 'minutes', minutes: 720 }
 * longestRunGap('cron(0 * ? * MON-FRI *)'); // { kind: 'skipsDays' }
 * longestRunGap('cron(0 8 L * ? *)'); // undefined
 * ```
 */
function longestRunGap(expression: string): RunGap | undefined {
  const rate = RATE_PATTERN.exec(expression);
  if (rate !== null) {
    const unitMinutes = MINUTES_PER_UNIT[rate[2] ?? ''];
    return unitMinutes === undefined ? undefined : { kind: 'minutes', minutes: Number(rate[1]) * unitMinutes };
  }
  if (!expression.startsWith('cron(') || !expression.endsWith(')')) {
    return undefined;
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek, year, ...rest] = expression
    .slice('cron('.length, -1)
    .trim()
    .split(/\s+/);
  if (
    minute === undefined ||
    hour === undefined ||
    dayOfMonth === undefined ||
    month === undefined ||
    dayOfWeek === undefined ||
    year !== '*' ||
    rest.length > 0
  ) {
    return undefined;
  }

  const days = [
    coversAll(month, 1, 12, MONTHS),
    coversAll(dayOfMonth, 1, 31),
    coversAll(dayOfWeek, 1, 7, DAYS_OF_WEEK),
  ];
  // A skipped month, day of the month or day of the week leaves a whole day without a run,
  // whatever the other fields say.
  if (days.includes(false)) {
    return { kind: 'skipsDays' };
  }
  if (days.includes(undefined)) {
    return undefined;
  }

  const minutes = parseField(minute, 0, 59);
  const hours = parseField(hour, 0, 23);
  if (minutes === undefined || hours === undefined) {
    return undefined;
  }
  // Every day has the same runs: the longest gap is between two of them, or from the last
  // run of a day to the first of the next.
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  let longest = 0;
  times.forEach((time, index) => {
    const next = times[index + 1] ?? (times[0] ?? 0) + MINUTES_PER_DAY;
    longest = Math.max(longest, next - time);
  });
  return { kind: 'minutes', minutes: longest };
}

/**
 * Whether a day field runs on every value from `min` to `max` (`*` and `?` do); `undefined`
 * when the field cannot be parsed.
 */
function coversAll(field: string, min: number, max: number, names: readonly string[] = []): boolean | undefined {
  if (field === '*' || field === '?') {
    return true;
  }
  const values = parseField(field, min, max, names);
  return values === undefined ? undefined : values.length === max - min + 1;
}

/**
 * The distinct values of a cron field, ascending, or `undefined` when the field uses anything
 * but `*`, numbers, `names` (the first is `min`), `,`, `-` and `/`, or a value out of range.
 */
function parseField(field: string, min: number, max: number, names: readonly string[] = []): number[] | undefined {
  function value(token: string): number | undefined {
    const index = names.indexOf(token.toUpperCase());
    const parsed = /^\d+$/.test(token) ? Number(token) : index >= 0 ? min + index : Number.NaN;
    return parsed >= min && parsed <= max ? parsed : undefined;
  }
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = FIELD_PART.exec(part);
    const base = match?.[1];
    if (base === undefined) {
      return undefined;
    }
    const stepped = match?.[2] !== undefined;
    const step = stepped ? Number(match?.[2]) : 1;
    const [start, end] = base.split('-');
    const from = base === '*' ? min : value(start ?? '');
    // `5/15` runs from 5 to the end of the range; a plain `5` only at 5.
    const to = base === '*' ? max : end !== undefined ? value(end) : stepped ? max : from;
    if (from === undefined || to === undefined || from > to || step < 1) {
      return undefined;
    }
    for (let current = from; current <= to; current += step) {
      values.add(current);
    }
  }
  return [...values].sort((a, b) => a - b);
}

export type { RunGap };
export { longestRunGap, RATE_PATTERN };
