import { parseRequiredTag } from '../../src/requiredTag';

describe('Function: parseRequiredTag', () => {
  it('splits at the first =, so the value may hold more', () => {
    // Prepare
    // Act
    const tag = parseRequiredTag('k=a=b');

    // Assess
    expect(tag).toStrictEqual({ key: 'k', value: 'a=b' });
  });
});

describe('Function: parseRequiredTag without =', () => {
  it('is undefined, so callers can say how to write it', () => {
    // Act & Assess
    expect(parseRequiredTag('managed')).toBeUndefined();
  });
});
