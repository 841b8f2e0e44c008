// Other desired state a node's pass sends besides its VIFs (telemetry settings, client
// nicknames): modules register a contributor here, and the reconciler asks every one of them
// during each pass, so all of a node's writes go out in the node's one transaction and are
// converged the same way (planned from the device's replica, empty once it agrees).
// Contributors plan with pure functions of libs/opensync; the reconciler keeps no knowledge
// of what they manage.

import { Injectable } from '@nestjs/common';
import { Operation } from '@lib/ovsdb';
import { DeviceConnection } from '../sessions/device-connection';

export interface PassInput {
  connection: DeviceConnection;
  /** The node's location (null: unclaimed node). */
  locationId: string | null;
  groupId: string | null;
}

export interface PassContributor {
  /** For logs and errors. */
  readonly name: string;
  /** The operations that bring the device's rows to what this contributor wants. */
  plan(input: PassInput): Operation[] | Promise<Operation[]>;
}

@Injectable()
export class PassContributors {
  private readonly contributors: PassContributor[] = [];

  register(contributor: PassContributor): void {
    this.contributors.push(contributor);
  }

  async plan(input: PassInput): Promise<Operation[]> {
    const all: Operation[] = [];
    for (const c of this.contributors) all.push(...(await c.plan(input)));
    return all;
  }
}
