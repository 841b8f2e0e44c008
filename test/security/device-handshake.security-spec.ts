// Issue 15, finding 4: connections that never identify (silent, or sending only echo
// requests) once held every handshake slot, so no new or reconnecting device was
// identified. Now a peer must answer our echo before it takes a slot, sessions not yet
// identified are capped in total and per address, and each must identify within a deadline.

import { SouthboundService } from '../../src/southbound/southbound.service';
import { useTestApp } from '../e2e/support';
import { listenerPort, startSimDevice } from '../e2e/reconciliation/sim-device';
import type { SimHandle } from '../e2e/reconciliation/sim-device';
import { keepEchoing, loopbackAddresses, openRawPeer, openSilentPeers, until } from './device-attackers';
import type { RawPeer } from './device-attackers';

// The device port does not depend on the database: SQLite only.
describe('device port: peers that never identify', () => {
  jest.setTimeout(120_000);
  const t = useTestApp('sqlite', {
    env: {
      OVSDB_ACCEPT_RATE: '100000',
      OVSDB_HANDSHAKE_TIMEOUT_MS: '20000',
      OVSDB_MAX_UNIDENTIFIED: '2100',
      OVSDB_MAX_UNIDENTIFIED_PER_ADDRESS: '16',
    },
  });
  const peers: RawPeer[] = [];
  let sim: SimHandle | undefined;

  afterAll(async () => {
    for (const p of peers) p.destroy();
    await sim?.stop();
  });

  it('64 echo-only and 2,000 silent connections: the caps refuse the excess and a real device is identified while they wait', async () => {
    const southbound = t.current.app.get(SouthboundService);
    const port = listenerPort(t.current);
    // 64 echo-only peers from one address: 16 admitted, 48 refused by the per-address cap.
    // (Attackers use other loopback addresses than the device, 127.0.0.1, as they would.)
    const echoers = await Promise.all(Array.from({ length: 64 }, () => openRawPeer(port, '127.0.0.2')));
    peers.push(...echoers);
    for (const p of echoers) keepEchoing(p, 200);
    await until('48 refusals', () => echoers.filter((p) => p.isClosed()).length === 48);
    expect(southbound.stats.refusedPendingPerAddress).toBe(48);
    // 2,000 silent peers, 10 per address: all within the caps.
    const silent = await openSilentPeers(port, 2000, loopbackAddresses(200));
    peers.push(...silent);
    await until('2,016 sessions waiting', () => southbound.unidentifiedCount === 2016);
    // One more from a fresh address is over the total cap (2,100 - 2,016 = 84 left: fill them).
    const fill = await openSilentPeers(port, 85, loopbackAddresses(300).slice(200));
    peers.push(...fill);
    await until('the total-cap refusal', () => southbound.stats.refusedPending === 1);
    fill.filter((p) => !p.isClosed()).forEach((p) => p.destroy());
    await until('the fill peers gone', () => southbound.unidentifiedCount === 2016);

    sim = await startSimDevice(t.current, 'SN-AFTER-FLOOD');
    await until('the device identified', () => southbound.devices.some((d) => d.serial === 'SN-AFTER-FLOOD'));
    // Identified while every attacker was still waiting: none of them held it back.
    expect(southbound.stats.handshakeTimeouts).toBe(0);
    expect(silent.every((p) => !p.isClosed())).toBe(true);
    // The echo-only peers got answers to their (small) echoes, but no slot.
    expect(echoers.filter((p) => !p.isClosed()).every((p) => p.received().includes('"id":"attacker-0"'))).toBe(true);
  });

  it('closes every attacker at the handshake deadline and the device stays connected', async () => {
    const southbound = t.current.app.get(SouthboundService);
    await until('the deadline', () => southbound.unidentifiedCount === 0, 1500);
    expect(southbound.stats.handshakeTimeouts).toBe(2016);
    await until('every attacker socket closed', () => peers.every((p) => p.isClosed()));
    expect(southbound.devices.map((d) => d.serial)).toEqual(['SN-AFTER-FLOOD']);
  });
});

describe('device port: liveness before identification', () => {
  const t = useTestApp('sqlite', { env: { OVSDB_PROBE_INTERVAL_MS: '1000', OVSDB_HANDSHAKE_TIMEOUT_MS: '600000' } });

  it('a peer that only sends echo requests is not kept alive by them', async () => {
    const southbound = t.current.app.get(SouthboundService);
    const peer = await openRawPeer(listenerPort(t.current));
    keepEchoing(peer, 100);
    await peer.closed;
    // Closed by the inactivity probe (it never answered our echo), long before the deadline.
    expect(southbound.stats.handshakeTimeouts).toBe(0);
    expect(peer.received()).toContain('"method":"echo"');
  });
});
