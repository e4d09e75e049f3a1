import fc from 'fast-check';
import { evaluateSchedule } from '../../src/core/evaluateSchedule';
import { FC_SEED, hoursOf, oracleEvaluate, scheduleCase } from './scheduleArbitraries';

/** Each run checks every hour of two weeks, so a modest number of runs covers a lot. */
const FC_OPTIONS = { seed: FC_SEED, numRuns: 80 };

describe('Function: evaluateSchedule (oracle)', () => {
  it('agrees with a brute-force evaluation at every hour of two weeks, in UTC and across DST changes', () => {
    fc.assert(
      fc.property(scheduleCase(), ({ row, calendars, range }) => {
        // Act
        const disagreements = hoursOf(range).flatMap((at) => {
          const evaluation = evaluateSchedule(row, calendars, new Date(at));
          const expected = oracleEvaluate(row, calendars, at);
          const agrees =
            evaluation.targetKPU === expected.targetKPU &&
            evaluation.decidedBy.kind === expected.kind &&
            (evaluation.decidedBy.kind !== 'override' || evaluation.decidedBy.index === expected.overrideIndex);
          return agrees ? [] : [{ at: new Date(at).toISOString(), core: evaluation.rule, evaluation, expected }];
        });

        // Assess: one expect per run (jest's expect is slow), listing every hour that disagrees.
        expect(disagreements).toEqual([]);
      }),
      FC_OPTIONS,
    );
  });
});
