// Issue 15 finding 6 / issue 16: rows written before serials were normalised (any case,
// surrounding spaces, control characters from the attack) are brought to the canonical form
// by the migration, on both databases, without losing a claim.

import { DataSource } from 'typeorm';
import { Node } from '../../src/nodes/node.entity';
import { NormaliseSerials1764200000000 } from '../../src/nodes/migrations/1764200000000-normalise-serials';
import { createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, useTestApp } from '../e2e/support';

describeEachDatabase('serial normalisation migration', (db) => {
  const t = useTestApp(db);

  it('normalises, keeps claims, deletes unclaimed phantoms and junk', async () => {
    const dataSource = t.current.app.get(DataSource);
    const manager = dataSource.manager;
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const row = (serialNumber: string, locationId: string | null, seen: number) =>
      manager.save(manager.create(Node, { serialNumber, locationId, connected: false, lastSeenAt: at(seen) }));
    const location = (await createCustomer(t.current, (await createGroupWithAdmin(t.current)).adminToken)).locations[0].id;
    const lone = await row(' sn-lone', null, 1);
    const claimed = await row('sn-dup', location, 1);
    const phantom = await row('SN-DUP', null, 9);
    const junk = await row('EVIL\nFORGED', null, 1);
    const twiceA = await row('sn-two', location, 5);
    const twiceB = await row('SN-TWO', location, 1);

    const runner = dataSource.createQueryRunner();
    try {
      await new NormaliseSerials1764200000000().up(runner);
    } finally {
      await runner.release();
    }
    const after = new Map((await manager.find(Node)).map((n) => [n.id, n.serialNumber]));
    expect(after.get(lone.id)).toBe('SN-LONE');
    expect(after.get(claimed.id)).toBe('SN-DUP');
    expect(after.has(phantom.id)).toBe(false);
    expect(after.has(junk.id)).toBe(false);
    // Two claimed rows of one device: the canonical one kept, the other left for its tenant.
    expect(after.get(twiceB.id)).toBe('SN-TWO');
    expect(after.get(twiceA.id)).toBe('sn-two');
  });
});
