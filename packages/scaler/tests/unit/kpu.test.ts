import fc from 'fast-check';
import { kpuFor, parallelismFor } from '../../src/core/kpu';

describe('Function: kpuFor', () => {
  it.each([
    [1, 1, 1],
    [4, 1, 4],
    [5, 2, 3],
    [8, 2, 4],
    [1, 8, 1],
    [9, 8, 2],
  ])('bills %i tasks at %i per KPU as %i KPU', (parallelism, perKPU, expected) => {
    // Act
    const kpu = kpuFor(parallelism, perKPU);

    // Assess
    expect(kpu).toBe(expected);
  });

  it('gives back the KPU that parallelismFor was asked for, for every tasks-per-KPU value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 8 }), (kpu, perKPU) => {
        // Act
        const roundTrip = kpuFor(parallelismFor(kpu, perKPU), perKPU);

        // Assess
        expect(roundTrip).toBe(kpu);
      }),
    );
  });
});
