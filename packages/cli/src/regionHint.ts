import type { OwnedScalerClients } from '@msf-scaler/scaler';

/** What to do when the SDK finds no region, appended to its "Region is missing". */
const REGION_HINT = 'export AWS_REGION=eu-west-1 (or set a profile with a region)';

/** The SDK's message when neither the environment nor the profile names a region. */
const REGION_MISSING = /^Region is missing$/;

/** A client whose middleware stack takes one more step: all three SDK clients are. */
interface HintableClient {
  readonly middlewareStack: {
    add(
      middleware: (next: (args: never) => Promise<unknown>) => (args: never) => Promise<unknown>,
      options: { readonly step: 'initialize'; readonly name: string; readonly priority: 'high' },
    ): void;
  };
}

/**
 * `error` with the hint appended when it is the SDK's "Region is missing" (the message is
 * rewritten in place, so every adapter that quotes it quotes the hint too); anything else as is.
 *
 * @example
 * withRegionHint(new Error('Region is missing')).message; // 'Region is missing: export AWS_REGION=eu-west-1 (or ...)'
 */
function withRegionHint(error: unknown): unknown {
  if (error instanceof Error && REGION_MISSING.test(error.message)) {
    error.message = `${error.message}: ${REGION_HINT}`;
  }
  return error;
}

function addHint(client: HintableClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw withRegionHint(error);
      }
    },
    // The region is resolved inside the stack (endpoint and signing steps): the first step sees it fail.
    { step: 'initialize', name: 'msfScalerRegionHint', priority: 'high' },
  );
}

/**
 * The CLI's clients, with every SDK failure for want of a region saying how to set one. The one
 * place this hint is added: every command builds its clients here, and every adapter quotes the
 * SDK's message in its own error.
 *
 * @example
 * const clients = withRegionHints(createScalerClients());
 */
function withRegionHints<Clients extends OwnedScalerClients>(clients: Clients): Clients {
  // The document client shares the middleware stack of the client it wraps.
  addHint(clients.dynamodbClient as unknown as HintableClient);
  addHint(clients.msf as unknown as HintableClient);
  if (clients.eventbridge !== undefined) addHint(clients.eventbridge as unknown as HintableClient);
  return clients;
}

export { REGION_HINT, withRegionHint, withRegionHints };
