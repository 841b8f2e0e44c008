// The same ingestion path with MQTT_URL unset: the controller's embedded broker, which
// devices reach on MQTT_EMBEDDED_PORT (plain TCP on loopback: no device TLS material here).

import { createServer } from 'node:net';
import { toolsSkipReason } from './report-tools';
import { ingestionScenario } from './ingestion-scenario';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const skip = toolsSkipReason();
if (skip !== undefined) {
  console.warn(`skipping the embedded-broker telemetry tests: ${skip}`);
  it.skip(`telemetry through the embedded broker (${skip})`, () => undefined);
} else {
  let port = 0;
  // A port of its own for each app (SQLite, then PostgreSQL), picked just before it starts.
  const beforeApp = async (): Promise<void> => {
    port = await freePort();
    delete process.env.MQTT_URL;
    process.env.MQTT_DEVICE_BROKER = `127.0.0.1:${port}`;
    process.env.MQTT_EMBEDDED_PORT = String(port);
    process.env.MQTT_TOPIC_PREFIX = 'opensync';
  };
  ingestionScenario({ name: 'telemetry through the embedded broker', brokerPort: () => port, topicPrefix: 'opensync', beforeApp });
}
