/**
 * What the adapters share about a call: how its failure is named, and how long it may take.
 */

/** The AWS error name of a failure (`UnknownError` for a thrown non-Error). */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError';
}

/** The message of a failure, or the thrown value as text. */
function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `call`, cut after `ms`: the request is aborted and the promise rejects then with an error named
 * `outOfTime`, whatever the HTTP handler does (the SDK's own request timeout is per attempt, and
 * there may be several attempts).
 *
 * @example
 * await within(5_000, (abortSignal) => client.send(command, { abortSignal }), 'HistoryDeadlineExceeded');
 */
async function within<T>(ms: number, call: (signal: AbortSignal) => Promise<T>, outOfTime: string): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      const error = new Error(`no answer within ${ms} ms`);
      error.name = outOfTime;
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export { errorMessage, errorName, sleep, within };
