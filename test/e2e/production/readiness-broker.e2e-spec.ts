// Readiness follows the external MQTT broker (MQTT_URL): the controller reaches the real
// Mosquitto (127.0.0.1:1883) through a relay this test owns, so the broker can be taken
// away and given back without touching Mosquitto itself. Liveness never follows it.

import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { brokerReachable } from '../telemetry/report-tools';
import { useTestApp, TestApp } from '../support';
import { until } from '../reconciliation/sim-device';

const MOSQUITTO = { host: '127.0.0.1', port: 1883 };
const SET = ['MQTT_URL', 'MQTT_TOPIC_PREFIX'] as const;

/** A TCP relay to Mosquitto that can be cut (every connection dropped, no new ones) and restored on the same port. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      upstream.connect(MOSQUITTO.port, MOSQUITTO.host);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
  }
}

interface Readiness {
  status: number;
  body: { status: string; info?: Record<string, { status: string }>; error?: Record<string, { status: string; message?: string }> };
}

async function readiness(app: TestApp): Promise<Readiness> {
  const response = await fetch(app.url.replace('/graphql', '/health/ready'));
  return { status: response.status, body: (await response.json()) as Readiness['body'] };
}

describe('readiness with an external MQTT broker', () => {
  const relay = new Relay();
  const saved = new Map<string, string | undefined>(SET.map((name) => [name, process.env[name]]));

  // Declared before useTestApp's, so it runs first: the telemetry module reads MQTT_URL at start.
  beforeAll(async () => {
    if (!(await brokerReachable(MOSQUITTO.host, MOSQUITTO.port))) throw new Error(`Mosquitto is not listening on ${MOSQUITTO.host}:${MOSQUITTO.port}`);
    await relay.open();
    process.env.MQTT_URL = `mqtt://127.0.0.1:${relay.port}`;
    process.env.MQTT_TOPIC_PREFIX = `test-${randomBytes(4).toString('hex')}`;
  });
  const t = useTestApp('sqlite');

  afterAll(async () => {
    await relay.cut();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('is ready once connected to the broker, not ready while it is gone, and ready again when it is back', async () => {
    const up = await until('readiness with the broker connected', async () => {
      const r = await readiness(t.current);
      return r.status === 200 ? r : undefined;
    });
    expect(up.body.info?.mqtt).toEqual({ status: 'up' });

    await relay.cut();
    const down = await until('readiness without the broker', async () => {
      const r = await readiness(t.current);
      return r.status === 503 ? r : undefined;
    });
    expect(down.body.error?.mqtt).toEqual({ status: 'down', message: expect.stringContaining('MQTT_URL') });
    expect(down.body.info?.database).toEqual({ status: 'up' });
    expect((await fetch(t.current.url.replace('/graphql', '/health/live'))).status).toBe(200);

    await relay.open();
    const back = await until('readiness with the broker back', async () => {
      const r = await readiness(t.current);
      return r.status === 200 ? r : undefined;
    });
    expect(back.body.info?.mqtt).toEqual({ status: 'up' });
  });
});
