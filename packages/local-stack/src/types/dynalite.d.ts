/**
 * Types for dynalite 4 (DynamoDB on LevelDB), which ships none. Only what the local stack
 * uses is declared: the factory and its options. The factory returns a plain Node HTTP
 * server whose `close` also closes the (in-memory) LevelDB store.
 */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** Time tables stay CREATING. @default 500 */
    readonly createTableMs?: number;
    /** Time tables stay DELETING. @default 500 */
    readonly deleteTableMs?: number;
    /** Time tables stay UPDATING. @default 500 */
    readonly updateTableMs?: number;
    /** Largest item accepted, in KB. @default 400 */
    readonly maxItemSizeKb?: number;
    /** LevelDB directory; in memory when left out. */
    readonly path?: string;
    readonly ssl?: boolean;
    readonly verbose?: boolean;
    readonly debug?: boolean;
  }

  function dynalite(options?: DynaliteOptions): Server;

  export = dynalite;
}
