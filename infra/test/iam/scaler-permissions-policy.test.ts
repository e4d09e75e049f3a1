import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ScalerConfigError } from '../../lib/errors';
import { createTestStack, getAtt, ref, synthTemplate } from '../helpers/stack';

/** The ARN pattern of MSF applications in the stack's account and region. */
const applicationArn = (resourceName: string): Record<string, unknown> => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':kinesisanalytics:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:application/${resourceName}`,
    ],
  ],
});

/** The exact statements the scaler role gets, with `table` as the Scan resource. */
const expectedStatements = (template: Template, applications: unknown, table: unknown): unknown[] => [
  {
    Sid: 'ScaleMsfApplications',
    Effect: 'Allow',
    Action: ['kinesisanalytics:DescribeApplication', 'kinesisanalytics:UpdateApplication'],
    Resource: applications,
  },
  { Sid: 'ReadSchedules', Effect: 'Allow', Action: 'dynamodb:Scan', Resource: table },
  {
    Sid: 'WriteOwnLogs',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: getAtt(template, 'AWS::Logs::LogGroup', 'Arn'),
  },
];

describe('Construct: ScalerPermissionsPolicy', () => {
  it('grants exactly Describe/UpdateApplication on every application, Scan on the table and writes to its log group', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    // Two policies: this one, and the SQS send grant of the on-failure destination.
    template.resourceCountIs('AWS::IAM::Policy', 2);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: expectedStatements(template, applicationArn('*'), getAtt(template, 'AWS::DynamoDB::Table', 'Arn')),
      }),
      Roles: [ref(template, 'AWS::IAM::Role')],
    });
  });

  it('grants the MSF actions only on applications named with appNamePrefix', () => {
    // Prepare
    const props = { appNamePrefix: 'orders-' };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: expectedStatements(
          template,
          applicationArn('orders-*'),
          getAtt(template, 'AWS::DynamoDB::Table', 'Arn'),
        ),
      }),
    });
  });

  it('grants Scan on the imported table by its ARN', () => {
    // Prepare
    const props = { tableName: 'kept-schedules', importTable: true };

    // Act
    const template = synthTemplate(props);

    // Assess
    const importedTableArn = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':dynamodb:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':table/kept-schedules',
        ],
      ],
    };
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: expectedStatements(template, applicationArn('*'), importedTableArn),
      }),
    });
  });

  it('gives the Lambda role no managed policy and no other policy', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
      }),
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
  });

  it('refuses a prefix that would widen the grant', () => {
    // Prepare
    const props = { appNamePrefix: 'orders*' };

    // Act
    const act = (): unknown => createTestStack(props);

    // Assess
    expect(act).toThrow(ScalerConfigError);
    expect(act).toThrow(/appNamePrefix must be 1-128 characters of a-z A-Z 0-9 _ \. - .*got "orders\*"/);
  });
});
