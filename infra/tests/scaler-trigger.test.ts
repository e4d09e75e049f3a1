import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { describeScheduleProblem, ScalerTrigger } from '../lib/scaler-trigger';
import { configErrorOf, createEmptyStack } from './helpers/stack';

// Its resources are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: ScalerTrigger', () => {
  it('refuses an invalid schedule prop', () => {
    // Prepare
    const stack = createEmptyStack();
    const props = { target: LambdaFunction.fromFunctionName(stack, 'Target', 'scaler'), schedule: 'cron(0 * * * *)' };

    // Act
    const error = configErrorOf(() => new ScalerTrigger(stack, 'ScalerTrigger', props));

    // Assess
    expect(error.message).toMatch(/schedule must have 6 fields/);
  });
});

describe('Function: describeScheduleProblem', () => {
  it.each([
    'cron(0 * * * ? *)',
    'cron(15 6 ? * MON-FRI *)',
    'cron(0/30 * * * ? *)',
    'rate(1 hour)',
    'rate(5 minutes)',
    'rate(2 days)',
  ])('accepts %s', (expression) => {
    // Prepare
    // Act
    const problem = describeScheduleProblem(expression);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each([
    ['0 * * * ? *', /must start with "cron\(" or "rate\("/],
    ['cron(0 * * * ? *', /must end with "\)"/],
    ['cron(0 * * * *)', /must have 6 fields .* got 5/],
    ['cron(0 * 1 * MON *)', /must use "\?" in day-of-month or day-of-week/],
    ['rate(1 hours)', /singular unit for 1 and a plural unit otherwise/],
    ['rate(5 minute)', /singular unit for 1 and a plural unit otherwise/],
    ['rate(0 minutes)', /with n >= 1/],
    ['rate(an hour)', /must look like "rate\(<n> minute\|minutes/],
    ['rate(3 weeks)', /must look like "rate\(<n> minute\|minutes/],
  ])('rejects %s', (expression, expected) => {
    // Prepare
    // Act
    const problem = describeScheduleProblem(expression);

    // Assess
    expect(problem).toMatch(expected);
  });
});
