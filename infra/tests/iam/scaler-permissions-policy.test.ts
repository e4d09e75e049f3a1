import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { describeAppNamePrefixProblem, ScalerPermissionsPolicy } from '../../lib/iam/scaler-permissions-policy';
import { configErrorOf, createEmptyStack } from '../helpers/stack';

// Its statements are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: ScalerPermissionsPolicy', () => {
  it('refuses a prefix that would widen the grant', () => {
    // Prepare
    const stack = createEmptyStack();
    const props = {
      table: Table.fromTableName(stack, 'Table', 'schedules'),
      logGroup: LogGroup.fromLogGroupName(stack, 'LogGroup', 'scaler'),
      appNamePrefix: 'orders*',
    };

    // Act
    const error = configErrorOf(() => new ScalerPermissionsPolicy(stack, 'Permissions', props));

    // Assess
    expect(error.message).toMatch(/appNamePrefix must be 1-128 characters of a-z A-Z 0-9 _ \. - .*got "orders\*"/);
  });
});

describe('Function: describeAppNamePrefixProblem', () => {
  it.each(['orders-', 'team_a.', 'A', 'x'.repeat(128)])('accepts %s', (prefix) => {
    // Prepare
    // Act
    const problem = describeAppNamePrefixProblem(prefix);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each(['*', 'orders-*', 'a/b', 'a b', 'x'.repeat(129), ''])('rejects "%s"', (prefix) => {
    // Prepare
    // Act
    const problem = describeAppNamePrefixProblem(prefix);

    // Assess
    expect(problem).toMatch(/^must be 1-128 characters of a-z A-Z 0-9 _ \. -/);
  });
});
