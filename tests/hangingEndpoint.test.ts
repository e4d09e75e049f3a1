import { createServer, type Server, type Socket } from 'node:net';
import { type LocalClients, localClients } from '@msf-scaler/local-stack';
import { createScalerClients, runScaler } from '@msf-scaler/scaler';
import { aRow, PEAK, seedWorld, startWorld, type World } from './helpers/world';

/** Accepts connections and never answers: the call that never returns. */
async function startSilentServer(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('Integration: a call that never returns', () => {
  let world: World;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let clients: LocalClients;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, { rows: [aRow('stuck', 1, 4)], applications: [] });
    silent = await startSilentServer();
    const local = localClients(world.stack);
    local.destroy();
    clients = createScalerClients({
      region: world.stack.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      dynamodbEndpoint: world.stack.ddbEndpoint,
      msfEndpoint: silent.url,
      maxAttempts: 2,
      requestTimeoutMs: 300,
    });
  });

  afterAll(async () => {
    clients.destroy();
    await silent.close();
    await world.close();
  });

  it('is cut by the request timeout, retried, and ends as the row error', async () => {
    // Act
    const summary = await runScaler({ clients, table: world.stack.tableName, instant: PEAK });

    // Assess
    expect(summary.counts.error).toBe(1);
    expect(summary.outcomes[0]).toMatchObject({
      rowId: 'stuck',
      outcome: 'error',
      errorCode: 'TimeoutError',
      transient: true,
    });
    expect(summary.outcomes[0]?.reason).toContain('stuck');
    // Retried like a 5xx: one connection per attempt (the timed-out socket is not reused), two
    // attempts per call, and the row tried once more at the end of the run.
    expect(silent.connections()).toBe(4);
  });
});
