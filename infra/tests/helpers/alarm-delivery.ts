/**
 * Can every alarm of a synthesized template reach the SNS topics it notifies? For each action
 * of each `AWS::CloudWatch::Alarm` (AlarmActions, OKActions, InsufficientDataActions) this
 * follows the action to its `AWS::SNS::Topic`, evaluates the topic's `AWS::SNS::TopicPolicy`
 * statements for CloudWatch's `sns:Publish`, and, when the topic is encrypted, follows its
 * `KmsMasterKeyId` to the `AWS::KMS::Key` and evaluates the key policy for CloudWatch's
 * `kms:Decrypt` and `kms:GenerateDataKey`.
 *
 * The request evaluated is the one CloudWatch makes for an alarm of the stack: principal
 * service `cloudwatch.amazonaws.com`, over TLS (`aws:SecureTransport` true), with
 * `aws:SourceAccount` the stack's account and `aws:SourceArn` the alarm's ARN. An action is
 * delivered when an Allow statement applies to that request and no Deny does, as IAM decides
 * for a resource policy. Each Allow that counts must also be limited to the stack's own
 * alarms: it names both `aws:SourceAccount` and `aws:SourceArn`, and does not apply to the same
 * request from another account or from another region (confused-deputy protection).
 *
 * Pseudo parameters stand for {@link SampleDeployment}; `Ref` and `Fn::GetAtt` of the
 * template's resources become ARNs and names made from their logical IDs. A condition operator
 * or a value it cannot evaluate makes an Allow not count and a Deny count, so the walker errs on
 * the side of reporting.
 */

/** Where the template is assumed to be deployed: what `AWS::AccountId` & co. stand for. */
interface Deployment {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

/** The deployment the walker assumes unless told otherwise. */
const SampleDeployment = { account: '123456789012', region: 'eu-central-1', partition: 'aws' } as const;

/** Someone else's alarm, which must not get the grants: another account in another region. */
const ForeignDeployment = { account: '999988887777', region: 'ap-southeast-2' } as const;

/** The service principal that publishes alarm notifications. */
const CLOUDWATCH_SERVICE = 'cloudwatch.amazonaws.com';

/** The alarm properties that hold actions. */
const ACTION_PROPERTIES = ['AlarmActions', 'OKActions', 'InsufficientDataActions'] as const;

/** The KMS calls SNS makes on CloudWatch's behalf to publish to an encrypted topic. */
const KMS_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;

/** The condition keys every Allow for CloudWatch must restrict. */
const REQUIRED_CONDITION_KEYS = ['aws:SourceAccount', 'aws:SourceArn'] as const;

/** The result of {@link walkAlarmDelivery}. */
interface AlarmDeliveryReport {
  /** Every action walked, as `<alarm> <property>[<i>] -> <target>`. */
  readonly actions: readonly string[];
  /** What stops delivery, one line per action and problem; empty when every action is delivered. */
  readonly problems: readonly string[];
}

/** A request to evaluate a policy for. */
interface PolicyRequest {
  readonly service: string;
  readonly action: string;
  readonly resource: string;
  /** Condition keys (lower case) and their values. */
  readonly context: ReadonlyMap<string, string>;
}

/** Whether a statement applies to a request; `unknown` when the walker cannot tell. */
type Applies = 'yes' | 'no' | 'unknown';

interface CfnResource {
  readonly Type: string;
  readonly Properties: Readonly<Record<string, unknown>>;
}

type Resources = ReadonlyMap<string, CfnResource>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): readonly unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function resourcesOf(template: unknown): Resources {
  const resources = isRecord(template) && isRecord(template.Resources) ? template.Resources : {};
  const entries: [string, CfnResource][] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (isRecord(resource) && typeof resource.Type === 'string') {
      entries.push([id, { Type: resource.Type, Properties: isRecord(resource.Properties) ? resource.Properties : {} }]);
    }
  }
  return new Map(entries);
}

/** Resolves template values to strings, for one deployment. */
class Resolver {
  public constructor(
    private readonly resources: Resources,
    private readonly deployment: Deployment,
  ) {}

  /** The ARN of a resource of this template in this deployment. */
  public arn(service: string, resource: string): string {
    const { partition, region, account } = this.deployment;
    return `arn:${partition}:${service}:${region}:${account}:${resource}`;
  }

  public alarmArn(id: string): string {
    return this.arn('cloudwatch', `alarm:${this.nameOf(id, 'AlarmName')}`);
  }

  public topicArn(id: string): string {
    return this.arn('sns', this.nameOf(id, 'TopicName'));
  }

  public keyArn(id: string): string {
    return this.arn('kms', `key/${id.toLowerCase()}`);
  }

  /** `value` as a string, or `undefined` when it is an intrinsic the walker does not know. */
  public resolve(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
    if (typeof value.Ref === 'string') return this.ref(value.Ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') {
      return this.getAtt(getAtt[0], getAtt[1]);
    }
    if (typeof getAtt === 'string' && getAtt.includes('.')) {
      const [id = '', ...attribute] = getAtt.split('.');
      return this.getAtt(id, attribute.join('.'));
    }
    const join = value['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      const parts = join[1].map((part) => this.resolve(part));
      return parts.every((part) => part !== undefined) ? parts.join(join[0]) : undefined;
    }
    const sub = value['Fn::Sub'];
    if (typeof sub === 'string') return this.sub(sub, {});
    if (Array.isArray(sub) && typeof sub[0] === 'string' && isRecord(sub[1])) return this.sub(sub[0], sub[1]);
    return undefined;
  }

  private ref(name: string): string | undefined {
    switch (name) {
      case 'AWS::AccountId':
        return this.deployment.account;
      case 'AWS::Region':
        return this.deployment.region;
      case 'AWS::Partition':
        return this.deployment.partition;
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      default:
        break;
    }
    const resource = this.resources.get(name);
    if (resource === undefined) return undefined;
    switch (resource.Type) {
      case 'AWS::SNS::Topic':
        return this.topicArn(name);
      case 'AWS::KMS::Key':
        return `key-${name.toLowerCase()}`;
      case 'AWS::CloudWatch::Alarm':
        return this.nameOf(name, 'AlarmName');
      default:
        return `ref-${name}`;
    }
  }

  private getAtt(id: string, attribute: string): string | undefined {
    const resource = this.resources.get(id);
    if (resource === undefined) return undefined;
    if (resource.Type === 'AWS::SNS::Topic' && attribute === 'TopicArn') return this.topicArn(id);
    if (resource.Type === 'AWS::SNS::Topic' && attribute === 'TopicName') return this.nameOf(id, 'TopicName');
    if (resource.Type === 'AWS::KMS::Key' && attribute === 'Arn') return this.keyArn(id);
    if (resource.Type === 'AWS::KMS::Key' && attribute === 'KeyId') return `key-${id.toLowerCase()}`;
    if (resource.Type === 'AWS::CloudWatch::Alarm' && attribute === 'Arn') return this.alarmArn(id);
    return `getatt-${id}-${attribute}`;
  }

  private sub(text: string, variables: Readonly<Record<string, unknown>>): string | undefined {
    let unresolved = false;
    const result = text.replace(/\$\{(!?)([^}]+)\}/g, (_match, literal: string, name: string) => {
      if (literal === '!') return `\${${name}}`;
      const value =
        name in variables
          ? this.resolve(variables[name])
          : name.includes('.') && !name.startsWith('AWS::')
            ? this.getAtt(name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1))
            : this.ref(name);
      if (value === undefined) unresolved = true;
      return value ?? '';
    });
    return unresolved ? undefined : result;
  }

  /** The physical name of a resource: its name property, or one CloudFormation would generate. */
  private nameOf(id: string, nameProperty: string): string {
    const named = this.resolve(this.resources.get(id)?.Properties[nameProperty]);
    return named ?? `TestStack-${id}-GENERATED`;
  }
}

/** `*` and `?` wildcards, as IAM matches them; `ignoreCase` for actions. */
function wildcardMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** ArnLike / ArnEquals: each of the six colon-separated parts matched on its own, with wildcards. */
function arnMatches(pattern: string, value: string): boolean {
  function parts(arn: string): string[] | undefined {
    const split = arn.split(':');
    return split.length < 6 ? undefined : [...split.slice(0, 5), split.slice(5).join(':')];
  }
  const patternParts = parts(pattern);
  const valueParts = parts(value);
  if (patternParts === undefined || valueParts === undefined) return false;
  return patternParts.every((part, index) => wildcardMatches(part, valueParts[index] ?? ''));
}

/** Compares a request value with a policy value. */
type Matcher = (actual: string, expected: string) => boolean;

/** The condition operators the walker evaluates, each with how it compares. */
const ConditionMatchers = {
  StringEquals: (actual, expected) => actual === expected,
  StringEqualsIgnoreCase: (actual, expected) => actual.toLowerCase() === expected.toLowerCase(),
  StringLike: (actual, expected) => wildcardMatches(expected, actual),
  ArnEquals: (actual, expected) => arnMatches(expected, actual),
  ArnLike: (actual, expected) => arnMatches(expected, actual),
  Bool: (actual, expected) => actual.toLowerCase() === expected.toLowerCase(),
} as const satisfies Readonly<Record<string, Matcher>>;

/** The negated operators, each with the operator it negates. */
const NegatedOperators = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
} as const satisfies Readonly<Record<string, keyof typeof ConditionMatchers>>;

/** The matcher of a (non-negated) operator name, if the walker knows it. */
function matcherFor(operator: string): Matcher | undefined {
  return Object.hasOwn(ConditionMatchers, operator)
    ? ConditionMatchers[operator as keyof typeof ConditionMatchers]
    : undefined;
}

/** The operator a negated operator name negates, or `undefined` for any other name. */
function negatedOperatorOf(operator: string): string | undefined {
  return Object.hasOwn(NegatedOperators, operator)
    ? NegatedOperators[operator as keyof typeof NegatedOperators]
    : undefined;
}

/** One `Operator: { key: values }` entry of a Condition block for a request context. */
function conditionEntryApplies(
  operatorName: string,
  key: string,
  policyValues: readonly unknown[],
  context: ReadonlyMap<string, string>,
  resolver: Resolver,
): Applies {
  const forAll = operatorName.startsWith('ForAllValues:');
  let operator = operatorName.replace(/^For(All|Any)Values:/, '');
  const ifExists = operator.endsWith('IfExists');
  operator = operator.replace(/IfExists$/, '');
  const expected = policyValues.map((value) => resolver.resolve(value));
  if (expected.some((value) => value === undefined)) return 'unknown';
  const actual = context.get(key.toLowerCase());
  if (operator === 'Null') {
    return expected.some((value) => (value?.toLowerCase() === 'true') === (actual === undefined)) ? 'yes' : 'no';
  }
  const negated = negatedOperatorOf(operator);
  const matcher = matcherFor(negated ?? operator);
  if (matcher === undefined) return 'unknown';
  if (actual === undefined) return ifExists || forAll || negated !== undefined ? 'yes' : 'no';
  const matches = expected.some((value) => value !== undefined && matcher(actual, value));
  return matches === (negated === undefined) ? 'yes' : 'no';
}

function conditionApplies(condition: unknown, context: ReadonlyMap<string, string>, resolver: Resolver): Applies {
  if (condition === undefined) return 'yes';
  if (!isRecord(condition)) return 'unknown';
  const results: Applies[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!isRecord(block)) return 'unknown';
    for (const [key, values] of Object.entries(block)) {
      results.push(conditionEntryApplies(operator, key, asList(values), context, resolver));
    }
  }
  return combine(results);
}

/** All of them: `no` if any is, else `unknown` if any is, else `yes`. */
function combine(results: readonly Applies[]): Applies {
  if (results.includes('no')) return 'no';
  return results.includes('unknown') ? 'unknown' : 'yes';
}

function principalMatches(principal: unknown, service: string, resolver: Resolver): Applies {
  if (principal === '*') return 'yes';
  if (!isRecord(principal)) return 'unknown';
  const results: Applies[] = [];
  for (const [kind, values] of Object.entries(principal)) {
    for (const value of asList(values)) {
      const resolved = resolver.resolve(value);
      if (resolved === undefined) results.push('unknown');
      // "AWS": "*" is everyone, services included.
      else if ((kind === 'AWS' && resolved === '*') || (kind === 'Service' && resolved === service)) {
        results.push('yes');
      } else results.push('no');
    }
  }
  if (results.includes('yes')) return 'yes';
  return results.includes('unknown') ? 'unknown' : 'no';
}

/** Whether any of `patterns` (template values) matches `value`. */
function anyMatches(patterns: unknown, value: string, resolver: Resolver, ignoreCase: boolean): Applies {
  const resolved = asList(patterns).map((pattern) => resolver.resolve(pattern));
  if (resolved.some((pattern) => pattern !== undefined && wildcardMatches(pattern, value, ignoreCase))) return 'yes';
  return resolved.includes(undefined) ? 'unknown' : 'no';
}

function negate(applies: Applies): Applies {
  if (applies === 'unknown') return 'unknown';
  return applies === 'yes' ? 'no' : 'yes';
}

/** Whether a policy statement applies to a request (its effect aside). */
function statementApplies(statement: Record<string, unknown>, request: PolicyRequest, resolver: Resolver): Applies {
  function element(name: string, value: string, ignoreCase: boolean): Applies {
    if (statement[name] !== undefined) return anyMatches(statement[name], value, resolver, ignoreCase);
    if (statement[`Not${name}`] !== undefined) {
      return negate(anyMatches(statement[`Not${name}`], value, resolver, ignoreCase));
    }
    return 'no';
  }
  let principal: Applies = 'no';
  if (statement.Principal !== undefined) principal = principalMatches(statement.Principal, request.service, resolver);
  else if (statement.NotPrincipal !== undefined) {
    principal = negate(principalMatches(statement.NotPrincipal, request.service, resolver));
  }
  return combine([
    principal,
    element('Action', request.action, true),
    element('Resource', request.resource, false),
    conditionApplies(statement.Condition, request.context, resolver),
  ]);
}

/** The condition keys a statement tests, in lower case. */
function conditionKeysOf(statement: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  if (isRecord(statement.Condition)) {
    for (const block of Object.values(statement.Condition)) {
      if (isRecord(block)) for (const key of Object.keys(block)) keys.add(key.toLowerCase());
    }
  }
  return keys;
}

/** A statement's name in messages: its Sid, or its position. */
function statementName(statement: Record<string, unknown>, index: number): string {
  return typeof statement.Sid === 'string' ? `"${statement.Sid}"` : `statement #${index + 1}`;
}

/** The request CloudWatch makes for the alarm `alarmId`, in the resolver's deployment unless `overrides` say otherwise. */
function cloudWatchRequest(
  resolver: Resolver,
  alarmId: string,
  action: string,
  resource: string,
  overrides: { readonly account?: string; readonly sourceArn?: string } = {},
): PolicyRequest {
  return {
    service: CLOUDWATCH_SERVICE,
    action,
    resource,
    context: new Map([
      ['aws:securetransport', 'true'],
      ['aws:principalservicename', CLOUDWATCH_SERVICE],
      ['aws:sourceaccount', overrides.account ?? resolver.resolve({ Ref: 'AWS::AccountId' }) ?? ''],
      ['aws:sourcearn', overrides.sourceArn ?? resolver.alarmArn(alarmId)],
    ]),
  };
}

/**
 * What stops CloudWatch from making `action` on `resource` for alarm `alarmId`, under the
 * policy `statements` (`what` names the policy in messages).
 */
function policyProblems(options: {
  readonly statements: readonly unknown[];
  readonly what: string;
  readonly action: string;
  readonly resource: string;
  readonly alarmId: string;
  readonly resolver: Resolver;
  readonly deployment: Deployment;
}): string[] {
  const { statements, what, action, resource, alarmId, resolver, deployment } = options;
  const own = cloudWatchRequest(resolver, alarmId, action, resource);
  const alarmName = resolver.alarmArn(alarmId).split(':').slice(6).join(':');
  const { partition } = deployment;
  const foreignAccount = cloudWatchRequest(resolver, alarmId, action, resource, {
    account: ForeignDeployment.account,
    sourceArn: `arn:${partition}:cloudwatch:${deployment.region}:${ForeignDeployment.account}:alarm:${alarmName}`,
  });
  const otherRegion = cloudWatchRequest(resolver, alarmId, action, resource, {
    sourceArn: `arn:${partition}:cloudwatch:${ForeignDeployment.region}:${deployment.account}:alarm:${alarmName}`,
  });

  const problems: string[] = [];
  let allowed = false;
  const unlimitedAllows: string[] = [];
  statements.forEach((statement, index) => {
    if (!isRecord(statement)) {
      problems.push(`${what} statement #${index + 1} is not an object`);
      return;
    }
    const applies = statementApplies(statement, own, resolver);
    const name = statementName(statement, index);
    if (statement.Effect === 'Deny') {
      if (applies === 'yes') problems.push(`${what} ${name} denies ${action} to ${CLOUDWATCH_SERVICE}`);
      if (applies === 'unknown') problems.push(`${what} ${name} may deny ${action} (the walker cannot evaluate it)`);
      return;
    }
    if (statement.Effect !== 'Allow' || applies !== 'yes') return;
    const keys = conditionKeysOf(statement);
    const limited =
      REQUIRED_CONDITION_KEYS.every((key) => keys.has(key.toLowerCase())) &&
      statementApplies(statement, foreignAccount, resolver) === 'no' &&
      statementApplies(statement, otherRegion, resolver) === 'no';
    if (limited) allowed = true;
    else unlimitedAllows.push(name);
  });
  if (!allowed) {
    const unlimited =
      unlimitedAllows.length === 0
        ? ''
        : ` (${unlimitedAllows.join(', ')} allows it, but not limited by aws:SourceAccount and aws:SourceArn to this account's alarms in this region)`;
    problems.push(
      `${what} has no Allow of ${action} for ${CLOUDWATCH_SERVICE} with aws:SourceAccount and aws:SourceArn of this account's alarms${unlimited}`,
    );
  }
  return problems;
}

/** The `Ref` / `Fn::GetAtt` target of `value` when it is a resource of `type` in the template. */
function targetOf(value: unknown, type: string, resources: Resources): string | undefined {
  if (!isRecord(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  const id = typeof value.Ref === 'string' ? value.Ref : Array.isArray(getAtt) ? getAtt[0] : undefined;
  return typeof id === 'string' && resources.get(id)?.Type === type ? id : undefined;
}

/** What stops CloudWatch from publishing to topic `topicId` for alarm `alarmId`. */
function topicProblems(topicId: string, alarmId: string, resources: Resources, deployment: Deployment): string[] {
  const resolver = new Resolver(resources, deployment);
  const statements: unknown[] = [];
  for (const resource of resources.values()) {
    const topics = asList(resource.Properties.Topics);
    if (
      resource.Type === 'AWS::SNS::TopicPolicy' &&
      topics.some((topic) => targetOf(topic, 'AWS::SNS::Topic', resources) === topicId)
    ) {
      const document = resource.Properties.PolicyDocument;
      statements.push(...asList(isRecord(document) ? document.Statement : undefined));
    }
  }
  const common = { alarmId, resolver, deployment };
  const problems = policyProblems({
    ...common,
    statements,
    what: `the topic policy of ${topicId}`,
    action: 'sns:Publish',
    resource: resolver.topicArn(topicId),
  });

  const keyValue = resources.get(topicId)?.Properties.KmsMasterKeyId;
  if (keyValue === undefined) return problems;
  const keyId = targetOf(keyValue, 'AWS::KMS::Key', resources);
  if (keyId === undefined) {
    problems.push(
      `${topicId} is encrypted with ${JSON.stringify(keyValue)}, not a key of this template, so its key policy cannot be ` +
        'checked (the AWS managed key alias/aws/sns never lets CloudWatch use it)',
    );
    return problems;
  }
  const keyPolicy = resources.get(keyId)?.Properties.KeyPolicy;
  const keyStatements = asList(isRecord(keyPolicy) ? keyPolicy.Statement : undefined);
  for (const action of KMS_ACTIONS) {
    problems.push(
      ...policyProblems({
        ...common,
        statements: keyStatements,
        what: `the key policy of ${keyId} (encrypting ${topicId})`,
        action,
        resource: resolver.keyArn(keyId),
      }),
    );
  }
  return problems;
}

/**
 * Walks every alarm action of `template` (a synthesized template's JSON) to its topic, the
 * topic's policy and the topic's key, and reports what would stop CloudWatch from delivering.
 *
 * @param deployment - what the pseudo parameters stand for; @default {@link SampleDeployment}
 *
 * @example
 * ```ts
 * expect(walkAlarmDelivery(template.toJSON()).problems).toStrictEqual([]);
 * ```
 */
function walkAlarmDelivery(template: unknown, deployment: Deployment = SampleDeployment): AlarmDeliveryReport {
  const resources = resourcesOf(template);
  const actions: string[] = [];
  const problems: string[] = [];
  for (const [alarmId, alarm] of resources) {
    if (alarm.Type !== 'AWS::CloudWatch::Alarm') continue;
    for (const property of ACTION_PROPERTIES) {
      asList(alarm.Properties[property]).forEach((action, index) => {
        const where = `${alarmId} ${property}[${index}]`;
        const topicId = targetOf(action, 'AWS::SNS::Topic', resources);
        actions.push(`${where} -> ${topicId ?? JSON.stringify(action)}`);
        if (topicId === undefined) {
          problems.push(`${where}: ${JSON.stringify(action)} is not a topic of this template, so it cannot be checked`);
          return;
        }
        problems.push(
          ...topicProblems(topicId, alarmId, resources, deployment).map((problem) => `${where}: ${problem}`),
        );
      });
    }
  }
  return { actions, problems };
}

export type { AlarmDeliveryReport, Deployment };
export { SampleDeployment, walkAlarmDelivery };
