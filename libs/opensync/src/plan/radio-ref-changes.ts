// Pending changes to Wifi_Radio_Config.vif_configs during one planning pass, turned into one
// mutate per radio at the end. Mutating ("insert"/"delete" of single uuids) rather than
// rewriting the whole set leaves the references to the device's own VIFs untouched even if
// the device changes them while our transaction is in flight.

import { AtomValue, Mutation, NamedUuid } from '@lib/ovsdb';
import { RadioView } from '../desired/desired-network';

interface RadioChange {
  insert: AtomValue[];
  delete: string[];
}

export class RadioRefChanges {
  private readonly current = new Map<string, ReadonlySet<string>>();
  private readonly changes = new Map<string, RadioChange>();
  private readonly order: string[];

  constructor(radios: readonly RadioView[]) {
    this.order = [...radios].map((r) => r._uuid).sort();
    for (const radio of radios) this.current.set(radio._uuid, new Set(radio.vif_configs));
  }

  references(radioUuid: string, vifUuid: string): boolean {
    return this.current.get(radioUuid)?.has(vifUuid) ?? false;
  }

  isReferenced(vifUuid: string): boolean {
    return [...this.current.values()].some((refs) => refs.has(vifUuid));
  }

  attach(radioUuid: string, vif: string | NamedUuid): void {
    if (typeof vif === 'string' && this.references(radioUuid, vif)) return;
    this.change(radioUuid).insert.push(vif);
  }

  /** The right radio references the row and no other does. */
  attachOnlyTo(radioUuid: string, vifUuid: string): void {
    this.attach(radioUuid, vifUuid);
    for (const [other, refs] of this.current) {
      if (other !== radioUuid && refs.has(vifUuid)) this.change(other).delete.push(vifUuid);
    }
  }

  detachEverywhere(vifUuid: string): void {
    for (const [radioUuid, refs] of this.current) {
      if (refs.has(vifUuid)) this.change(radioUuid).delete.push(vifUuid);
    }
  }

  mutations(): { radioUuid: string; mutations: Mutation[] }[] {
    return this.order
      .filter((radioUuid) => this.changes.has(radioUuid))
      .map((radioUuid) => {
        const change = this.changes.get(radioUuid) as RadioChange;
        const mutations: Mutation[] = [];
        if (change.delete.length > 0) mutations.push(['vif_configs', 'delete', [...change.delete].sort()]);
        if (change.insert.length > 0) mutations.push(['vif_configs', 'insert', change.insert]);
        return { radioUuid, mutations };
      });
  }

  private change(radioUuid: string): RadioChange {
    let change = this.changes.get(radioUuid);
    if (!change) {
      change = { insert: [], delete: [] };
      this.changes.set(radioUuid, change);
    }
    return change;
  }
}
