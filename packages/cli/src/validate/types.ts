import type { InputFormat } from './parseRows';

/** How a row from a file is written. */
const Notation = {
  /** `{"appName": "orders", "lowKPU": 1}` */
  PLAIN: 'plain',
  /** `{"appName": {"S": "orders"}, "lowKPU": {"N": "1"}}`, as `aws dynamodb put-item` takes it. */
  DYNAMODB: 'dynamodb',
} as const;

type Notation = (typeof Notation)[keyof typeof Notation];

/** A reason a row is unusable: the schema's issue, or DynamoDB JSON that DynamoDB would refuse. */
interface ValidationIssue {
  readonly attribute: string;
  /** The offending value as read (absent when missing). */
  readonly value?: unknown;
  readonly rule: string;
  /** Complete on its own: names the row, the attribute, the value and the rule. */
  readonly message: string;
  /** Where the attribute is written (else where the row starts), when the row comes from a file. */
  readonly line?: number;
  readonly column?: number;
}

/** Something odd that does not make the row unusable (an unknown attribute, a repeated key, …). */
interface ValidationWarning {
  readonly attribute: string;
  readonly message: string;
  /** The known attribute the author probably meant. */
  readonly suggestion?: string;
  readonly line?: number;
  readonly column?: number;
}

/** One row checked. */
interface RowReport {
  /** The input, as messages name it: the path given, `<stdin>`, or `table <name>`. */
  readonly source: string;
  /** 1-based position in the input (scan order for a table). */
  readonly row: number;
  /** Where the row starts, when it comes from a file. */
  readonly line?: number;
  readonly column?: number;
  /** The row's appName, or `row #<n>`. */
  readonly rowId: string;
  /** How the row is written, for rows from files. */
  readonly notation?: Notation;
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly warnings: readonly ValidationWarning[];
  /** The row's item (plain values), when the caller asked to keep valid rows' items. */
  readonly item?: unknown;
}

/** Why an input could not be read as rows at all. */
interface SourceError {
  readonly message: string;
  /** Where malformed JSON goes wrong. */
  readonly line?: number;
  readonly column?: number;
}

/** One input checked. */
interface SourceReport {
  readonly source: string;
  /** How it holds its rows; absent when it could not be read. */
  readonly format?: InputFormat;
  readonly rows: number;
  readonly invalid: number;
  readonly error?: SourceError;
}

/** Totals of a validation. */
interface ValidationCounts {
  readonly sources: number;
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  /** Issues over all rows (a row may have several). */
  readonly issues: number;
  readonly warnings: number;
  /** Inputs that could not be read as rows (missing, a folder, malformed JSON, …). */
  readonly unreadable: number;
}

/** What `msf-scaler validate` found: every input, every row, and the totals. */
interface ValidationReport {
  /** No invalid row and no unreadable input (and no warning, with `--strict`). */
  readonly valid: boolean;
  /** Whether warnings count as failures (`--strict`). */
  readonly strict: boolean;
  readonly counts: ValidationCounts;
  readonly sources: readonly SourceReport[];
  /** Every row, in input order; written last so `--json` can stream it. */
  readonly rows: readonly RowReport[];
}

export type {
  RowReport,
  SourceError,
  SourceReport,
  ValidationCounts,
  ValidationIssue,
  ValidationReport,
  ValidationWarning,
};
export { Notation };
