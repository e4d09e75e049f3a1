import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ScalerStack, type ScalerStackProps } from '../../lib/scaler-stack';

/** The `context` of `infra/cdk.json` (feature flags), so tests synthesize as `cdk synth` does. */
export const CDK_JSON_CONTEXT: Readonly<Record<string, unknown>> = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** Options of {@link createTestApp}. */
export interface TestAppOptions {
  /** Extra CDK context, as `-c key=value` would give it. @default none */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Register `AwsSolutionsChecks` as `bin/app.ts` does (synth then throws on findings). @default false */
  readonly nag?: boolean;
}

/**
 * An App like the CLI's (the `cdk.json` context) whose stacks are not bundled: the stub
 * bundler. `aws:cdk:bundling-stacks: []` makes the Lambda asset a placeholder, so tests run
 * in a second and need neither esbuild nor the handler's dependencies.
 */
export function createTestApp(options: TestAppOptions = {}): App {
  const app = new App({
    context: { ...CDK_JSON_CONTEXT, ...options.context, 'aws:cdk:bundling-stacks': [] },
  });
  if (options.nag === true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return app;
}

/** A {@link ScalerStack} with `props`, in a {@link createTestApp} app. */
export function createTestStack(props: ScalerStackProps = {}, options: TestAppOptions = {}): ScalerStack {
  return new ScalerStack(createTestApp(options), 'TestStack', props);
}

const templates = new Map<string, Template>();

/**
 * The synthesized template of a {@link createTestStack} stack. Templates are cached by props
 * (a synth takes about half a second, most of it CloudFormation validation); assertions only
 * read them.
 */
export function synthTemplate(props: ScalerStackProps = {}): Template {
  const key = JSON.stringify(props);
  let template = templates.get(key);
  if (template === undefined) {
    template = Template.fromStack(createTestStack(props));
    templates.set(key, template);
  }
  return template;
}

/** The logical ID of the one resource of `type` in `template`; throws unless exactly one exists. */
export function logicalIdOf(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new Error(`expected exactly one ${type}, found ${ids.length}: ${ids.join(', ')}`);
  }
  return ids[0];
}

/** The logical ID of the scaler's own permissions policy (the role also has CDK's default policy). */
export function permissionsPolicyId(template: Template): string {
  const ids = Object.keys(template.findResources('AWS::IAM::Policy')).filter((id) => id.includes('Permissions'));
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new Error(`expected exactly one permissions policy, found ${ids.length}: ${ids.join(', ')}`);
  }
  return ids[0];
}

/** `Fn::GetAtt` of the one resource of `type`. */
export function getAtt(template: Template, type: string, attribute: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalIdOf(template, type), attribute] };
}

/** `Ref` of the one resource of `type`. */
export function ref(template: Template, type: string): { Ref: string } {
  return { Ref: logicalIdOf(template, type) };
}
