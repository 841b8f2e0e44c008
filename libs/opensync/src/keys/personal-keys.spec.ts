import { desiredVifs } from '../desired/desired-vifs';
import { CURRENT_CAPS, LEGACY_CAPS, network, RADIO_24 } from '../testing/opensync-fixtures';
import { clientsOfRetiredKeys, clientsOfRotatedKeys, holdsKeyRoom, keyName, MAX_KEYS_PER_VIF, nextKeyEdge, PersonalKeyView, planKeys } from './personal-keys';

const NOW = new Date('2026-01-01T12:00:00Z');
const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);
const key = (slot: number, extra: Partial<PersonalKeyView> = {}): PersonalKeyView => ({ slot, passphrase: `pass-${slot}-secret`, active: true, ...extra });

describe('personal keys', () => {
  it('names keys key-N by their slot, never key or key--1', () => {
    expect(keyName(1)).toBe('key-1');
    expect(keyName(64)).toBe('key-64');
  });

  it('keeps every key in its slot when another key is rotated or revoked', () => {
    const before = planKeys([key(1), key(2), key(3)], NOW).psks;
    const rotated = planKeys([key(1), key(2, { passphrase: 'rotated-passphrase' }), key(3)], NOW).psks;
    const revoked = planKeys([key(1), key(3)], NOW).psks;
    expect([...before.keys()]).toEqual(['key-1', 'key-2', 'key-3']);
    expect(rotated.get('key-1')).toBe(before.get('key-1'));
    expect(rotated.get('key-3')).toBe(before.get('key-3'));
    expect(rotated.get('key-2')).toBe('rotated-passphrase');
    expect([...revoked]).toEqual([['key-1', 'pass-1-secret'], ['key-3', 'pass-3-secret']]);
  });

  it('is deterministic whatever the input order', () => {
    const keys = [key(5), key(2), key(9)];
    expect([...planKeys(keys, NOW).psks]).toEqual([...planKeys([...keys].reverse(), NOW).psks]);
  });

  it('carries at most 64 keys, the lowest slots, and counts those left out', () => {
    const keys = Array.from({ length: 70 }, (_, i) => key(70 - i));
    const plan = planKeys(keys, NOW);
    expect(plan.psks.size).toBe(MAX_KEYS_PER_VIF);
    expect(plan.leftOut).toBe(6);
    expect(plan.psks.has('key-64')).toBe(true);
    expect(plan.psks.has('key-65')).toBe(false);
  });

  it('puts a key on only inside its window and while active', () => {
    const keys = [key(1, { validFrom: at(1000) }), key(2, { validUntil: NOW }), key(3, { validUntil: at(1) }), key(4, { active: false }), key(5, { validFrom: NOW })];
    expect([...planKeys(keys, NOW).psks.keys()]).toEqual(['key-3', 'key-5']);
    expect([...planKeys(keys, at(1000)).psks.keys()]).toEqual(['key-1', 'key-5']);
  });

  it('finds the next window edge of an active key', () => {
    expect(nextKeyEdge([key(1, { validFrom: at(5000), validUntil: at(9000) }), key(2, { validUntil: at(3000) }), key(3, { active: false, validUntil: at(10) })], NOW)).toEqual(at(3000));
    expect(nextKeyEdge([key(1, { validUntil: NOW })], NOW)).toBeUndefined();
  });

  it('counts a key against the 64 until its window ends, a suspended one not at all', () => {
    expect(holdsKeyRoom({ active: true, validUntil: null }, NOW)).toBe(true);
    expect(holdsKeyRoom({ active: true, validUntil: at(1) }, NOW)).toBe(true);
    expect(holdsKeyRoom({ active: true, validUntil: NOW }, NOW)).toBe(false);
    expect(holdsKeyRoom({ active: false, validUntil: null }, NOW)).toBe(false);
  });

  it('names the clients of keys the VIF no longer carries', () => {
    const psks = new Map([['key-1', 'x'.repeat(8)]]);
    const clients = [
      { mac: 'aa:00:00:00:00:01', keyId: 'key-1' },
      { mac: 'aa:00:00:00:00:02', keyId: 'key-2' },
      { mac: 'aa:00:00:00:00:03', keyId: null },
    ];
    expect(clientsOfRetiredKeys(clients, psks)).toEqual([{ mac: 'aa:00:00:00:00:02', keyId: 'key-2' }]);
  });

  describe('on the VIF rows', () => {
    it('carries the keys in force in wpa_psks instead of the network passphrase', () => {
      const net = network({ personalKeys: [key(2), key(1, { validUntil: NOW })] });
      const [vif] = desiredVifs([net], [RADIO_24], CURRENT_CAPS, NOW).byRadio.get(RADIO_24._uuid) ?? [];
      expect(vif.row.wpa_psks).toEqual(new Map([['key-2', 'pass-2-secret']]));
      expect(vif.row.wpa).toBe(true);
    });

    it('offers no VIF while no key is in force', () => {
      const net = network({ personalKeys: [key(1, { validFrom: at(1000) })] });
      const result = desiredVifs([net], [RADIO_24], CURRENT_CAPS, NOW);
      expect(result.byRadio.get(RADIO_24._uuid)).toEqual([]);
      expect(result.skipped.map((s) => s.reason)).toEqual(['NO_KEYS_IN_FORCE']);
    });

    it('refuses personal keys on firmware with the legacy security map', () => {
      const result = desiredVifs([network({ personalKeys: [key(1)] })], [RADIO_24], LEGACY_CAPS, NOW);
      expect(result.skipped.map((s) => s.reason)).toEqual(['SECURITY_UNSUPPORTED']);
    });
  });
});

describe('clients of rotated keys', () => {
  const rotatedAt = new Date('2026-01-01T12:00:00Z');
  const before = new Date(rotatedAt.getTime() - 1000);
  const after = new Date(rotatedAt.getTime() + 1000);

  it('are the clients of a rotated key that joined before the rotation, only while the VIF carries it', () => {
    const keys: PersonalKeyView[] = [
      { slot: 1, passphrase: 'new passphrase 1', active: true, rotatedAt },
      { slot: 2, passphrase: 'never rotated 2', active: true },
    ];
    const psks = planKeys(keys, NOW).psks;
    const clients = [
      { mac: 'aa:00:00:00:00:01', keyId: 'key-1', since: before },
      { mac: 'aa:00:00:00:00:02', keyId: 'key-1', since: after },
      { mac: 'aa:00:00:00:00:03', keyId: 'key-2', since: before },
      { mac: 'aa:00:00:00:00:04', keyId: null, since: before },
    ];
    expect(clientsOfRotatedKeys(clients, keys, psks).map((c) => c.mac)).toEqual(['aa:00:00:00:00:01']);
    // A rotated key no longer carried (revoked since) is the retired-key rule's, not this one's.
    expect(clientsOfRotatedKeys(clients, keys, new Map([['key-2', 'never rotated 2']]))).toEqual([]);
  });
});
