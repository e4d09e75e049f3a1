import { describeTableNameProblem, ScheduleTable } from '../lib/schedule-table';
import { configErrorOf, createEmptyStack } from './helpers/stack';

// Its resources are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: ScheduleTable', () => {
  it.each([false, true])('refuses a table name DynamoDB would refuse (importTable %s)', (importTable) => {
    // Prepare
    const props = { tableName: 'my table', importTable };

    // Act
    const error = configErrorOf(() => new ScheduleTable(createEmptyStack(), 'ScheduleTable', props));

    // Assess
    expect(error.message).toMatch(/tableName must be 3-255 characters .*got "my table"/);
  });
});

describe('Function: describeTableNameProblem', () => {
  it('accepts the default name and rejects a 2-character one', () => {
    // Prepare
    // Act
    const problems = [describeTableNameProblem('msf-scaler-schedules'), describeTableNameProblem('ab')];

    // Assess
    expect(problems).toStrictEqual([undefined, expect.stringMatching(/^must be 3-255 characters/)]);
  });

  it('rejects a space', () => {
    // Prepare
    // Act
    const problem = describeTableNameProblem('my table');

    // Assess
    expect(problem).toBe('must be 3-255 characters of a-z A-Z 0-9 _ . -, got "my table"');
  });
});
