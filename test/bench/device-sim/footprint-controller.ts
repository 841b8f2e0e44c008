// Child process of the simulator footprint benchmark: a minimal controller. It accepts the
// fleet's connections, monitors Wifi_VIF_State on each (monitor_cond), and on request pushes
// one VIF config to every device, reporting when every device has answered with its state.
import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';
import { RpcConnection, StreamTransport } from '@lib/ovsdb';

interface Device {
  readonly rpc: RpcConnection;
  states: number;
}

const devices: Device[] = [];
let expected = 0;
let round = 0;

function send(message: object): void {
  process.send?.(message);
}

function countState(): void {
  const done = devices.filter((d) => d.states >= round).length;
  if (expected > 0 && done >= expected) {
    expected = 0;
    send({ type: 'round-done', round });
  }
}

const server = createServer((socket) => {
  const rpc = new RpcConnection(new StreamTransport(socket));
  rpc.handle('echo', (params) => params);
  const device: Device = { rpc, states: 0 };
  devices.push(device);
  rpc.notifications.subscribe((n) => {
    if (n.method !== 'update2') return;
    const rows = (n.params[1] as { Wifi_VIF_State?: Record<string, { insert?: unknown; modify?: unknown }> }).Wifi_VIF_State ?? {};
    if (Object.values(rows).some((r) => r.insert || r.modify)) {
      device.states++;
      countState();
    }
  });
  void rpc.request('monitor_cond', ['Open_vSwitch', 'vif-state', { Wifi_VIF_State: [{}] }]).catch(() => undefined);
});

process.on('message', (m: { type: string }) => {
  if (m.type === 'push') {
    round++;
    expected = devices.length;
    for (const d of devices) {
      void d.rpc
        .request('transact', [
          'Open_vSwitch',
          { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'v', row: { if_name: `bench-${round}`, enabled: true, mode: 'ap', ssid: `Bench${round}`, security: ['map', [['encryption', 'WPA-PSK'], ['key', 'benchmark-key']]] } },
          { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi0']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'v']]]]] },
        ])
        .catch(() => undefined);
    }
  } else if (m.type === 'stop') {
    for (const d of devices) d.rpc.close('benchmark done');
    server.close(() => process.exit(0));
  }
});

server.listen(0, '127.0.0.1', () => send({ type: 'listening', port: (server.address() as AddressInfo).port }));
