import { buildReport } from '../../src/demo/buildReport';
import type { Examples } from '../../src/examples';
import { anHour, running } from '../helpers/summaries';

const T0 = new Date('2026-11-27T07:00:00Z');
const T1 = new Date('2026-11-27T08:00:00Z');

const examples: Examples = {
  rows: [
    { appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 },
    { appName: 'sensors', lowKPU: 2, highKPU: 5, scaleUpHour: 8, scaleDownHour: 20 },
    { appName: 'legacy', lowKPU: 1, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20, enabled: false },
    { appName: 'broken', lowKPU: 6, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 },
    { appName: 'stopped', lowKPU: 1, highKPU: 3, scaleUpHour: 8, scaleDownHour: 20 },
  ],
  applications: [
    { name: 'orders', parallelism: 1, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
    { name: 'sensors', parallelism: 4, parallelismPerKPU: 2, autoScalingEnabled: true, running: true },
    { name: 'legacy', parallelism: 2, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
    { name: 'broken', parallelism: 3, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
    { name: 'stopped', parallelism: 3, parallelismPerKPU: 1, autoScalingEnabled: true, running: false },
  ],
};

const records = [
  anHour(
    T0,
    [
      { rowId: 'orders', outcome: 'unchanged', reason: 'off-peak', warnings: [] },
      { rowId: 'broken', outcome: 'invalid', reason: 'row "broken": highKPU 2 is below lowKPU 6', warnings: [] },
      { rowId: 'stopped', outcome: 'skipped', reason: 'application is READY (stopped)', warnings: [] },
    ],
    {
      orders: running(1),
      sensors: running(4, 2),
      legacy: running(2),
      broken: running(3),
      stopped: { status: 'READY', parallelism: 3, parallelismPerKPU: 1 },
    },
  ),
  anHour(
    T1,
    [
      { rowId: 'orders', outcome: 'scaled', reason: 'peak', currentKPU: 1, targetKPU: 4, warnings: [] },
      { rowId: 'sensors', outcome: 'scaled', reason: 'peak', currentKPU: 2, targetKPU: 5, warnings: [] },
      { rowId: 'broken', outcome: 'invalid', reason: 'row "broken": highKPU 2 is below lowKPU 6', warnings: [] },
      { rowId: 'stopped', outcome: 'skipped', reason: 'application is READY (stopped)', warnings: [] },
    ],
    {
      orders: running(4),
      sensors: running(10, 2),
      legacy: running(2),
      broken: running(3),
      stopped: { status: 'READY', parallelism: 3, parallelismPerKPU: 1 },
    },
  ),
];

describe('Function: buildReport', () => {
  it('takes each hour’s KPU from the application state and marks the hours the scaler scaled', () => {
    // Act
    const report = buildReport(examples, records);

    // Assess
    const orders = report.timeline.apps.find((app) => app.name === 'orders');
    const sensors = report.timeline.apps.find((app) => app.name === 'sensors');
    expect(orders?.cells).toEqual([{ kpu: 1 }, { kpu: 4, event: 'up' }]);
    expect(sensors?.cells).toEqual([{ kpu: 2 }, { kpu: 5, event: 'up' }]);
    expect(report.timeline.start).toEqual(T0);
    expect(report.hours).toBe(2);
  });

  it('labels disabled, invalid and not-started rows and draws stopped applications as not running', () => {
    // Act
    const report = buildReport(examples, records);

    // Assess
    function label(name: string) {
      return report.timeline.apps.find((app) => app.name === name)?.label;
    }
    expect(label('orders')).toBe('1-4 KPU, 08:00-20:00 UTC every day');
    expect(label('legacy')).toMatch(/^row disabled: left alone/);
    expect(label('broken')).toBe('row invalid: left alone');
    expect(label('stopped')).toMatch(/; not started$/);
    expect(report.timeline.apps.find((app) => app.name === 'stopped')?.cells).toEqual([{ kpu: null }, { kpu: null }]);
  });

  it('counts KPU-hours only for the applications the scaler manages, against their highKPU', () => {
    // Act
    const report = buildReport(examples, records);

    // Assess
    expect(report.kpuHours).toEqual([
      { name: 'orders', used: 5, atHigh: 8 },
      { name: 'sensors', used: 7, atHigh: 10 },
    ]);
  });

  it('notes the hours an override or a holiday decided a target, and when an override expired', () => {
    // Prepare
    const override = 'override until 2026-11-27T08:00:00Z (launch, by ops)';
    const promo = { appName: 'promo', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 };
    const withPromo: Examples = {
      rows: [{ ...promo, overrides: [{ kpu: 8, until: '2026-11-27T08:00:00Z', reason: 'launch', by: 'ops' }] }],
      applications: [{ name: 'promo', parallelism: 8, parallelismPerKPU: 1, autoScalingEnabled: true, running: true }],
    };
    const expired = `row "promo": override has expired and is ignored: overrides[0] (${override}); remove it from overrides`;
    const hours = [
      anHour(T0, [{ rowId: 'promo', outcome: 'unchanged', reason: 'r', rule: override, targetKPU: 8, warnings: [] }], {
        promo: running(8),
      }),
      anHour(
        T1,
        [
          {
            rowId: 'promo',
            outcome: 'scaled',
            reason: 'r',
            rule: 'window 08:00-20:00 UTC every day',
            currentKPU: 8,
            targetKPU: 4,
            warnings: [expired],
          },
        ],
        { promo: running(4) },
      ),
    ];

    // Act
    const report = buildReport(withPromo, hours);

    // Assess
    expect(report.ruleNotes).toEqual([
      { rowId: 'promo', rule: override, targetKPU: 8, from: T0, to: T1, expired: true },
    ]);
    expect(report.kpuHours).toEqual([{ name: 'promo', used: 12, atHigh: 16 }]);
  });

  it('groups the rows the scaler did not act on by outcome, with a run count and the first reason', () => {
    // Act
    const report = buildReport(examples, records);

    // Assess
    expect(report.rowNotes).toEqual([
      { rowId: 'broken', outcome: 'invalid', runs: 2, reason: 'row "broken": highKPU 2 is below lowKPU 6' },
      { rowId: 'stopped', outcome: 'skipped', runs: 2, reason: 'application is READY (stopped)' },
    ]);
    expect(report.outcomeTotals).toEqual({
      scaled: 2,
      unchanged: 1,
      skipped: 2,
      busy: 0,
      invalid: 2,
      error: 0,
      deferred: 0,
    });
  });
});
