import { Operation } from '@lib/ovsdb';
import { CachedRow, DesiredVif } from '../desired/desired-network';
import { deviceCapabilities } from '../desired/device-capabilities';
import { desiredVifs } from '../desired/desired-vifs';
import { planVifOperations } from '../plan/plan-vif-operations';
import { network, RADIO_24, RADIO_5L } from '../testing/opensync-fixtures';
import { CURRENT_TEST_SCHEMA } from '../testing/opensync-test-schema';
import { activeBlocks, canonicalMac, ClientBlock, nextBlockExpiry, vifAclColumns } from './vif-acl';

const NOW = new Date('2026-01-01T12:00:00Z');
const later = (s: number): Date => new Date(NOW.getTime() + s * 1000);
const A = 'aa:bb:cc:00:00:0a';
const B = 'aa:bb:cc:00:00:0b';
const C = 'aa:bb:cc:00:00:0c';

describe('vifAclColumns', () => {
  it('is empty without a list or a block (no ACL on the device)', () => {
    expect(vifAclColumns(null, [], NOW)).toEqual({ mac_list: [], mac_list_type: undefined });
    expect(vifAclColumns({ mode: 'DENY', macs: [] }, [], NOW)).toEqual({ mac_list: [], mac_list_type: undefined });
  });

  it('blacklists the blocked MACs, canonical and sorted, once each', () => {
    const blocks: ClientBlock[] = [{ mac: 'AA-BB-CC-00-00-0B', until: later(60) }, { mac: A, until: later(30) }, { mac: B, until: later(90) }];
    expect(vifAclColumns(undefined, blocks, NOW)).toEqual({ mac_list: [A, B], mac_list_type: 'blacklist' });
  });

  it('drops a block at its end instant', () => {
    const blocks = [{ mac: A, until: later(60) }];
    expect(vifAclColumns(null, blocks, later(59.999)).mac_list).toEqual([A]);
    expect(vifAclColumns(null, blocks, later(60))).toEqual({ mac_list: [], mac_list_type: undefined });
  });

  it('composes a deny list with blocks as their union', () => {
    expect(vifAclColumns({ mode: 'DENY', macs: [C, A] }, [{ mac: B, until: later(60) }, { mac: A, until: later(60) }], NOW)).toEqual({
      mac_list: [A, B, C],
      mac_list_type: 'blacklist',
    });
  });

  it('kicks from an allow list by leaving the MAC out, and lets it back when the block ends', () => {
    const acl = { mode: 'ALLOW' as const, macs: [A, B] };
    const blocks = [{ mac: 'AA:BB:CC:00:00:0A', until: later(60) }];
    expect(vifAclColumns(acl, blocks, NOW)).toEqual({ mac_list: [B], mac_list_type: 'whitelist' });
    expect(vifAclColumns(acl, blocks, later(61))).toEqual({ mac_list: [A, B], mac_list_type: 'whitelist' });
    // Every allowed MAC blocked: a whitelist of none admits nobody, which is what was asked.
    expect(vifAclColumns({ mode: 'ALLOW', macs: [A] }, blocks, NOW)).toEqual({ mac_list: [], mac_list_type: 'whitelist' });
  });

  it('ignores entries that are not MACs', () => {
    expect(vifAclColumns({ mode: 'DENY', macs: ['nonsense', ''] }, [], NOW)).toEqual({ mac_list: [], mac_list_type: undefined });
  });
});

describe('block functions', () => {
  it('canonicalMac accepts both separators and any case, and rejects the rest', () => {
    expect(canonicalMac(' AA-bb-CC-00-00-0A ')).toBe(A);
    expect(canonicalMac('aa:bb:cc:00:00')).toBeUndefined();
    expect(canonicalMac('aabbcc00000a')).toBeUndefined();
  });

  it('nextBlockExpiry names the earliest block still in force', () => {
    const blocks = [{ mac: A, until: later(-1) }, { mac: B, until: later(90) }, { mac: C, until: later(30) }];
    expect(activeBlocks(blocks, NOW).map((b) => b.mac)).toEqual([B, C]);
    expect(nextBlockExpiry(blocks, NOW)).toEqual(later(30));
    expect(nextBlockExpiry(blocks, later(100))).toBeUndefined();
  });
});

describe('blocks in the desired VIFs and the plan', () => {
  const caps = deviceCapabilities(CURRENT_TEST_SCHEMA);
  const radios = [RADIO_24, RADIO_5L];
  const want = (blocks: ClientBlock[], at = NOW): Map<string, DesiredVif[]> => desiredVifs([network()], radios, caps, at, { blocks }).byRadio;
  const applied = (byRadio: Map<string, DesiredVif[]>): { radios: typeof radios; vifConfigs: CachedRow[] } => {
    const vifConfigs: CachedRow[] = [];
    const withRefs = radios.map((radio) => {
      const vifs = byRadio.get(radio._uuid) ?? [];
      vifs.forEach((v) => vifConfigs.push({ ...v.row, _uuid: `c0000000-0000-4000-8000-${v.ifName.length.toString().padStart(6, '0')}${radio._uuid.slice(-6)}` }));
      return { ...radio, vif_configs: vifs.map((v) => vifConfigs.find((c) => c.if_name === v.ifName)?._uuid as string) };
    });
    return { radios: withRefs, vifConfigs };
  };
  const updates = (ops: Operation[]): unknown[] => ops.filter((o) => o.op === 'update').map((o) => (o.op === 'update' ? o.row : undefined));

  it('blacklists the client on every VIF of the node, then clears the list when the block ends', () => {
    const blocks = [{ mac: A, until: later(60) }];
    const device = applied(want([]));
    const kick = planVifOperations(want(blocks), device, CURRENT_TEST_SCHEMA);
    expect(updates(kick)).toEqual([
      { mac_list: ['set', [A]], mac_list_type: 'blacklist' },
      { mac_list: ['set', [A]], mac_list_type: 'blacklist' },
    ]);
    const blocked = applied(want(blocks));
    expect(planVifOperations(want(blocks, later(30)), blocked, CURRENT_TEST_SCHEMA)).toEqual([]);
    const release = planVifOperations(want(blocks, later(60)), blocked, CURRENT_TEST_SCHEMA);
    expect(updates(release)).toEqual([
      { mac_list: ['set', []], mac_list_type: ['set', []] },
      { mac_list: ['set', []], mac_list_type: ['set', []] },
    ]);
  });

  it('inserts a new VIF with the blacklist already in it', () => {
    const plan = planVifOperations(want([{ mac: B, until: later(60) }]), { radios, vifConfigs: [] }, CURRENT_TEST_SCHEMA);
    const insert = plan.find((o) => o.op === 'insert');
    expect(insert?.op === 'insert' && insert.row).toMatchObject({ mac_list: ['set', [B]], mac_list_type: 'blacklist' });
  });
});
