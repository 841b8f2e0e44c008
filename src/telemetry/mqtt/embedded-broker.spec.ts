import { connectAsync, MqttClient } from 'mqtt';
import { EmbeddedBroker } from './embedded-broker';

describe('EmbeddedBroker', () => {
  const clients: MqttClient[] = [];
  let broker: EmbeddedBroker;

  beforeEach(async () => {
    broker = new EmbeddedBroker();
    await broker.start({ device: { host: '127.0.0.1', port: 0 } });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
    await broker.close();
  });

  const client = async (url: string): Promise<MqttClient> => {
    const c = await connectAsync(url, { connectTimeout: 3000, reconnectPeriod: 0 });
    clients.push(c);
    return c;
  };

  it('delivers a device publish to the controller client on the internal listener', async () => {
    const controller = await client(broker.internalUrl);
    await controller.subscribeAsync('opensync/+');
    const received = new Promise<string>((resolve) => controller.on('message', (topic, payload) => resolve(`${topic} ${payload.toString()}`)));
    const device = await client(`mqtt://127.0.0.1:${broker.devicePort}`);
    await device.publishAsync('opensync/n1', 'report');
    expect(await received).toBe('opensync/n1 report');
  });

  it('refuses subscriptions from the device listener', async () => {
    const device = await client(`mqtt://127.0.0.1:${broker.devicePort}`);
    const granted = await device.subscribeAsync('opensync/+').catch((e: unknown) => e);
    // aedes answers a refused subscription with the failure code 128 (MQTT 3.1.1) or closes.
    expect(Array.isArray(granted) ? granted[0].qos : 128).toBe(128);
  });

  it('closes with clients still connected', async () => {
    await client(broker.internalUrl);
    await client(`mqtt://127.0.0.1:${broker.devicePort}`);
    await broker.close();
  });
});
