// Issue 15, finding 6: before identification a peer could send 60 MB messages and have them
// echoed back; every unknown serial created a node row, without limit; any string was a
// serial (100,000 characters stored, a newline forged log lines). Now: 1 MiB until
// identified, echo requests of at most 4 KB answered, one serial rule (normalised: case and
// surrounding whitespace) and a rate and a cap on rows for unknown serials.

import { Logger } from '@nestjs/common';
import type { LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Node } from '../../src/nodes/node.entity';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, useTestApp } from '../e2e/support';
import { listenerPort, ownedNames, startSimDevice } from '../e2e/reconciliation/sim-device';
import type { SimHandle } from '../e2e/reconciliation/sim-device';
import { openRawPeer, until } from './device-attackers';
import type { RawPeer } from './device-attackers';

const MB = 1024 * 1024;

/** Writes one JSON text of `bytes` bytes (an echo whose payload is one long string) until the peer is closed. */
async function sendHugeEcho(peer: RawPeer, bytes: number): Promise<number> {
  const chunk = Buffer.alloc(MB, 'x');
  let sent = 0;
  peer.socket.write('{"method":"echo","id":"huge","params":["');
  while (sent < bytes && !peer.isClosed()) {
    const ok = peer.socket.write(chunk);
    sent += chunk.length;
    if (!ok) await Promise.race([new Promise((r) => peer.socket.once('drain', r)), peer.closed]);
  }
  if (!peer.isClosed()) peer.socket.write('"]}');
  return sent;
}

describe('device port: oversized input before identification', () => {
  const t = useTestApp('sqlite');

  it('closes peers sending 60 MB messages without answering, and a device still gets in', async () => {
    const port = listenerPort(t.current);
    const peers = await Promise.all(Array.from({ length: 8 }, (_, i) => openRawPeer(port, `127.0.0.${10 + i}`)));
    const sent = await Promise.all(peers.map((p) => sendHugeEcho(p, 60 * MB)));
    await Promise.all(peers.map((p) => p.closed));
    for (const [i, p] of peers.entries()) {
      expect(p.received()).not.toContain('"huge"');
      // Closed long before the whole message was out (socket buffers hold a few MB).
      expect(sent[i]).toBeLessThan(60 * MB);
    }
    const sim = await startSimDevice(t.current, 'SN-AFTER-HUGE');
    try {
      await until('the device identified', () => t.current.app.get(SouthboundService).devices.some((d) => d.serial === 'SN-AFTER-HUGE'));
    } finally {
      await sim.stop();
    }
  });

  it('answers a small echo request before identification, and closes the session on a large one', async () => {
    const port = listenerPort(t.current);
    const small = await openRawPeer(port, '127.0.0.20');
    small.socket.write(JSON.stringify({ method: 'echo', id: 'small', params: ['x'.repeat(100)] }));
    await until('the small echo answered', () => small.received().includes('"small"'));
    expect(small.isClosed()).toBe(false);
    small.destroy();

    const large = await openRawPeer(port, '127.0.0.21');
    large.socket.write(JSON.stringify({ method: 'echo', id: 'large', params: ['x'.repeat(10_000)] }));
    await large.closed;
    expect(large.received()).not.toContain('"large"');
  });
});

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown): void {
    this.lines.push(String(message));
  }
  warn(message: unknown): void {
    this.lines.push(String(message));
  }
  error(message: unknown): void {
    this.lines.push(String(message));
  }
}

describeEachDatabase('device port: serials', (db) => {
  const t = useTestApp(db, { env: { OVSDB_UNKNOWN_SERIALS_PER_MINUTE: '3', OVSDB_MAX_UNCLAIMED_NODES: '1000' } });
  const sims: SimHandle[] = [];
  const logs = new CapturingLogger();

  beforeAll(() => Logger.overrideLogger(logs));
  afterAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    for (const s of sims) await s.stop();
  });

  const nodes = (): Promise<Node[]> => t.current.app.get(DataSource).manager.find(Node);

  it('refuses serials with control characters before they reach a row or a log line', async () => {
    const southbound = t.current.app.get(SouthboundService);
    sims.push(await startSimDevice(t.current, 'EVIL\nserial=FORGED connected'));
    sims.push(await startSimDevice(t.current, 'L'.repeat(100_000)));
    await until('both refused', () => southbound.stats.invalidSerials >= 2);
    expect(await nodes()).toEqual([]);
    expect(logs.lines.some((l) => l.includes('\n'))).toBe(false);
    expect(logs.lines.every((l) => l.length < 1000)).toBe(true);
    expect(logs.lines.some((l) => l.includes('EVIL\\nserial=FORGED'))).toBe(true);
  });

  it('records unknown serials within the rate; a claimed device in another case still connects and converges', async () => {
    const southbound = t.current.app.get(SouthboundService);
    const admin = (await createGroupWithAdmin(t.current)).adminToken;
    const customer = await createCustomer(t.current, admin);
    // Claimed as typed by a support agent; the device reports it in lower case with a space.
    const claimed = expectData(await gql<{ claimNode: { id: string; serial: string } }>(t.current, CLAIM_NODE, { locationId: customer.locations[0].id, serial: ' sn-case-1' }, admin)).claimNode;
    expect(claimed.serial).toBe('SN-CASE-1');
    for (let i = 0; i < 8; i++) sims.push(await startSimDevice(t.current, `SN-FLOOD-${i}`));
    await until('the rate limit to drop unknown serials', () => southbound.stats.unknownSerialsDropped >= 5);
    const unknown = (await nodes()).filter((n) => n.serialNumber.startsWith('SN-FLOOD-'));
    expect(unknown).toHaveLength(3);
    expect(logs.lines.filter((l) => l.includes('unknown serial(s) not recorded'))).toHaveLength(1);

    const device = await startSimDevice(t.current, 'sn-case-1 ');
    sims.push(device);
    await until('the claimed device configured', () => ownedNames(device.device).length === 2);
    const rows = (await nodes()).filter((n) => n.serialNumber.toUpperCase().includes('SN-CASE-1'));
    expect(rows.map((n) => ({ id: n.id, serial: n.serialNumber, connected: n.connected }))).toEqual([{ id: claimed.id, serial: 'SN-CASE-1', connected: true }]);
  });
});
