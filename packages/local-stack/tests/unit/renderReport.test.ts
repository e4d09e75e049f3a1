import { renderDemo, renderKpuHours, renderRowNotes, renderRuleNotes } from '../../src/demo/renderReport';
import type { RowNote, RuleNote } from '../../src/demo/types';
import { cells } from '../helpers/timeline';

describe('Function: renderKpuHours', () => {
  it('prints KPU-hours used against highKPU all the time, absolute and as a percentage', () => {
    // Prepare
    const apps = [
      { name: 'orders', used: 120, atHigh: 192 },
      { name: 'sensors', used: 168, atHigh: 240 },
    ];

    // Act
    const text = renderKpuHours(apps, 48);

    // Assess
    expect(text.split('\n')).toEqual([
      'KPU-hours over 48 h of the 2 applications the scaler manages:',
      '             used  at highKPU  saved',
      '  orders      120         192    38%',
      '  sensors     168         240    30%',
      '  total       288         432    33%',
      '',
      'KPU-hours: 288 used vs 432 at highKPU all the time: 144 saved (33% less)',
    ]);
  });

  it('says 0% rather than dividing by zero when no application is managed', () => {
    // Act
    const text = renderKpuHours([], 48);

    // Assess
    expect(text).toContain('KPU-hours: 0 used vs 0 at highKPU all the time: 0 saved (0% less)');
  });
});

describe('Function: renderRowNotes', () => {
  it('lists each row the scaler did not act on with its outcome, run count and reason', () => {
    // Prepare
    const notes: RowNote[] = [
      { rowId: 'clicks-dedup', outcome: 'invalid', runs: 48, reason: 'highKPU 2 is below lowKPU 6' },
      { rowId: 'inventory', outcome: 'skipped', runs: 48, reason: 'application is READY (stopped)' },
    ];

    // Act
    const text = renderRowNotes(notes);

    // Assess
    expect(text.split('\n')).toEqual([
      'Rows the scaler did not scale (outcome x runs, reason):',
      '  clicks-dedup  invalid x48  highKPU 2 is below lowKPU 6',
      '  inventory     skipped x48  application is READY (stopped)',
    ]);
  });

  it('says so when every row was scaled or kept', () => {
    // Act
    const text = renderRowNotes([]);

    // Assess
    expect(text).toBe('Every row was scaled or already at its target in every run.');
  });
});

describe('Function: renderRuleNotes', () => {
  it('lists each override and holiday with its hours, KPU and rule, and when an override expired', () => {
    // Prepare
    const notes: RuleNote[] = [
      {
        rowId: 'promo-engine',
        rule: 'override until 2026-11-27T18:00:00Z (Black Friday promotion, by ops)',
        targetKPU: 8,
        from: new Date('2026-11-27T06:00:00Z'),
        to: new Date('2026-11-27T18:00:00Z'),
        expired: true,
      },
      {
        rowId: 'support',
        rule: 'holiday 2026-11-27 (calendar us-holidays)',
        targetKPU: 1,
        from: new Date('2026-11-27T13:00:00Z'),
        to: new Date('2026-11-28T01:00:00Z'),
      },
    ];

    // Act
    const text = renderRuleNotes(notes);

    // Assess
    expect(text.split('\n')).toEqual([
      'Overrides and holidays that decided a target (UTC; windows are in the timeline):',
      '  promo-engine  Fri 27 Nov 06:00-18:00             8 KPU  override until 2026-11-27T18:00:00Z (Black Friday promotion, by ops); expired at Fri 27 Nov 18:00, ignored from then on with a warning',
      '  support       Fri 27 Nov 13:00-Sat 28 Nov 01:00  1 KPU  holiday 2026-11-27 (calendar us-holidays)',
    ]);
  });

  it('says so when the windows decided every target', () => {
    // Act
    const text = renderRuleNotes([]);

    // Assess
    expect(text).toBe('No override or holiday decided a target: the windows did.');
  });
});

describe('Function: renderDemo', () => {
  it('prints the simulated period, the timeline, the run totals and the KPU-hours', () => {
    // Prepare
    const report = {
      timeline: {
        start: new Date('2026-11-27T00:00:00Z'),
        apps: [{ name: 'orders', label: '1-4 KPU', cells: cells('1 4+') }],
      },
      hours: 2,
      outcomeTotals: { scaled: 1, unchanged: 1, skipped: 0, busy: 0, invalid: 0, error: 0 },
      rowNotes: [],
      ruleNotes: [],
      kpuHours: [{ name: 'orders', used: 5, atHigh: 8 }],
    };

    // Act
    const text = renderDemo(report);

    // Assess
    expect(text).toContain('2 simulated hours from 2026-11-27 00:00 UTC to 2026-11-27 02:00 UTC');
    expect(text).toContain('orders    ▂█  1-4 KPU');
    expect(text).toContain('Runs: 2; row outcomes over all runs: scaled 1, unchanged 1.');
    expect(text).toContain('KPU-hours: 5 used vs 8 at highKPU all the time: 3 saved (38% less)');
  });
});
