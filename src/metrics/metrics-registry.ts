// One Prometheus registry for the process, with prom-client's default metrics (event-loop
// lag, GC, heap, CPU, handles). Counters that other modules keep as plain fields are
// exposed with one line each (`counterFrom`): the value is read at scrape time, so the
// module that counts pays one increment and knows nothing of Prometheus.

import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { LOOP_SAMPLE_MS } from '../common/logging/event-loop-watch';

export const METRIC_PREFIX = 'opensync_';

@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: LOOP_SAMPLE_MS });
  }

  /** A counter whose value is a plain number field elsewhere (e.g. `() => service.stats.refused`). */
  counterFrom(name: string, help: string, read: () => number): void {
    new Counter({
      name: METRIC_PREFIX + name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  /** A counter with one label, read as `{labelValue: count}` at scrape time. */
  labelledCounterFrom(name: string, help: string, label: string, read: () => Record<string, number>): void {
    new Counter({
      name: METRIC_PREFIX + name,
      help,
      labelNames: [label],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [value, count] of Object.entries(read())) this.inc({ [label]: value }, count);
      },
    });
  }

  /** A gauge computed at scrape time: `read` returns [labels, value] pairs. */
  gaugeFrom(name: string, help: string, labelNames: readonly string[], read: () => Iterable<[Record<string, string>, number]>): void {
    new Gauge({
      name: METRIC_PREFIX + name,
      help,
      labelNames: [...labelNames],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, value] of read()) this.set(labels, value);
      },
    });
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
