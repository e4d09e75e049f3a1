import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ScalerConfigError } from '../../lib/errors';
import { ScalerStack, type ScalerStackProps } from '../../lib/scaler-stack';

/** The `context` of `infra/cdk.json` (feature flags), so tests synthesize as `cdk synth` does. */
const CDK_JSON_CONTEXT: Readonly<Record<string, unknown>> = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** Options of {@link createTestApp}. */
interface TestAppOptions {
  /** Extra CDK context, as `-c key=value` would give it. @default none */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Register `AwsSolutionsChecks` as `bin/app.ts` does (synth then throws on findings). @default false */
  readonly nag?: boolean;
}

// Every app of a test file writes its cloud assembly under one temporary folder, removed when
// the file is done: an App without `outdir` would create a `cdk.out*` folder in the system
// temporary directory for each app, even one that never synthesizes, and leave it there.
let outdirRoot: string | undefined;
let appCount = 0;

function nextOutdir(): string {
  outdirRoot ??= mkdtempSync(path.join(tmpdir(), 'msf-scaler-infra-test-'));
  appCount += 1;
  return path.join(outdirRoot, `app-${appCount}`);
}

afterAll(() => {
  if (outdirRoot !== undefined) {
    rmSync(outdirRoot, { recursive: true, force: true });
    outdirRoot = undefined;
  }
});

/**
 * An App like the CLI's (the `cdk.json` context) whose stacks are not bundled: the stub
 * bundler. `aws:cdk:bundling-stacks: []` makes the Lambda asset a placeholder, so tests run
 * in a second and need neither esbuild nor the handler's dependencies.
 */
function createTestApp(options: TestAppOptions = {}): App {
  const app = new App({
    context: { ...CDK_JSON_CONTEXT, ...options.context, 'aws:cdk:bundling-stacks': [] },
    outdir: nextOutdir(),
  });
  if (options.nag === true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return app;
}

/** An empty stack in a {@link createTestApp} app, to build one construct in. */
function createEmptyStack(): Stack {
  return new Stack(createTestApp(), 'TestStack');
}

/** A {@link ScalerStack} with `props`, in a {@link createTestApp} app; nothing is synthesized. */
function createTestStack(props: ScalerStackProps = {}, options: TestAppOptions = {}): ScalerStack {
  return new ScalerStack(createTestApp(options), 'TestStack', props);
}

/** The {@link ScalerConfigError} `build` throws; anything else it throws is rethrown, and throwing nothing fails. */
function configErrorOf(build: () => unknown): ScalerConfigError {
  try {
    build();
  } catch (error) {
    if (error instanceof ScalerConfigError) return error;
    throw error;
  }
  throw new Error('expected a ScalerConfigError, but nothing was thrown');
}

/** A synthesized {@link createTestStack} stack: its app (for cdk-nag) and its template. */
interface SynthesizedStack {
  readonly app: App;
  readonly template: Template;
}

const synthesized = new Map<string, SynthesizedStack>();

/**
 * The {@link createTestStack} stack with `props`, synthesized once per test file and props
 * (the first synth of a file also starts CloudFormation validation, about 2 s; a further one
 * takes a tenth of that); assertions only read it.
 */
function synthStack(props: ScalerStackProps = {}): SynthesizedStack {
  const key = JSON.stringify(props);
  let stack = synthesized.get(key);
  if (stack === undefined) {
    const created = createTestStack(props);
    stack = { app: created.node.root as App, template: Template.fromStack(created) };
    synthesized.set(key, stack);
  }
  return stack;
}

/** The template of {@link synthStack}. */
function synthTemplate(props: ScalerStackProps = {}): Template {
  return synthStack(props).template;
}

/** The logical ID of the one resource of `type` in `template`; throws unless exactly one exists. */
function logicalIdOf(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new Error(`expected exactly one ${type}, found ${ids.length}: ${ids.join(', ')}`);
  }
  return ids[0];
}

/** The construct IDs of the stack's two tables. */
type TableConstruct = 'ScheduleTable' | 'HistoryTable';

/** The logical ID of the table the stack's construct `construct` created; throws unless exactly one. */
function tableIdOf(template: Template, construct: TableConstruct): string {
  const ids = Object.keys(template.findResources('AWS::DynamoDB::Table')).filter((id) => id.startsWith(construct));
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new Error(`expected exactly one ${construct} table, found ${ids.length}: ${ids.join(', ')}`);
  }
  return ids[0];
}

/** `Ref` (the name) of the table of `construct`. */
function tableRef(template: Template, construct: TableConstruct): { Ref: string } {
  return { Ref: tableIdOf(template, construct) };
}

/** `Fn::GetAtt` of the ARN of the table of `construct`. */
function tableArn(template: Template, construct: TableConstruct): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [tableIdOf(template, construct), 'Arn'] };
}

/** The logical ID of the scaler's own permissions policy (the role also has CDK's default policy). */
function permissionsPolicyId(template: Template): string {
  const ids = Object.keys(template.findResources('AWS::IAM::Policy')).filter((id) => id.includes('Permissions'));
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new Error(`expected exactly one permissions policy, found ${ids.length}: ${ids.join(', ')}`);
  }
  return ids[0];
}

/** `Fn::GetAtt` of the one resource of `type`. */
function getAtt(template: Template, type: string, attribute: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalIdOf(template, type), attribute] };
}

/** `Ref` of the one resource of `type`. */
function ref(template: Template, type: string): { Ref: string } {
  return { Ref: logicalIdOf(template, type) };
}

export type { SynthesizedStack, TableConstruct, TestAppOptions };
export {
  CDK_JSON_CONTEXT,
  configErrorOf,
  createEmptyStack,
  createTestApp,
  createTestStack,
  getAtt,
  logicalIdOf,
  permissionsPolicyId,
  ref,
  synthStack,
  synthTemplate,
  tableArn,
  tableIdOf,
  tableRef,
};
