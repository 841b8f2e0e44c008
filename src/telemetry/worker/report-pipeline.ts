// One report in the ingestion worker: decode (inflate, sts.Report), check that the report's
// nodeID is the serial of the node its topic names, judge a reboot from uptime, and hand
// the samples to the buffer; or count the drop and log it at most once per node per minute.

import { LogThrottle } from '../ingest/log-throttle';
import { UptimeTracker } from '../ingest/uptime-tracker';
import { decodeReportPayload, ReportDecodeError } from '../proto/report-decoder';
import { StatsReport } from '../proto/stats-report';
import type { NodeSamples } from '../store/sample-rows';
import type { ReportJob, WorkerCounter } from './worker-protocol';

const LOG_INTERVAL_MS = 60_000;

export type Log = (level: 'log' | 'warn', message: string) => void;

export class ReportPipeline {
  private readonly throttle = new LogThrottle(LOG_INTERVAL_MS);
  /** Reboots from uptime going down, judged in the order reports arrived. */
  private readonly uptimes = new UptimeTracker();

  constructor(
    private readonly counters: Record<WorkerCounter, number>,
    private readonly log: Log,
  ) {}

  /** The samples to store, or null when the report was dropped (and counted). */
  process(job: ReportJob): NodeSamples | null {
    const { nodeId, serial, receivedAt } = job;
    let report: StatsReport;
    try {
      report = decodeReportPayload(job.payload, receivedAt);
    } catch (error) {
      const kind = error instanceof ReportDecodeError ? error.kind : 'CORRUPT';
      this.counters[kind === 'WRONG_TYPE' ? 'droppedWrongType' : 'droppedCorrupt']++;
      this.drop(nodeId, `[serial=${serial}] report dropped (${kind}): ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    if (report.nodeId !== serial) {
      this.counters.droppedNodeMismatch++;
      this.drop(nodeId, `[serial=${serial}] report dropped: it names node "${report.nodeId.slice(0, 64)}", not this node`);
      return null;
    }
    const devices = report.devices.map((d) => ({ ...d, rebooted: this.rebooted(nodeId, d.uptimeS, receivedAt, serial) }));
    this.counters.reportsAccepted++;
    return { nodeId, locationId: job.locationId, clients: report.clients, radios: report.radios, devices, receivedAt };
  }

  private rebooted(nodeId: string, uptimeS: number | null, receivedAt: number, serial: string): boolean {
    const verdict = this.uptimes.observe(nodeId, uptimeS, receivedAt);
    if (!verdict.rebooted) return false;
    this.counters.rebootsDetected++;
    this.log('log', `[serial=${serial}] rebooted: uptime went from ${verdict.before} s to ${uptimeS} s`);
    return true;
  }

  private drop(nodeId: string, message: string): void {
    if (this.throttle.allow(`node:${nodeId}`, Date.now())) this.log('warn', message);
  }
}
