import { HistoryAttribute } from '@msf-scaler/scaler';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { type ConfigProblem, throwOnProblems } from './errors';
import { describeTableNameProblem, type ScheduleTableRef } from './schedule-table';

/** What the stack uses of the history table, created or imported: its name and ARN. */
type HistoryTableRef = ScheduleTableRef;

/** Props of {@link HistoryTable}. */
interface HistoryTableProps {
  /** Physical name of the table, 3-255 of `a-z A-Z 0-9 _ . -`. */
  readonly historyTableName: string;
  /**
   * `true`: the table already exists (for example kept by an earlier `cdk destroy`, since the
   * table is retained); reference it by name instead of creating it.
   *
   * @default false
   */
  readonly importHistoryTable?: boolean;
}

/** The problems of {@link HistoryTableProps}; the construct throws them, the stack collects them. */
function checkHistoryTableProps(props: Pick<HistoryTableProps, 'historyTableName'>): readonly ConfigProblem[] {
  const problem = describeTableNameProblem(props.historyTableName);
  return problem === undefined ? [] : [{ setting: 'historyTableName', problem }];
}

/**
 * The history table: the scaler's audit trail. One item per row a run scaled, found busy,
 * failed on, found invalid or skipped because its application was not running, plus one item
 * per run; partition key `appName` (the row's appName, `#run` for the run items), sort key `at`
 * (the run's ISO-8601 instant, `#` and the run id), both strings.
 *
 * A created table is on-demand (a burst of writes an hour), has point-in-time recovery and
 * deletion protection, is encrypted with the AWS managed key `aws/dynamodb`, expires items with
 * TTL on the attribute `ttl` (the scaler sets it 90 days ahead) and is RETAINED on stack
 * deletion: the audit trail outlives the deployment that wrote it.
 *
 * @throws {ScalerConfigError} when `historyTableName` is not a valid DynamoDB table name
 *
 * @example
 * ```ts
 * const { table } = new HistoryTable(this, 'HistoryTable', { historyTableName: 'msf-scaler-history' });
 * ```
 */
class HistoryTable extends Construct {
  /** The created or imported table. */
  public readonly table: HistoryTableRef;

  public constructor(scope: Construct, id: string, props: HistoryTableProps) {
    super(scope, id);
    throwOnProblems(checkHistoryTableProps(props));

    if (props.importHistoryTable === true) {
      this.table = Table.fromTableName(this, 'Table', props.historyTableName);
      return;
    }

    this.table = new Table(this, 'Table', {
      tableName: props.historyTableName,
      partitionKey: { name: HistoryAttribute.PARTITION_KEY, type: AttributeType.STRING },
      sortKey: { name: HistoryAttribute.SORT_KEY, type: AttributeType.STRING },
      timeToLiveAttribute: HistoryAttribute.TTL,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

export type { HistoryTableProps, HistoryTableRef };
export { checkHistoryTableProps, HistoryTable };
