// Samples handed to storage outside the MQTT path (storage tests, tools): they go to the
// ingestion worker's buffer like decoded reports, so they are stored exactly as those are
// (on SQLite by the worker, in the telemetry file; on PostgreSQL by SampleBatchWriter).

import { Injectable } from '@nestjs/common';
import { IngestWorkerHost } from '../ingest/ingest-worker-host.service';
import type { NodeSamples } from './sample-rows';

export type { NodeSamples } from './sample-rows';

@Injectable()
export class SampleWriter {
  constructor(private readonly host: IngestWorkerHost) {}

  add(s: NodeSamples): void {
    this.host.add(s);
  }

  /** Resolves when everything added so far is stored (or counted lost). */
  flush(): Promise<void> {
    return this.host.flush();
  }
}
