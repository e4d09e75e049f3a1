import fc from 'fast-check';
import { detach } from '../../src/detach';

describe('Function: detach', () => {
  it('returns the same text', () => {
    // Assess
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(detach(text)).toBe(text);
      }),
    );
  });
});
