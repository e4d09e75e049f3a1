import { Outcome } from '../../src/core/outcome';
import { LogField, toLogAttributes } from '../../src/observability';
import type { RowOutcome } from '../../src/run/types';

function anOutcome(overrides: Partial<RowOutcome> = {}): RowOutcome {
  return { rowId: 'orders', outcome: Outcome.UNCHANGED, reason: 'already at 4 KPU', warnings: [], ...overrides };
}

describe('Function: toLogAttributes', () => {
  it('carries the rule that decided the target under LogField.RULE, the name --json uses', () => {
    // Prepare
    const rule = 'override until 2026-12-04T18:00:00Z (launch week, by ops)';
    const outcome = anOutcome({ outcome: Outcome.SCALED, rule, currentKPU: 4, targetKPU: 16 });

    // Act
    const attributes = toLogAttributes(outcome);

    // Assess
    expect(LogField.RULE).toBe('rule');
    expect(attributes[LogField.RULE]).toBe(rule);
  });

  it('leaves the rule out when nothing was decided (an invalid row)', () => {
    // Prepare
    const outcome = anOutcome({ outcome: Outcome.INVALID, reason: 'row "x": lowKPU is missing' });

    // Act
    const attributes = toLogAttributes(outcome);

    // Assess
    expect(LogField.RULE in attributes).toBe(false);
  });
});
