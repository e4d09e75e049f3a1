import { existsSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SCALER_ENTRY, SCALER_RUNTIME, scalerBundlingOptions } from '../lib/scaler-function';
import { getAtt, permissionsPolicyId, ref, synthTemplate } from './helpers/stack';

describe('Construct: ScalerFunction', () => {
  it('runs the handler on Node.js 22, ARM, 512 MB, 5 minutes, one execution at a time', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 300,
      ReservedConcurrentExecutions: 1,
      Role: getAtt(template, 'AWS::IAM::Role', 'Arn'),
    });
  });

  it('sets exactly the environment the scaler reads', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.exact({
          SCHEDULE_TABLE: ref(template, 'AWS::DynamoDB::Table'),
          POWERTOOLS_SERVICE_NAME: 'msf-scheduled-scaler',
          POWERTOOLS_METRICS_NAMESPACE: 'MsfScheduledScaler',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
  });

  it('logs to its own log group, kept for 3 months and deleted with the stack', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 90 },
      DeletionPolicy: 'Delete',
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: ref(template, 'AWS::Logs::LogGroup') },
    });
  });

  it('retries a failed run twice, drops events older than 30 minutes and sends lost runs to the dead-letter queue', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(template, 'AWS::Lambda::Function'),
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 1800,
      DestinationConfig: { OnFailure: { Destination: getAtt(template, 'AWS::SQS::Queue', 'Arn') } },
    });
  });

  it('may send to the dead-letter queue and nothing else beyond its permissions policy', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess: the Lambda destination's own grant, on the one queue, no wildcard action
    template.resourceCountIs('AWS::IAM::Policy', 2);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
            Resource: getAtt(template, 'AWS::SQS::Queue', 'Arn'),
          },
        ],
      }),
      Roles: [ref(template, 'AWS::IAM::Role')],
    });
  });

  it('is created after its permissions policy', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResource('AWS::Lambda::Function', {
      DependsOn: Match.arrayWith([permissionsPolicyId(template)]),
    });
  });

  it('bundles minified CommonJS for node22 with source maps, the AWS SDK included, never in Docker', () => {
    // Prepare
    // Act
    const options = scalerBundlingOptions;

    // Assess
    expect(options).toStrictEqual({
      forceDockerBundling: false,
      minify: true,
      sourceMap: true,
      target: 'node22',
      format: OutputFormat.CJS,
      mainFields: ['module', 'main'],
      externalModules: [],
    });
    expect(SCALER_RUNTIME.name).toBe(`nodejs${options.target?.replace('node', '')}.x`);
  });

  it('points at the scaler handler in the workspace', () => {
    // Prepare
    // Act
    const exists = existsSync(SCALER_ENTRY);

    // Assess
    expect(SCALER_ENTRY.endsWith('packages/scaler/src/handler.ts')).toBe(true);
    expect(exists).toBe(true);
  });
});
