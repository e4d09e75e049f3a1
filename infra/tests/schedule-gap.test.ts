import { longestRunGap } from '../lib/schedule-gap';

describe('Function: longestRunGap', () => {
  it.each([
    ['rate(1 minute)', 1],
    ['rate(45 minutes)', 45],
    ['rate(1 hour)', 60],
    ['rate(2 days)', 2880],
    ['cron(0 * * * ? *)', 60],
    ['cron(0/15 * * * ? *)', 15],
    ['cron(30 */2 * * ? *)', 120],
    ['cron(0 1/6 * * ? *)', 360],
    ['cron(0 0-23/6 * * ? *)', 360],
    ['cron(0 8 * * ? *)', 1440],
    ['cron(0 8,20 * * ? *)', 720],
    ['cron(0 6,9 * * ? *)', 1260],
    ['cron(0 8-17 * * ? *)', 900],
    ['cron(0/15 8 * * ? *)', 1395],
    ['cron(0 * ? * 1-7 *)', 60],
    ['cron(0 * ? * SUN,MON,TUE,WED,THU,FRI,SAT *)', 60],
    ['cron(0 * 1-31 * ? *)', 60],
    ['cron(0 * * JAN-DEC ? *)', 60],
  ])('reads %s as runs at most %s minutes apart', (expression, minutes) => {
    // Prepare
    // Act
    const gap = longestRunGap(expression);

    // Assess
    expect(gap).toStrictEqual({ kind: 'minutes', minutes });
  });

  it.each([
    'cron(0 * ? * MON-FRI *)',
    'cron(15 6 ? * mon-fri *)',
    'cron(0 8 1 * ? *)',
    'cron(0 * 1-30 * ? *)',
    'cron(0 * * 1-6 ? *)',
    'cron(0 * L 3 ? *)',
  ])('reads %s as skipping whole days', (expression) => {
    // Prepare
    // Act
    const gap = longestRunGap(expression);

    // Assess
    expect(gap).toStrictEqual({ kind: 'skipsDays' });
  });

  it.each([
    'cron(0 8 L * ? *)',
    'cron(0 8 15W * ? *)',
    'cron(0 8 ? * 2#1 *)',
    'cron(0 8 ? * 6L *)',
    'cron(0 8 * * ? 2030)',
    'cron(0 8-XX * * ? *)',
    'cron(0 20-8 * * ? *)',
    'cron(0 24 * * ? *)',
    'cron(0 8 * * ?)',
    'every hour',
  ])('cannot tell the gap of %s', (expression) => {
    // Prepare
    // Act
    const gap = longestRunGap(expression);

    // Assess
    expect(gap).toBeUndefined();
  });
});
