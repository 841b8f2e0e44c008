// The MQTT broker inside the controller process, used when MQTT_URL is unset so the
// controller alone serves devices (aedes). Two listeners:
// - the device listener, only when MQTT_DEVICE_BROKER tells devices where to go: TLS with
//   the device TLS material (OVSDB_TLS_CERT/KEY/CA: devices present certificates signed by
//   that CA, as over OVSDB), else plain TCP on loopback for development;
// - a loopback listener on an ephemeral port for the controller's own MQTT client, so the
//   embedded and the external broker paths share one ingestion code.
// Only the controller's client may subscribe; devices only publish.

import { readFileSync } from 'node:fs';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { Logger } from '@nestjs/common';
import type Aedes from 'aedes';
import { createBroker } from 'aedes';

export interface EmbeddedBrokerOptions {
  device?: { host: string; port: number; tls?: { certFile: string; keyFile: string; caFile?: string } };
}

export class EmbeddedBroker {
  private readonly logger = new Logger('Telemetry');
  private readonly internalSockets = new WeakSet<object>();
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private broker: Aedes | undefined;
  /** mqtt://127.0.0.1:<port> for the controller's own client. */
  internalUrl = '';
  /** Port of the device listener (0: none). */
  devicePort = 0;

  async start(options: EmbeddedBrokerOptions): Promise<void> {
    const broker = createBroker({
      authorizeSubscribe: (client, sub, done) => {
        if (client !== null && this.internalSockets.has(client.conn)) done(null, sub);
        else done(new Error('subscriptions are reserved to the controller'));
      },
    });
    this.broker = broker;
    const internal = createServer((socket: Socket) => {
      this.internalSockets.add(socket);
      this.accept(socket);
    });
    await this.listen(internal, '127.0.0.1', 0);
    this.internalUrl = `mqtt://127.0.0.1:${(internal.address() as AddressInfo).port}`;
    const device = options.device;
    if (device === undefined) return;
    const server = device.tls
      ? createTlsServer(
          {
            cert: readFileSync(device.tls.certFile),
            key: readFileSync(device.tls.keyFile),
            ca: device.tls.caFile ? readFileSync(device.tls.caFile) : undefined,
            requestCert: device.tls.caFile !== undefined,
            rejectUnauthorized: device.tls.caFile !== undefined,
          },
          (socket) => this.accept(socket),
        )
      : createServer((socket) => this.accept(socket));
    await this.listen(server, device.host, device.port);
    this.devicePort = (server.address() as AddressInfo).port;
    this.logger.log(`embedded MQTT broker for devices on ${device.tls ? 'tls' : 'tcp'}:${device.host}:${this.devicePort}`);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    await new Promise<void>((resolve) => (this.broker ? this.broker.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    this.broker?.handle(socket);
  }

  private listen(server: Server, host: string, port: number): Promise<void> {
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }
}
