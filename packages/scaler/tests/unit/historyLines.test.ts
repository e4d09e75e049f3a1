import { renderHistoryLines } from '../../src/output/historyLines';
import type { HistoryEntry, RowEntry } from '../../src/run/history';

const AT = '2026-11-27T10:00:00.000Z';

function aRowEntry(rowId: string, overrides: Partial<RowEntry> = {}): RowEntry {
  return {
    kind: 'row',
    rowId,
    at: AT,
    runId: 'a1b2c3d4',
    outcome: 'scaled',
    reason: 'up for the window',
    ...overrides,
  };
}

const ENTRIES: readonly HistoryEntry[] = [
  {
    kind: 'run',
    at: AT,
    runId: 'a1b2c3d4',
    table: 'msf-scaler-schedules',
    total: 8,
    counts: { scaled: 1, unchanged: 5, skipped: 1, busy: 0, invalid: 1, error: 0, deferred: 0 },
    rows: [],
    rowsNotListed: 0,
  },
  aRowEntry('orders-enricher', { currentKPU: 1, targetKPU: 4, status: 'RUNNING', operationId: 'op-1' }),
  aRowEntry('inventory-sync', { outcome: 'skipped', currentKPU: 3, targetKPU: 1, reason: 'application is READY' }),
  aRowEntry('fake\nrow\u001b[2J', { outcome: 'invalid', reason: 'lowKPU 6\nis above highKPU 2' }),
];

describe('Function: renderHistoryLines', () => {
  it('prints one line per entry in the order given, with when, which row, the outcome, KPU and the reason', () => {
    // Act
    const lines = [...renderHistoryLines(ENTRIES, { colour: false, width: 400 })];

    // Assess
    expect(lines).toEqual([
      'AT                    APP                 OUTCOME  KPU     REASON',
      '2026-11-27T10:00:00Z  run a1b2c3d4        -        -       8 rows: 1 scaled, 5 unchanged, 1 skipped, 1 invalid (table msf-scaler-schedules)',
      '2026-11-27T10:00:00Z  orders-enricher     scaled   1 -> 4  up for the window; operation op-1',
      '2026-11-27T10:00:00Z  inventory-sync      skipped  3       application is READY',
      '2026-11-27T10:00:00Z  fake\\nrow\\u001b[2J  invalid  -       lowKPU 6\\nis above highKPU 2',
    ]);
  });

  it('fits every line to the width, cutting the reason', () => {
    // Prepare
    const long = [aRowEntry('orders', { reason: 'x'.repeat(500) })];

    // Act
    const lines = [...renderHistoryLines(long, { colour: false, width: 80 })];

    // Assess
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[1]?.endsWith('x…')).toBe(true);
  });

  it('prints nothing for no entries', () => {
    // Act
    const lines = [...renderHistoryLines([], { colour: false, width: 80 })];

    // Assess
    expect(lines).toEqual([]);
  });

  it('colours the outcome on a terminal', () => {
    // Act
    const lines = [...renderHistoryLines([aRowEntry('a', { outcome: 'error' })], { colour: true, width: 80 })];

    // Assess
    expect(lines[1]).toContain('\u001b[31merror  \u001b[0m');
  });
});
