import { InactivityProbe } from './inactivity-probe';
import type { ProbeTarget } from './inactivity-probe';

class Peer implements ProbeTarget {
  lastReceivedAt = 0;
  probes = 0;
  expiredAfter: number | undefined;
  sendProbe(): void {
    this.probes++;
  }
  expire(silentForMs: number): void {
    this.expiredAfter = silentForMs;
  }
}

describe('InactivityProbe', () => {
  let clock = 0;
  const now = (): number => clock;
  let probe: InactivityProbe;
  beforeEach(() => {
    clock = 0;
    probe = new InactivityProbe(1000, now);
  });
  afterEach(() => probe.stop());

  it('leaves a talkative peer alone', () => {
    const p = new Peer();
    probe.add(p);
    for (let i = 0; i < 10; i++) {
      clock += 500;
      p.lastReceivedAt = clock;
      probe.scan();
    }
    expect(p.probes).toBe(0);
    expect(p.expiredAfter).toBeUndefined();
  });

  it('probes after one silent interval and expires after a second', () => {
    const p = new Peer();
    probe.add(p);
    clock = 999;
    probe.scan();
    expect(p.probes).toBe(0);
    clock = 1000;
    probe.scan();
    expect(p.probes).toBe(1);
    clock = 1999;
    probe.scan();
    expect(p.probes).toBe(1);
    expect(p.expiredAfter).toBeUndefined();
    clock = 2000;
    probe.scan();
    expect(p.expiredAfter).toBe(2000);
    expect(probe.size).toBe(0);
  });

  it('forgets the probe once the peer answers', () => {
    const p = new Peer();
    probe.add(p);
    clock = 1000;
    probe.scan();
    clock = 1500;
    p.lastReceivedAt = 1500; // the echo reply
    probe.scan();
    clock = 2600;
    probe.scan();
    expect(p.expiredAfter).toBeUndefined();
    expect(p.probes).toBe(2);
  });

  it('keeps peers independent', () => {
    const quiet = new Peer();
    const busy = new Peer();
    probe.add(quiet);
    probe.add(busy);
    for (clock = 250; clock <= 2000; clock += 250) {
      busy.lastReceivedAt = clock;
      probe.scan();
    }
    expect(quiet.expiredAfter).toBe(2000);
    expect(busy.probes).toBe(0);
    expect(probe.size).toBe(1);
  });

  it('scans on its own timer with the real clock', async () => {
    const real = new InactivityProbe(20);
    const p = new Peer();
    p.lastReceivedAt = Date.now();
    real.add(p);
    while (p.expiredAfter === undefined) await new Promise((r) => setTimeout(r, 10));
    expect(p.probes).toBe(1);
    expect(real.size).toBe(0);
    real.stop();
  });
});
