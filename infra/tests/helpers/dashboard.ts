import type { Template } from 'aws-cdk-lib/assertions';
import { logicalIdOf } from './stack';

/**
 * `value` (a string or a CloudFormation `Fn::Join` with the empty separator) as one string:
 * literal parts as they are, `{Ref: X}` as `${X}` and `{Fn::GetAtt: [X, A]}` as `${X.A}`, so a
 * test can assert with `toContain` (or `JSON.parse` a dashboard body: the placeholders hold
 * no quotes).
 *
 * @throws Error on any other intrinsic, naming it
 */
function joinedText(value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, unknown>;
  if (typeof intrinsic.Ref === 'string') return `\${${intrinsic.Ref}}`;
  const getAtt = intrinsic['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return `\${${getAtt.join('.')}}`;
  const join = intrinsic['Fn::Join'];
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1])) {
    return (join[1] as unknown[]).map(joinedText).join('');
  }
  throw new Error(`joinedText does not render ${JSON.stringify(value)}`);
}

/** The `DashboardBody` of the one dashboard in `template`, see {@link joinedText}. */
function dashboardBody(template: Template): string {
  const dashboards = template.findResources('AWS::CloudWatch::Dashboard');
  const dashboard = dashboards[logicalIdOf(template, 'AWS::CloudWatch::Dashboard')] as {
    Properties: { DashboardBody: unknown };
  };
  return joinedText(dashboard.Properties.DashboardBody);
}

/** One widget of a dashboard body, as far as the tests read it. */
interface DashboardWidget {
  readonly type: string;
  readonly width: number;
  readonly height: number;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The widgets of the one dashboard in `template`, in the order they were added. */
function dashboardWidgets(template: Template): readonly DashboardWidget[] {
  return (JSON.parse(dashboardBody(template)) as { widgets: DashboardWidget[] }).widgets;
}

/** The one widget of `type` (and `title`, when given) in the dashboard of `template`; throws unless exactly one. */
function dashboardWidget(template: Template, type: string, title?: string): DashboardWidget {
  const found = dashboardWidgets(template).filter(
    (widget) => widget.type === type && (title === undefined || widget.properties.title === title),
  );
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(
      `expected exactly one ${type} widget${title === undefined ? '' : ` "${title}"`}, found ${found.length}`,
    );
  }
  return found[0];
}

export type { DashboardWidget };
export { dashboardBody, dashboardWidget, dashboardWidgets, joinedText };
