import { levenshtein, ROW_ATTRIBUTES, suggest } from '../../src/index';

describe('Function: levenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
    ['Case', 'case', 1],
  ])('returns the distance between %p and %p', (a, b, distance) => {
    // Act
    const result = levenshtein(a, b);

    // Assess
    expect(result).toBe(distance);
  });
});

describe('Function: suggest', () => {
  it('returns a case-insensitive exact match before any closer-looking one', () => {
    // Act
    const result = suggest('LOWKPU', ROW_ATTRIBUTES);

    // Assess
    expect(result).toBe('lowKPU');
  });

  it('returns the closest candidate within the distance', () => {
    // Act
    const result = suggest('scaleUpHr', ROW_ATTRIBUTES);

    // Assess
    expect(result).toBe('scaleUpHour');
  });

  it('returns undefined when nothing is within the distance', () => {
    // Act
    const result = suggest('owner', ROW_ATTRIBUTES);

    // Assess
    expect(result).toBeUndefined();
  });

  it('returns the earlier candidate on a tie', () => {
    // Act
    const result = suggest('ab', ['aa', 'bb']);

    // Assess
    expect(result).toBe('aa');
  });

  it('returns undefined when the distance limit is lowered', () => {
    // Act
    const result = suggest('scaleUpHr', ROW_ATTRIBUTES, 1);

    // Assess
    expect(result).toBeUndefined();
  });
});
