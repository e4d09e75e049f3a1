import { connect, createServer, type Server } from 'node:net';

/** Whether something accepts TCP connections on `host:port`. */
const isListening = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** The port of an `http://host:port` endpoint. */
const portOf = (endpoint: string): number => Number(new URL(endpoint).port);

/** A plain TCP server holding a free port, to make another server's listen fail. */
const occupyPort = (host = '127.0.0.1'): Promise<{ readonly port: number; release(): Promise<void> }> =>
  new Promise((resolve, reject) => {
    const server: Server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ port, release: () => new Promise((done) => server.close(() => done())) });
    });
  });

export { isListening, occupyPort, portOf };
