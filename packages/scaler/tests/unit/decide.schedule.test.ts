import type { Row } from '@msf-scaler/schema';
import { decide } from '../../src/core/decide';
import type { Calendars } from '../../src/core/preparedSchedule';
import { aRow, aSnapshot, OFF_PEAK_INSTANT, PEAK_INSTANT } from '../helpers/fixtures';

/** The fixture row without its simple window, with windows instead. */
function aWindowsRow(overrides: Partial<Row> = {}): Row {
  const { highKPU: _high, scaleUpHour: _up, scaleDownHour: _down, ...rest } = aRow();
  return {
    ...rest,
    windows: [
      { from: 8, to: 20, kpu: 4, days: rest.peakDays },
      { from: 20, to: 23, kpu: 2, days: rest.peakDays },
    ],
    ...overrides,
  };
}

describe('Function: decide (schedule model 2.0)', () => {
  it('reports the deciding rule of a simple row and keeps its reason exactly as before', () => {
    // Act
    const peak = decide(aRow(), aSnapshot({ parallelism: 4 }), PEAK_INSTANT);
    const offPeak = decide(aRow(), aSnapshot({ parallelism: 4 }), OFF_PEAK_INSTANT);

    // Assess
    expect(peak.figures).toMatchObject({ rule: 'window 08:00-20:00 UTC every day', peak: true, targetKPU: 4 });
    expect(peak.reason).toBe(
      'peak (08:00-20:00 UTC every day; local 2026-11-27 10:00): already at 4 KPU (parallelism 4, 1 per KPU)',
    );
    expect(offPeak.figures).toMatchObject({ rule: 'outside every window', peak: false, targetKPU: 1 });
    expect(offPeak.reason).toBe(
      'off-peak (08:00-20:00 UTC every day; local 2026-11-27 20:00): 4 -> 1 KPU (parallelism 4 -> 1, 1 per KPU)',
    );
    expect(peak.warnings).toEqual([]);
  });

  it('takes the target from the windows and names the rule in the reason', () => {
    // Act
    const decision = decide(aWindowsRow(), aSnapshot({ parallelism: 4 }), OFF_PEAK_INSTANT);

    // Assess
    expect(decision).toMatchObject({
      action: 'scale',
      figures: { targetKPU: 2, peak: true, rule: 'window 20:00-23:00 UTC every day' },
      plan: { parallelism: 2 },
    });
    expect(decision.reason).toBe(
      'peak (window 20:00-23:00 UTC every day; local 2026-11-27 20:00): 4 -> 2 KPU (parallelism 4 -> 2, 1 per KPU)',
    );
  });

  it('takes the target from an override in force', () => {
    // Prepare
    const row = aRow({ overrides: [{ kpu: 6, until: '2026-11-28T00:00:00Z', reason: 'launch', by: 'ops' }] });

    // Act
    const decision = decide(row, aSnapshot({ parallelism: 4 }), OFF_PEAK_INSTANT);

    // Assess
    expect(decision).toMatchObject({
      action: 'scale',
      figures: { targetKPU: 6, peak: true, rule: 'override until 2026-11-28T00:00:00Z (launch, by ops)' },
    });
  });

  it('reads holidays from the calendars it is given, and none by default', () => {
    // Prepare
    const row = aRow({ calendars: ['de-public'] });
    const calendars: Calendars = new Map([['de-public', { name: 'de-public', dates: ['2026-11-27'] }]]);

    // Act
    const withCalendars = decide(row, aSnapshot({ parallelism: 4 }), PEAK_INSTANT, calendars);
    const without = decide(row, aSnapshot({ parallelism: 4 }), PEAK_INSTANT);

    // Assess
    expect(withCalendars).toMatchObject({
      action: 'scale',
      figures: { targetKPU: 1, peak: false, rule: 'holiday 2026-11-27 (calendar de-public)' },
    });
    expect(without).toMatchObject({ action: 'keep', figures: { targetKPU: 4 } });
    expect(without.warnings).toEqual([
      'row "orders-enricher": calendar "de-public" does not exist (no item has appName "calendar:de-public"), so the row runs without it',
    ]);
  });

  it('carries the evaluation warnings on every action, skip included', () => {
    // Prepare
    const row = aRow({ overrides: [{ kpu: 6, until: '2026-11-01T00:00:00Z', reason: 'old' }] });

    // Act
    const decision = decide(row, aSnapshot({ status: 'UPDATING' }), PEAK_INSTANT);

    // Assess
    expect(decision.action).toBe('skip');
    expect(decision.warnings).toEqual([
      'row "orders-enricher": override has expired and is ignored: overrides[0] (override until 2026-11-01T00:00:00Z (old)); remove it from overrides',
    ]);
  });

  it('reports peak only when the target is above lowKPU', () => {
    // Act
    const decision = decide(aWindowsRow({ lowKPU: 2 }), aSnapshot({ parallelism: 2 }), OFF_PEAK_INSTANT);

    // Assess
    expect(decision).toMatchObject({
      action: 'keep',
      figures: { targetKPU: 2, peak: false, rule: 'window 20:00-23:00 UTC every day' },
    });
  });
});
