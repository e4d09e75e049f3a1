import { UnreadableValue } from '@msf-scaler/schema';
import fc from 'fast-check';
import { Outcome } from '../../src/core/outcome';
import { toLogAttributes } from '../../src/observability';
import { compactSummary } from '../../src/output/compactSummary';
import { jsonChunks, toJson } from '../../src/output/json';
import { escapeControl, truncateTo } from '../../src/output/text';
import type { RowOutcome, RunSummary } from '../../src/run/types';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the assertion looks for raw control characters.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

function aSummary(outcomes: readonly RowOutcome[]): RunSummary {
  const counts = Object.fromEntries(Object.values(Outcome).map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return {
    table: 't',
    at: '2026-11-27T10:00:00.000Z',
    dryRun: false,
    calendars: [],
    total: outcomes.length,
    peakConcurrency: 1,
    counts,
    outcomes,
  };
}

function anOutcome(overrides: Partial<RowOutcome> = {}): RowOutcome {
  return { rowId: 'orders', outcome: Outcome.UNCHANGED, reason: 'already at 2 KPU', warnings: [], ...overrides };
}

describe('Function: escapeControl', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r\tb', 'a\\r\\tb'],
    ['\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['\u0007bell', '\\u0007bell'],
    ['\u009bcsi', '\\u009bcsi'],
    ['evil\u202eright-to-left', 'evil\\u202eright-to-left'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['plain orders-enricher_1.2', 'plain orders-enricher_1.2'],
    ['ümlaut ✓', 'ümlaut ✓'],
  ])('shows %j as %j', (text, expected) => {
    // Act & Assess
    expect(escapeControl(text)).toBe(expected);
  });

  it('leaves no raw control character in any text', () => {
    // Assess
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeControl(text)).not.toMatch(RAW_CONTROL);
      }),
    );
  });
});

describe('Function: truncateTo', () => {
  it('cuts with … only when needed', () => {
    // Assess
    expect(truncateTo('orders-enricher', 8)).toBe('orders-…');
    expect(truncateTo('orders', 8)).toBe('orders');
    expect(truncateTo('orders', 0)).toBe('');
  });
});

describe('Function: toJson', () => {
  it('serializes every value a table can hold, out-of-range numbers as strings', () => {
    // Prepare
    const value = {
      big: 99999999999999999999n,
      unreadable: new UnreadableValue('123456789012345678901.5', 'a number with more digits than can be held exactly'),
      days: new Set(['MON', 'TUE']),
      map: new Map([['k', 1]]),
      binary: new Uint8Array([1, 2, 3]),
    };

    // Act
    const parsed = JSON.parse(toJson(value));

    // Assess
    expect(parsed).toEqual({
      big: '99999999999999999999',
      unreadable: '123456789012345678901.5',
      days: ['MON', 'TUE'],
      map: { k: 1 },
      binary: 'AQID',
    });
  });
});

describe('Function: jsonChunks', () => {
  function written(value: object, chunkSizes?: number[]): string {
    let text = '';
    for (const chunk of jsonChunks(value, 'outcomes')) {
      chunkSizes?.push(chunk.length);
      text += chunk;
    }
    return text;
  }

  it('writes exactly what toJson(value, 2) would, whatever the value', () => {
    // Assess
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.jsonValue(), { maxLength: 20 }),
        (rest, outcomes) => {
          const value = { ...rest, outcomes };
          expect(written(value)).toBe(toJson(value, 2));
        },
      ),
    );
  });

  it('writes a large summary in chunks, never as one string', () => {
    // Prepare
    const summary = aSummary(Array.from({ length: 5_000 }, (_, index) => anOutcome({ rowId: `app-${index}` })));
    const chunks: number[] = [];

    // Act
    const text = written(summary, chunks);

    // Assess
    expect(text).toBe(toJson(summary, 2));
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...chunks)).toBeLessThan(70 * 1024);
  });
});

describe('Function: compactSummary', () => {
  it('stays a few KB for 10,000 failing rows: counts, the first 50 rows, and how many more', () => {
    // Prepare
    const outcomes = Array.from({ length: 10_000 }, (_, index) =>
      anOutcome({
        rowId: `app-${index}`,
        outcome: Outcome.ERROR,
        reason: 'e'.repeat(2_000),
        errorCode: 'AccessDenied',
      }),
    );

    // Act
    const result = compactSummary(aSummary([anOutcome(), ...outcomes]));

    // Assess
    expect(result.total).toBe(10_001);
    expect(result.counts.error).toBe(10_000);
    expect(result.attention).toHaveLength(50);
    expect(result.attention[0]).toMatchObject({ rowId: 'app-0', outcome: 'error', errorCode: 'AccessDenied' });
    expect(result.attentionNotListed).toBe(9_950);
    expect(JSON.stringify(result).length).toBeLessThan(32 * 1024);
  });
});

describe('Function: toLogAttributes', () => {
  it('keeps a log line well under 16 KB whatever the item held', () => {
    // Prepare
    const outcome = anOutcome({
      outcome: Outcome.INVALID,
      reason: 'row "orders": timezone "xxxx…" is not an IANA time zone',
      issues: [{ rowId: 'orders', attribute: 'timezone', value: 'x'.repeat(400_000), rule: 'r', message: 'm' }],
      warnings: Array.from({ length: 2_000 }, (_, index) => `unknown attribute "a${index}" is ignored`),
    });

    // Act
    const attributes = toLogAttributes(outcome);

    // Assess
    expect(JSON.stringify(attributes).length).toBeLessThan(16 * 1024);
    expect(attributes.warningsNotLogged).toBe(1_990);
    expect(attributes.issues).toEqual([{ attribute: 'timezone', rule: 'r', message: 'm' }]);
  });
});
