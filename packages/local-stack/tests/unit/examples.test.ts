import * as path from 'node:path';
import { evaluateSchedule, RuleKind } from '@msf-scaler/scaler';
import { calendarsByName, isCalendarItem, parseCalendarItem, parseRow, windowsOf } from '@msf-scaler/schema';
import { DEMO_HOURS, DEMO_START } from '../../src/demo/runDemo';
import { ExamplesFileError } from '../../src/errors';
import { DEFAULT_EXAMPLES_FILE, parseExamples, readExamples } from '../../src/examples';

const HOUR_MS = 3_600_000;

const anApp = { name: 'orders', parallelism: 2, parallelismPerKPU: 1, autoScalingEnabled: true, running: true };

describe('Function: parseExamples', () => {
  it('keeps rows exactly as written and reads the applications', () => {
    // Prepare
    const document = {
      description: 'ignored',
      rows: [{ appName: 'orders', lowKPU: 9, highKPU: 1 }],
      applications: [anApp],
    };

    // Act
    const examples = parseExamples(document, 'x.json');

    // Assess
    expect(examples).toEqual({ rows: [{ appName: 'orders', lowKPU: 9, highKPU: 1 }], applications: [anApp] });
  });

  it.each([
    ['not an object', [], 'x.json: the file must hold one JSON object with "rows" and "applications"'],
    ['rows missing', { applications: [] }, 'x.json: "rows" must be an array of table items'],
    [
      'a row that is not an object',
      { rows: [1], applications: [] },
      'x.json: rows[0] must be an object (one table item)',
    ],
    [
      'a bad parallelism',
      { rows: [], applications: [{ ...anApp, parallelism: 0 }] },
      'x.json: applications[0].parallelism (orders) must be a whole number >= 1',
    ],
    [
      'a duplicate application',
      { rows: [], applications: [anApp, anApp] },
      'x.json: application "orders" is listed twice',
    ],
  ])('rejects %s with a message naming the file and the member', (_case, document, message) => {
    // Act
    function parse() {
      return parseExamples(document, 'x.json');
    }

    // Assess
    expect(parse).toThrow(ExamplesFileError);
    expect(parse).toThrow(`${message} (see examples/README.md for the format)`);
  });
});

describe('Function: readExamples', () => {
  it('names the file when it cannot be read', async () => {
    // Prepare
    const missing = path.join(__dirname, 'no-such-file.json');

    // Act
    const read = readExamples(missing);

    // Assess
    await expect(read).rejects.toThrow(`cannot read the examples file ${missing}`);
  });

  it('ships examples covering every case the demo shows', async () => {
    // Act
    const examples = await readExamples(DEFAULT_EXAMPLES_FILE);

    // Assess
    const parsed = examples.rows.filter((row) => !isCalendarItem(row)).map((row, position) => parseRow(row, position));
    const rows = parsed.flatMap((result) => (result.ok ? [result.row] : []));
    function app(name: string) {
      return examples.applications.find((candidate) => candidate.name === name);
    }
    expect(rows.some((row) => row.scaleUpHour === 8 && row.scaleDownHour === 20 && row.timezone === 'UTC')).toBe(true);
    expect(rows.some((row) => (row.scaleUpHour ?? 0) > (row.scaleDownHour ?? 0))).toBe(true);
    expect(rows.some((row) => row.timezone !== 'UTC')).toBe(true);
    expect(rows.some((row) => row.peakDays.join(',') === 'MON,TUE,WED,THU,FRI')).toBe(true);
    expect(rows.some((row) => app(row.appName)?.parallelismPerKPU === 2)).toBe(true);
    expect(rows.some((row) => !row.enabled)).toBe(true);
    expect(rows.some((row) => app(row.appName)?.running === false)).toBe(true);
    expect(parsed.filter((result) => !result.ok)).toHaveLength(1);
    expect(
      examples.rows.filter((row) => !isCalendarItem(row)).every((row) => app(String(row.appName)) !== undefined),
    ).toBe(true);
  });

  it("ships two levels a day, an override that expires and a calendar holiday, all inside the demo's 48 hours", async () => {
    // Prepare
    const examples = await readExamples(DEFAULT_EXAMPLES_FILE);
    const calendarItems = examples.rows.filter((row) => isCalendarItem(row));
    const calendars = calendarsByName(calendarItems.map((item, position) => parseCalendarItem(item, position)));
    const rows = examples.rows.flatMap((raw, position) => {
      const result = isCalendarItem(raw) ? undefined : parseRow(raw, position);
      return result?.ok === true ? [result.row] : [];
    });
    const hours = Array.from({ length: DEMO_HOURS }, (_, hour) => new Date(DEMO_START.getTime() + hour * HOUR_MS));

    // Act: the rule that decides each row at every hour the demo runs.
    const decided = rows.map((row) => ({
      row,
      evaluations: hours.map((instant) => evaluateSchedule(row, calendars, instant)),
    }));

    // Assess
    const twoLevels = decided.find(
      ({ row, evaluations }) =>
        new Set(windowsOf(row).map((window) => window.kpu)).size >= 2 &&
        new Set(evaluations.map((evaluation) => evaluation.targetKPU)).size >= 3,
    );
    const overridden = decided.find(({ evaluations }) => {
      const first = evaluations.findIndex((evaluation) => evaluation.decidedBy.kind === RuleKind.OVERRIDE);
      const after = evaluations.slice(first + 1).find((evaluation) => evaluation.decidedBy.kind !== RuleKind.OVERRIDE);
      return first >= 0 && after?.warnings.some((warning) => warning.message.includes('override has expired')) === true;
    });
    const onHoliday = decided.find(({ evaluations }) =>
      evaluations.some(({ decidedBy }) => decidedBy.kind === RuleKind.HOLIDAY && decidedBy.calendar !== undefined),
    );
    expect(calendarItems).toHaveLength(1);
    expect(twoLevels?.row.appName).toBe('checkout-api');
    expect(overridden?.row.appName).toBe('promo-engine');
    expect(onHoliday?.row.appName).toBe('us-support-chat');
    expect(onHoliday?.evaluations.map((evaluation) => evaluation.rule)).toContain(
      'holiday 2026-11-27 (calendar us-holidays)',
    );
  });
});
