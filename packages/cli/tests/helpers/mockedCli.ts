import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CliIo } from '../../src/io';
import { main } from '../../src/program';
import type { CliRun } from './runCli';

/** Options of {@link mockedCli}. */
interface MockedCliOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** What standard input holds; absent: the run has none. */
  readonly stdin?: string;
  /** Pretend both stdin and stdout are a terminal, so the CLI may ask. */
  readonly terminal?: boolean;
}

/**
 * Runs `msf-scaler` in-process against clients that `aws-sdk-client-mock` intercepts (mock
 * `DynamoDBDocumentClient` in the test), at Friday 27 November 2026, 10:00 UTC.
 *
 * @example
 * const ddbMock = mockClient(DynamoDBDocumentClient);
 * const run = await mockedCli(['enable', 'orders-enricher']);
 */
async function mockedCli(args: readonly string[], options: MockedCliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const terminal = options.terminal === true ? { isTTY: true } : {};
  const stdin =
    options.stdin === undefined ? undefined : Object.assign(Readable.from([Buffer.from(options.stdin)]), terminal);
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      ...terminal,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env: options.env ?? {},
    createClients: () => ({
      dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
      msf: new KinesisAnalyticsV2Client({ region: 'us-east-1' }),
    }),
    now: () => new Date('2026-11-27T10:00:00Z'),
    ...(stdin === undefined ? {} : { stdin }),
  };
  const code = await main(args, io);
  return { args: args.join(' '), code, stdout, stderr };
}

export type { MockedCliOptions };
export { mockedCli };
