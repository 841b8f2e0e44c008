// Prometheus counters of equipment-based localisation, read at scrape time from the
// matcher's and the delivery worker's own counts.

import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { EblDeliveryWorker } from './delivery/ebl-delivery-worker.service';
import { EblMatchingService } from './matching/ebl-matching.service';

@Injectable()
export class EblMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly matching: EblMatchingService,
    private readonly worker: EblDeliveryWorker,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    m.counterFrom('ebl_client_events_total', 'Client associations, disconnects and DHCP leases matched against EBL registrations', () => this.matching.stats.events);
    m.counterFrom('ebl_discoveries_total', 'EBL discoveries: notifications queued', () => this.matching.stats.discoveries);
    m.labelledCounterFrom('ebl_presence_checks_total', 'EBL in a cluster: discoveries new to this instance checked against the shared presence, by result (new; known, through another instance; failed, notified anyway)', 'result', () => ({ ...this.matching.stats.presenceChecks }));
    m.counterFrom('ebl_delivery_attempts_total', 'EBL notification attempts', () => this.worker.stats.attempts);
    m.counterFrom('ebl_deliveries_delivered_total', 'EBL notifications the provider accepted (2xx)', () => this.worker.stats.delivered);
    m.counterFrom('ebl_deliveries_failed_total', 'EBL notifications given up after the retry period', () => this.worker.stats.failed);
    m.gaugeFrom('ebl_registrations', 'EBL registrations in the matching index, by kind', ['kind'], () => {
      const size = this.matching.index.size;
      return [
        [{ kind: 'mac' }, size.macs],
        [{ kind: 'vendorid' }, size.vendorIds],
      ];
    });
  }
}
