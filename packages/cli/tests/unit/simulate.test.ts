import type { Simulation } from '../../src/simulate/simulateRows';
import { runCli } from '../helpers/runCli';

const ROWS = JSON.stringify([
  { appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 },
  { appName: 'support', lowKPU: 2, windows: [{ from: 9, to: 17, kpu: 8, days: 'MON-FRI' }], calendars: ['de'] },
  { appName: 'calendar:de', dates: ['2026-12-01'] },
  { appName: 'paused', lowKPU: 1, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20, enabled: false },
]);
const MONDAY = ['--from', '2026-11-30T00:00:00Z'];

describe('Command: msf-scaler simulate', () => {
  it('prices a week of each schedule against staying at its highest KPU, with the orchestration KPU, and totals', async () => {
    // Act
    const result = await runCli(['simulate', '-', ...MONDAY, '--json'], { stdin: ROWS });

    // Assess
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const simulation = JSON.parse(result.stdout) as Simulation;
    expect(simulation).toMatchObject({
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
      hours: 168,
      pricePerKpuHour: 0.11,
      priceSource: 'us-east-1 list price, as of 2026-12-01',
    });
    // orders: 12 h at 4 and 12 h at 1 a day; support: 4 working days (Tuesday is a holiday) of 8 h at 8, else 2.
    const orders = { appName: 'orders', kpuHours: 7 * 60 + 168, alwaysHighKpuHours: 5 * 168, changes: 14 };
    const support = { appName: 'support', kpuHours: 4 * 8 * 8 + (168 - 32) * 2 + 168, alwaysHighKpuHours: 9 * 168 };
    expect(simulation.apps).toMatchObject([orders, support]);
    expect(simulation.apps[0]?.cost).toBe(64.68);
    expect(simulation.totals.kpuHours).toBe(orders.kpuHours + support.kpuHours);
    expect(simulation.totals.alwaysHighCost).toBe(Math.round((5 * 168 + 9 * 168) * 0.11 * 100) / 100);
    expect(simulation.leftOut).toEqual([
      { rowId: 'paused', reason: 'disabled (enabled = false): the scaler leaves it alone' },
    ]);
  });

  it('draws the timeline and the table, takes another price, and fails on an invalid row while simulating the rest', async () => {
    // Prepare
    const rows = JSON.stringify([
      JSON.parse(ROWS)[0],
      { appName: 'broken', lowKPU: 5, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 },
    ]);

    // Act
    const result = await runCli(['simulate', '-', ...MONDAY, '--days', '1', '--price-per-kpu-hour', '0.2'], {
      stdin: rows,
    });

    // Assess
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'Simulation of 1 application, 2026-11-30 00:00 UTC to 2026-12-01 00:00 UTC (24 hours), at $0.2 per KPU-hour (from --price-per-kpu-hour)',
    );
    expect(lines).toContain('orders    ▂▂▂▂▂▂▂▂████████████▂▂▂▂  1-4 KPU, 08:00-20:00 UTC every day');
    expect(lines).toContain('                  ↑           ↓');
    expect(lines.map((line) => line.replace(/ +/g, ' '))).toEqual(
      expect.arrayContaining([
        'APP KPU-HOURS ALWAYS HIGH SAVED COST ALWAYS HIGH $ SAVED $ CHANGES',
        'orders 84 120 36 (30%) $16.80 $24.00 $7.20 2',
        'TOTAL 84 120 36 (30%) $16.80 $24.00 $7.20 2',
      ]),
    );
    expect(result.stdout).toContain('left out: <stdin>: broken: row "broken": highKPU 2 is below lowKPU 5');
  });

  it.each([
    [['simulate'], 'nothing to simulate: give FILE..., - for standard input, or --table'],
    [['simulate', '-', '--days', '2', '--to', '2026-12-01T00:00:00Z'], 'give --days or --to, not both'],
    [['simulate', '-', '--days', '0'], '--days must be a whole number from 1 to 366, got "0"'],
    [['simulate', '-', '--price-per-kpu-hour', 'cheap'], '--price-per-kpu-hour must be a price in US dollars above 0'],
    [['simulate', '-', ...MONDAY, '--to', '2026-11-29T00:00:00Z'], '--to must be from 1 hour to 366 days after --from'],
  ])('refuses %j as a usage error', async (args, message) => {
    // Act
    const result = await runCli(args, { stdin: ROWS });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
