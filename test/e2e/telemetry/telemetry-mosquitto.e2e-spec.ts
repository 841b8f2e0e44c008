// Telemetry through the real Mosquitto (127.0.0.1:1883): MQTT_URL set, devices told to use
// the same broker. Topics carry a prefix unique to this run, so runs sharing the broker
// never see each other's reports.

import { randomBytes } from 'node:crypto';
import { brokerReachable, toolsSkipReason } from './report-tools';
import { ingestionScenario } from './ingestion-scenario';

const prefix = `test-${randomBytes(4).toString('hex')}`;
const skip = toolsSkipReason();

describe('telemetry through Mosquitto', () => {
  let reachable = false;
  beforeAll(async () => {
    reachable = await brokerReachable('127.0.0.1', 1883);
    if (!reachable) console.warn('Mosquitto is not listening on 127.0.0.1:1883: the Mosquitto telemetry tests fail');
  });
  it('has a broker', () => expect(reachable).toBe(true));
});

if (skip !== undefined) {
  console.warn(`skipping the Mosquitto telemetry tests: ${skip}`);
  it.skip(`telemetry through Mosquitto (${skip})`, () => undefined);
} else {
  process.env.MQTT_URL = 'mqtt://127.0.0.1:1883';
  process.env.MQTT_DEVICE_BROKER = '127.0.0.1:1883';
  process.env.MQTT_TOPIC_PREFIX = prefix;
  ingestionScenario({ name: 'telemetry through Mosquitto', brokerPort: () => 1883, topicPrefix: prefix });
}
