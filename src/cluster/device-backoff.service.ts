// In a cluster, every device this instance holds gets the cluster's reconnect backoff in
// AWLAN_Node.min_backoff / max_backoff (CLUSTER_DEVICE_BACKOFF), planned in the node's pass
// like the rest of its desired state. When an instance dies, its devices go back to the
// redirector only after eleven failed reconnects (CM2), each after such a wait: the backoff
// is what bounds how fast the survivors get them (docs/scaling.md).

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CachedRow, planReconnectBackoff } from '@lib/opensync';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { PassContributors } from '../reconciler/worker/pass-contributors';

@Injectable()
export class DeviceBackoffService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contributors: PassContributors,
  ) {}

  onModuleInit(): void {
    const backoff = this.config.cluster?.deviceBackoff;
    if (backoff === undefined || backoff === null) return;
    // Claimed or not: an unclaimed device must find a survivor as fast as any other.
    this.contributors.register({
      name: 'reconnect backoff',
      plan: ({ connection }) => planReconnectBackoff(backoff, [...(connection.wifi.table('AWLAN_Node')?.values() ?? [])] as CachedRow[], connection.schema),
    });
  }
}
