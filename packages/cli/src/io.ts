import type { CliStreams } from '@msf-scaler/commons';
import type { ScalerClients } from '@msf-scaler/scaler';

/** Standard input as the CLI reads it: chunks of bytes (or text), and whether it is a terminal. */
interface InputStream extends AsyncIterable<string | Uint8Array> {
  /** Set by Node on a terminal. */
  readonly isTTY?: boolean;
}

/** Where the CLI reads and writes, and what it calls: injected so tests run it in-process. */
interface CliIo extends CliStreams {
  readonly createClients: () => ScalerClients;
  /** The clock `--deadline` is measured on, in epoch milliseconds. @default Date.now */
  readonly clock?: () => number;
  /** The instant when `--at` is not given. */
  readonly now: () => Date;
  /** What `validate -` reads. @default - none: `validate -` reports that there is no standard input */
  readonly stdin?: InputStream;
}

export type { CliIo, InputStream };
