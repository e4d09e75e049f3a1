import { type DemoReport, type LocalStack, runDemo } from '@msf-scaler/local-stack';
import { isListening, portOf } from './helpers/ports';

const APPS = [
  'orders-enricher',
  'nightly-settlement',
  'berlin-clickstream',
  'ny-trading-risk',
  'sensor-aggregator',
  'legacy-reporting',
  'inventory-sync',
  'clicks-dedup',
  'checkout-api',
  'promo-engine',
  'us-support-chat',
];

describe('Integration: pnpm start (the embedded demo)', () => {
  const written: string[] = [];
  let stack: LocalStack | undefined;
  let report: DemoReport;

  beforeAll(async () => {
    // Act
    report = await runDemo({
      stdout: { write: (text: string) => written.push(text), isTTY: false },
      env: {},
      onStackStarted: (started) => {
        stack = started;
      },
    });
  });

  it('prints a timeline line for every example application', () => {
    // Assess
    const lines = written.join('').split('\n');
    for (const name of APPS) expect(lines.some((line) => line.startsWith(`${name} `))).toBe(true);
    expect(lines).toContain(`${' '.repeat(20)}Fri 27 Nov${' '.repeat(14)}Sat 28 Nov`);
  });

  it('prints the KPU-hours used against highKPU all the time', () => {
    // Assess
    expect(written.join('')).toContain('KPU-hours: 1263 used vs 2352 at highKPU all the time: 1089 saved (46% less)');
    expect(report.hours).toBe(48);
  });

  it('prints the reasons of the invalid, disabled and not-running rows', () => {
    // Assess
    const text = written.join('');
    expect(text).toMatch(/clicks-dedup +invalid x48 +row "clicks-dedup": highKPU 2 is below lowKPU 6/);
    expect(text).toMatch(/inventory-sync +skipped x48 +application is READY \(stopped\)/);
    expect(text).toMatch(/legacy-reporting +skipped x48 +row is disabled/);
  });

  it('shows two levels a day from windows: 8 KPU in business hours, 4 in the evening, 2 at night', () => {
    // Assess
    const lines = written.join('').split('\n');
    expect(lines).toContain(
      'checkout-api        ▂▂▂▂▂▂▂▂██████████▄▄▄▄▂▂▂▂▂▂▂▂▂▂██████████▄▄▄▄▂▂  2 KPU, else 8 KPU 08:00-18:00 UTC every day, 4 KPU 18:00-22:00 UTC every day',
    );
  });

  it('shows an override in force from its from and ignored once it expired, with the rule that decided', () => {
    // Assess
    const lines = written.join('').split('\n');
    expect(lines).toContain(
      'promo-engine        ▁▁▁▁▁▁████████████▄▄▁▁▁▁▁▁▁▁▁▁▁▁▄▄▄▄▄▄▄▄▄▄▄▄▁▁▁▁  1-4 KPU, 08:00-20:00 UTC every day; 1 override',
    );
    expect(written.join('')).toMatch(
      /promo-engine +Fri 27 Nov 06:00-18:00 +8 KPU +override until 2026-11-27T18:00:00Z \(Black Friday promotion, by ops\); expired at Fri 27 Nov 18:00/,
    );
    expect(report.ruleNotes.find((note) => note.rowId === 'promo-engine')).toMatchObject({
      from: new Date('2026-11-27T06:00:00Z'),
      to: new Date('2026-11-27T18:00:00Z'),
      expired: true,
    });
  });

  it('shows the holidays of a shared calendar item: no window starts on them, the next day peaks', () => {
    // Assess
    const text = written.join('');
    expect(text).toContain(
      'us-support-chat     ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▄▄▄▄▄▄▄▄▄▄▄  1-4 KPU, 08:00-20:00 America/New_York every day; calendars us-holidays',
    );
    expect(text).toMatch(/us-support-chat +Fri 27 Nov 00:00-01:00 +1 KPU +holiday 2026-11-26 \(calendar us-holidays\)/);
    expect(text).toMatch(
      /us-support-chat +Fri 27 Nov 13:00-Sat 28 Nov 01:00 +1 KPU +holiday 2026-11-27 \(calendar us-holidays\)/,
    );
  });

  it('prints no colour codes when stdout is not a TTY', () => {
    // Assess
    expect(written.join('')).not.toContain('\u001b[');
  });

  it('stops every server it started', async () => {
    // Assess
    expect(stack).toBeDefined();
    if (stack === undefined) return;
    expect(await isListening('127.0.0.1', portOf(stack.ddbEndpoint))).toBe(false);
    expect(await isListening('127.0.0.1', portOf(stack.msfEndpoint))).toBe(false);
  });
});
