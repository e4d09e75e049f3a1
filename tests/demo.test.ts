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
    expect(written.join('')).toContain('KPU-hours: 776 used vs 1392 at highKPU all the time: 616 saved (44% less)');
    expect(report.hours).toBe(48);
  });

  it('prints the reasons of the invalid, disabled and not-running rows', () => {
    // Assess
    const text = written.join('');
    expect(text).toMatch(/clicks-dedup +invalid x48 +row "clicks-dedup": highKPU 2 is below lowKPU 6/);
    expect(text).toMatch(/inventory-sync +skipped x48 +application is READY \(stopped\)/);
    expect(text).toMatch(/legacy-reporting +skipped x48 +row is disabled/);
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
