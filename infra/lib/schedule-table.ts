import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_PARTITION_KEY } from './constants';
import { type ConfigProblem, throwOnProblems } from './errors';

/**
 * What the stack uses of the schedule table, created or imported: its name and ARN. (Not
 * `ITable`: a created `Table` declares `tableStreamArn` as `string | undefined` where `ITable`
 * has it optional, which `exactOptionalPropertyTypes` tells apart.)
 */
type ScheduleTableRef = Pick<ITable, 'tableName' | 'tableArn'>;

/** Props of {@link ScheduleTable}. */
interface ScheduleTableProps {
  /** Physical name of the table, 3-255 of `a-z A-Z 0-9 _ . -`. */
  readonly tableName: string;
  /**
   * `true`: the table already exists (for example kept by an earlier `cdk destroy`, since the
   * table is retained); reference it by name instead of creating it. Its settings (key,
   * backups, encryption) are then the owner's business.
   *
   * @default false
   */
  readonly importTable?: boolean;
}

const TABLE_NAME_PATTERN = /^[a-zA-Z0-9_.-]{3,255}$/;

/** Says what is wrong with a DynamoDB table name, or `undefined` when it is valid. */
function describeTableNameProblem(name: string): string | undefined {
  return TABLE_NAME_PATTERN.test(name) ? undefined : `must be 3-255 characters of a-z A-Z 0-9 _ . -, got "${name}"`;
}

/** The problems of {@link ScheduleTableProps}; the construct throws them, the stack collects them. */
function checkScheduleTableProps(props: Pick<ScheduleTableProps, 'tableName'>): readonly ConfigProblem[] {
  const problem = describeTableNameProblem(props.tableName);
  return problem === undefined ? [] : [{ setting: 'tableName', problem }];
}

/**
 * The schedule table: one row per MSF application, partition key `appName` (string).
 *
 * A created table is on-demand (a few reads an hour), has point-in-time recovery and
 * deletion protection, is encrypted with the AWS managed key `aws/dynamodb` (the scaler's
 * role needs no KMS permission for it) and is RETAINED on stack deletion: the schedules are
 * the operators' data, not infrastructure.
 *
 * @throws {ScalerConfigError} when `tableName` is not a valid DynamoDB table name
 *
 * @example
 * ```ts
 * const { table } = new ScheduleTable(this, 'ScheduleTable', { tableName: 'msf-scaler-schedules' });
 * ```
 */
class ScheduleTable extends Construct {
  /** The created or imported table. */
  public readonly table: ScheduleTableRef;

  public constructor(scope: Construct, id: string, props: ScheduleTableProps) {
    super(scope, id);
    throwOnProblems(checkScheduleTableProps(props));

    if (props.importTable === true) {
      this.table = Table.fromTableName(this, 'Table', props.tableName);
      return;
    }

    this.table = new Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: TABLE_PARTITION_KEY, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

export type { ScheduleTableProps, ScheduleTableRef };
export { checkScheduleTableProps, describeTableNameProblem, ScheduleTable };
