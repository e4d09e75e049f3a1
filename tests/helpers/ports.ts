import { connect, createServer, type Server } from 'node:net';

/** Whether something accepts TCP connections on `host:port`. */
function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The port of an `http://host:port` endpoint. */
function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}

/** A plain TCP server holding a free port, to make another server's listen fail. */
function occupyPort(host = '127.0.0.1'): Promise<{ readonly port: number; release(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ port, release: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export { isListening, occupyPort, portOf };
