import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_PARTITION_KEY } from './constants';

/** Props of {@link ScheduleTable}. */
export interface ScheduleTableProps {
  /** Physical name of the table. */
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

/**
 * The schedule table: one row per MSF application, partition key `appName` (string).
 *
 * A created table is on-demand (a few reads an hour), has point-in-time recovery and
 * deletion protection, is encrypted with the AWS managed key `aws/dynamodb` (the scaler's
 * role needs no KMS permission for it) and is RETAINED on stack deletion: the schedules are
 * the operators' data, not infrastructure.
 *
 * @example
 * ```ts
 * const { table } = new ScheduleTable(this, 'ScheduleTable', { tableName: 'msf-scaler-schedules' });
 * ```
 */
export class ScheduleTable extends Construct {
  /** The created or imported table. */
  public readonly table: ITable;

  public constructor(scope: Construct, id: string, props: ScheduleTableProps) {
    super(scope, id);

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
