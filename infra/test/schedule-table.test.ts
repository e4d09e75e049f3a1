import { Match } from 'aws-cdk-lib/assertions';
import { synthTemplate } from './helpers/stack';

describe('Construct: ScheduleTable', () => {
  it('creates an on-demand table keyed by the string appName', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'msf-scaler-schedules',
      KeySchema: [{ AttributeName: 'appName', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'appName', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      ProvisionedThroughput: Match.absent(),
      GlobalSecondaryIndexes: Match.absent(),
    });
  });

  it('protects the table: point-in-time recovery, deletion protection, retained on delete and replace', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('encrypts the table with the AWS managed key', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    // SSEEnabled without a KMSMasterKeyId is the AWS managed key aws/dynamodb.
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: Match.exact({ SSEEnabled: true }),
    });
  });

  it('names the table after the tableName prop', () => {
    // Prepare
    const props = { tableName: 'team-a-schedules' };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', { TableName: 'team-a-schedules' });
  });

  it('creates no table when importing an existing one', () => {
    // Prepare
    const props = { tableName: 'kept-schedules', importTable: true };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
  });
});
