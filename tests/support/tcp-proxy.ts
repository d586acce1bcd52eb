import type { Server, Socket } from 'node:net';
import { createConnection, createServer } from 'node:net';

/**
 * A TCP proxy on loopback to another port, for tests that make a server unreachable (close the
 * proxy: every connection through it is cut and new ones are refused) without stopping the
 * server that other tests share, or that hold what the server sends (a message in transit).
 */
export class TcpProxy {
  /** While set, what the server sends is kept here, in order, instead of passed on. */
  private held?: { client: Socket; chunk: Buffer }[];

  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly port: number,
  ) {}

  static async create(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    const sockets = new Set<Socket>();
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => {
      const upstream = createConnection(targetPort, targetHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream);
      upstream.on('data', (chunk: Buffer) => {
        if (proxy?.held) proxy.held.push({ client, chunk });
        else client.write(chunk);
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy = new TcpProxy(server, sockets, (server.address() as { port: number }).port);
    return proxy;
  }

  /** From now on, what the server sends waits in the proxy (the clients' requests still go through). */
  holdReplies(): void {
    this.held ??= [];
  }

  /** Passes on everything held, in order, and stops holding. */
  passReplies(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const { client, chunk } of held) if (!client.destroyed) client.write(chunk);
  }

  /** Stops accepting and cuts every open connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
