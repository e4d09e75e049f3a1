import { toHistoryItem } from '../../src/adapters/historyTable';
import { OUTCOMES, type Outcome } from '../../src/core/outcome';
import { describeHistoryFailure, HistoryLimits, historyEntries, isRecorded, newRunId } from '../../src/run/history';
import type { RowOutcome, RunSummary } from '../../src/run/types';

const AT = '2026-11-27T10:00:00.000Z';

function anOutcome(rowId: string, outcome: Outcome, overrides: Partial<RowOutcome> = {}): RowOutcome {
  return { rowId, outcome, reason: `${rowId} ${outcome}`, warnings: [], ...overrides };
}

function aSummary(outcomes: readonly RowOutcome[], dryRun = false): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return {
    table: 'msf-scaler-schedules',
    at: AT,
    dryRun,
    calendars: [],
    total: outcomes.length,
    counts,
    peakConcurrency: 1,
    outcomes,
  };
}

/** One outcome of every kind the run can end a row with, the two kinds of skip apart. */
const EVERY_KIND: readonly RowOutcome[] = [
  anOutcome('scaled', 'scaled', {
    status: 'RUNNING',
    currentKPU: 1,
    targetKPU: 4,
    rule: 'window 08:00-20:00 UTC every day',
    operationId: 'op-1',
    peak: true,
    localTime: '2026-11-27 10:00',
    parallelism: 1,
    warnings: ['unknown attribute "x" is ignored'],
  }),
  anOutcome('unchanged', 'unchanged', { status: 'RUNNING', currentKPU: 4, targetKPU: 4 }),
  anOutcome('not-running', 'skipped', { status: 'READY', currentKPU: 1, targetKPU: 4 }),
  anOutcome('disabled', 'skipped'),
  anOutcome('busy', 'busy', { status: 'UPDATING', errorCode: 'ResourceInUseException' }),
  anOutcome('row #6', 'invalid'),
  anOutcome('gone', 'error', { errorCode: 'ResourceNotFoundException' }),
  anOutcome('late', 'deferred'),
];

describe('Function: isRecorded', () => {
  it('records scaled, busy, error, invalid and a skip of an application that is not running, and nothing else', () => {
    // Act
    const recorded = EVERY_KIND.filter(isRecorded).map(({ rowId }) => rowId);

    // Assess
    expect(recorded).toEqual(['scaled', 'not-running', 'busy', 'row #6', 'gone']);
  });
});

describe('Function: historyEntries', () => {
  it("puts the run entry first, with the run's counts and the rows it recorded, then one entry per recorded row", () => {
    // Act
    const [run, ...rows] = historyEntries(aSummary(EVERY_KIND), 'a1b2c3d4');

    // Assess
    expect(run).toEqual({
      kind: 'run',
      at: AT,
      runId: 'a1b2c3d4',
      table: 'msf-scaler-schedules',
      total: 8,
      counts: { scaled: 1, unchanged: 1, skipped: 2, busy: 1, invalid: 1, error: 1, deferred: 1 },
      rows: [
        { rowId: 'scaled', outcome: 'scaled' },
        { rowId: 'not-running', outcome: 'skipped' },
        { rowId: 'busy', outcome: 'busy' },
        { rowId: 'row #6', outcome: 'invalid' },
        { rowId: 'gone', outcome: 'error' },
      ],
      rowsNotListed: 0,
    });
    expect(rows.map((entry) => (entry.kind === 'row' ? entry.rowId : entry.kind))).toEqual([
      'scaled',
      'not-running',
      'busy',
      'row #6',
      'gone',
    ]);
  });

  it('keeps the outcome, its reason and the figures, and leaves out what the audit does not need', () => {
    // Act
    const [, scaled] = historyEntries(aSummary(EVERY_KIND), 'a1b2c3d4');

    // Assess
    expect(scaled).toEqual({
      kind: 'row',
      rowId: 'scaled',
      at: AT,
      runId: 'a1b2c3d4',
      outcome: 'scaled',
      reason: 'scaled scaled',
      status: 'RUNNING',
      rule: 'window 08:00-20:00 UTC every day',
      currentKPU: 1,
      targetKPU: 4,
      operationId: 'op-1',
    });
  });

  it('records nothing for a dry run', () => {
    // Act
    const entries = historyEntries(aSummary(EVERY_KIND, true), 'a1b2c3d4');

    // Assess
    expect(entries).toEqual([]);
  });

  it('cuts a long reason, so an item stays far below 400 KB', () => {
    // Prepare
    const summary = aSummary([anOutcome('huge', 'invalid', { reason: 'x'.repeat(500_000), rule: 'r'.repeat(10_000) })]);

    // Act
    const [, entry] = historyEntries(summary, 'a1b2c3d4');

    // Assess
    expect(entry?.kind === 'row' && entry.reason).toHaveLength(HistoryLimits.REASON);
    expect(entry?.kind === 'row' && entry.reason.endsWith('…')).toBe(true);
    expect(entry?.kind === 'row' && entry.rule).toHaveLength(HistoryLimits.FIGURE);
    expect(JSON.stringify(entry === undefined ? {} : toHistoryItem(entry, 0)).length).toBeLessThan(10_000);
  });

  it('names at most 100 rows in the run entry and counts the rest', () => {
    // Prepare
    const summary = aSummary(Array.from({ length: 130 }, (_, index) => anOutcome(`app-${index}`, 'error')));

    // Act
    const entries = historyEntries(summary, 'a1b2c3d4');

    // Assess
    const [run] = entries;
    expect(entries).toHaveLength(131);
    expect(run?.kind === 'run' && run.rows).toHaveLength(100);
    expect(run?.kind === 'run' && run.rowsNotListed).toBe(30);
  });
});

describe('Function: newRunId', () => {
  it('makes 8 hex characters, different each time', () => {
    // Act
    const ids = [newRunId(), newRunId()];

    // Assess
    expect(ids[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('Function: describeHistoryFailure', () => {
  it('says how many entries are missing, where, why, and that no outcome changed', () => {
    // Act
    const text = describeHistoryFailure({ table: 'h', written: 1, failed: 2, problem: 'ResourceNotFoundException: …' });

    // Assess
    expect(text).toBe(
      'history not recorded: 2 of 3 entries were not written to history table "h": ResourceNotFoundException: …; every row kept its outcome',
    );
  });
});
