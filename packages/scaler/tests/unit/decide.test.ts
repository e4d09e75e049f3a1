import fc from 'fast-check';
import { decide } from '../../src/core/decide';
import { kpuFor } from '../../src/core/kpu';
import { aRow, aSnapshot, OFF_PEAK_INSTANT, PEAK_INSTANT } from '../helpers/fixtures';

const NOT_RUNNING = [
  'DELETING',
  'STARTING',
  'STOPPING',
  'READY',
  'UPDATING',
  'AUTOSCALING',
  'FORCE_STOPPING',
  'ROLLING_BACK',
  'MAINTENANCE',
  'ROLLED_BACK',
];

describe('Function: decide', () => {
  it.each(NOT_RUNNING)('skips an application that is %s and reports the status', (status) => {
    // Prepare
    const app = aSnapshot({ status });

    // Act
    const decision = decide(aRow(), app, PEAK_INSTANT);

    // Assess
    expect(decision.action).toBe('skip');
    expect(decision.reason).toContain(status);
    expect(decision.figures).toMatchObject({ status, peak: true, currentKPU: 1, targetKPU: 4 });
  });

  it('says the next run checks again for a transitional status, and how to fix a stopped app', () => {
    // Act
    const updating = decide(aRow(), aSnapshot({ status: 'UPDATING' }), PEAK_INSTANT);
    const ready = decide(aRow(), aSnapshot({ status: 'READY' }), PEAK_INSTANT);

    // Assess
    expect(updating.reason).toMatch(/next run checks again/);
    expect(ready.reason).toMatch(/READY \(stopped\)/);
  });

  it('scales up to highKPU in the peak window', () => {
    // Act
    const decision = decide(aRow(), aSnapshot({ parallelism: 1 }), PEAK_INSTANT);

    // Assess
    expect(decision).toMatchObject({
      action: 'scale',
      figures: { peak: true, currentKPU: 1, targetKPU: 4, localTime: '2026-11-27 10:00' },
      plan: {
        appName: 'orders-enricher',
        parallelism: 4,
        parallelismPerKPU: 1,
        conditionalToken: 'token-7',
        versionId: 7,
      },
    });
    expect(decision.reason).toContain('1 -> 4 KPU');
  });

  it('returns keep when the application already runs at the target KPU', () => {
    // Act
    const decision = decide(aRow(), aSnapshot({ parallelism: 4 }), PEAK_INSTANT);

    // Assess
    expect(decision.action).toBe('keep');
    expect(decision.reason).toContain('already at 4 KPU');
  });

  it('says when the autoscaling choice waits for the next scaling', () => {
    // Act
    const decision = decide(
      aRow({ autoScaling: 'disable' }),
      aSnapshot({ parallelism: 4, autoScalingEnabled: true }),
      PEAK_INSTANT,
    );

    // Assess
    expect(decision.action).toBe('keep');
    expect(decision.reason).toMatch(
      /autoscaling is on and is turned off \(autoScaling: disable\) with the next scaling$/,
    );
  });

  it('scales down at the scale-down hour itself (sample defect: 8 -> 20 at 20:00 stayed high)', () => {
    // Act
    const decision = decide(
      aRow({ scaleUpHour: 8, scaleDownHour: 20 }),
      aSnapshot({ parallelism: 4 }),
      OFF_PEAK_INSTANT,
    );

    // Assess
    expect(decision).toMatchObject({
      action: 'scale',
      figures: { peak: false, targetKPU: 1 },
      plan: { parallelism: 1 },
    });
  });

  it.each([
    ['22 -> 6 at 23:00', 22, 6, '2026-11-27T23:00:00Z'],
    ['13 -> 2 at 01:00', 13, 2, '2026-11-28T01:00:00Z'],
  ])('treats a window crossing midnight as peak (sample defect: %s was never peak)', (_name, up, down, at) => {
    // Act
    const decision = decide(aRow({ scaleUpHour: up, scaleDownHour: down }), aSnapshot(), new Date(at));

    // Assess
    expect(decision).toMatchObject({ action: 'scale', figures: { peak: true, targetKPU: 4 } });
  });

  it('keeps ParallelismPerKPU 2 and counts KPU from it (sample defect: always wrote 1)', () => {
    // Prepare: parallelism 2 at 2 per KPU is 1 KPU
    const app = aSnapshot({ parallelism: 2, parallelismPerKPU: 2 });

    // Act
    const decision = decide(aRow(), app, PEAK_INSTANT);

    // Assess
    expect(decision).toMatchObject({
      action: 'scale',
      figures: { currentKPU: 1, targetKPU: 4 },
      plan: { parallelism: 8, parallelismPerKPU: 2 },
    });
  });

  it('counts KPU from the configured parallelism, not the autoscaled current one', () => {
    // Prepare: autoscaling doubled the job to 8, the configured floor is 4
    const app = aSnapshot({ parallelism: 4, currentParallelism: 8 });

    // Act
    const decision = decide(aRow(), app, PEAK_INSTANT);

    // Assess
    expect(decision.action).toBe('keep');
  });

  it.each([
    ['keep', true, true],
    ['keep', false, false],
    ['disable', true, false],
    ['enable', false, true],
  ] as const)(
    'with autoScaling %s and the app at %s, asks for autoscaling %s (sample defect: always off)',
    (mode, current, expected) => {
      // Act
      const decision = decide(aRow({ autoScaling: mode }), aSnapshot({ autoScalingEnabled: current }), PEAK_INSTANT);

      // Assess
      expect(decision).toMatchObject({ action: 'scale', plan: { autoScalingEnabled: expected } });
    },
  );

  it('passes the version id when MSF gave no conditional token', () => {
    // Act
    const decision = decide(aRow(), aSnapshot({ conditionalToken: undefined, versionId: 12 }), PEAK_INSTANT);

    // Assess
    expect(decision).toMatchObject({ action: 'scale', plan: { conditionalToken: undefined, versionId: 12 } });
  });

  it('always plans a parallelism that bills exactly the target KPU, and never scales an app already there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 23 }),
        (low, extra, parallelism, perKPU, hour) => {
          // Prepare
          const row = aRow({ lowKPU: low, highKPU: low + extra });
          const instant = new Date(Date.UTC(2026, 10, 27, hour));

          // Act
          const decision = decide(row, aSnapshot({ parallelism, parallelismPerKPU: perKPU }), instant);

          // Assess
          const target = decision.figures.peak ? row.highKPU : row.lowKPU;
          expect(decision.figures.targetKPU).toBe(target);
          if (decision.action === 'scale') {
            expect(kpuFor(decision.plan.parallelism, perKPU)).toBe(target);
            expect(decision.plan.parallelismPerKPU).toBe(perKPU);
          } else {
            expect(decision.action).toBe('keep');
            expect(kpuFor(parallelism, perKPU)).toBe(target);
          }
        },
      ),
    );
  });
});
