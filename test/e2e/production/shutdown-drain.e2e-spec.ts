// Graceful shutdown's middle step: ReconcilerService.drain() (called on SIGTERM, bounded by
// SHUTDOWN_TIMEOUT_MS) waits for the transaction in flight to be answered. A simulated
// device dials through a relay this test owns; its answer to the claim's transaction is held
// in the relay while drain() is asked, then let through.

import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { ReconcilerService } from '../../../src/reconciler/reconciler.service';
import { DeviceConnectionsService } from '../../../src/reconciler/sessions/device-connections.service';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { listenerPort, SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { createGroupWithAdmin, expectData, gql, useTestApp } from '../support';

/** TCP relay device -> controller whose device-to-controller direction can be held and released. */
class HoldingRelay {
  private server: Server | undefined;
  private toController: Socket | undefined;
  private holding = false;
  private held: Buffer[] = [];
  port = 0;

  async open(controllerPort: number): Promise<void> {
    this.server = createServer((device) => {
      const controller = new Socket();
      this.toController = controller;
      controller.connect(controllerPort, '127.0.0.1');
      controller.pipe(device);
      device.on('data', (chunk: Buffer) => (this.holding ? this.held.push(chunk) : controller.write(chunk)));
      for (const [a, b] of [[device, controller], [controller, device]]) {
        a.on('error', () => a.destroy());
        a.on('close', () => b.destroy());
      }
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
  }

  hold(): void {
    this.holding = true;
  }

  /** What the device sent while held. */
  heldText(): string {
    return Buffer.concat(this.held).toString('utf8');
  }

  release(): void {
    this.holding = false;
    for (const chunk of this.held) this.toController?.write(chunk);
    this.held = [];
  }

  async close(): Promise<void> {
    this.toController?.destroy();
    await new Promise<void>((done) => (this.server === undefined ? done() : this.server.close(() => done())));
  }
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe('graceful shutdown: draining the reconciler', () => {
  const t = useTestApp('sqlite');
  const relay = new HoldingRelay();
  let sim: SimHandle | undefined;

  afterAll(async () => {
    relay.release();
    await sim?.stop();
    await relay.close();
  });

  it('waits for the transaction in flight to be answered', async () => {
    const admin = (await createGroupWithAdmin(t.current)).adminToken;
    const customer = await createCustomer(t.current, admin);
    const serial = `SIMDRAIN${randomBytes(3).toString('hex').toUpperCase()}`;
    await relay.open(listenerPort(t.current));
    sim = await startSimDevice(t.current, serial, { controller: `tcp:127.0.0.1:${relay.port}` });
    await until('the device to connect', () => t.current.app.get(DeviceConnectionsService).all.some((c) => c.serial === serial));

    const reconciler = t.current.app.get(ReconcilerService);
    const outcomes: boolean[] = [];
    const observe = reconciler.onTransaction;
    reconciler.onTransaction = (seconds, ok) => {
      outcomes.push(ok);
      observe(seconds, ok);
    };
    const sent = reconciler.stats.transactions;

    // The claim makes the pass write the network's VIFs; the device's answer stays in the relay.
    relay.hold();
    expectData(await gql(t.current, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, admin));
    await until('the transaction sent and its answer held', () => reconciler.stats.transactions > sent && relay.heldText().includes('"uuid"'));
    expect(outcomes).toEqual([]);

    let drained = false;
    const drain = reconciler.drain().then(() => {
      drained = true;
    });
    await turns(50);
    expect(drained).toBe(false);

    relay.release();
    await drain;
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((ok) => ok)).toBe(true);
    expect(reconciler.stats.transactionFailures).toBe(0);
  });
});
