// Everything in the controller (API requests, ten thousand device sessions) shares one event
// loop, so a long synchronous stretch delays all of it. This samples the loop's delay and
// warns when it stalled for STALL_WARN_MS or more in a window, with the window's p99, so a
// latency spike seen by clients can be matched to the moment the loop stopped. The line
// says whether V8 ran full (mark-compact) collections in that window: at ten thousand
// devices a full collection of the live heap is the usual cause (docs/benchmarks.md).

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { constants, IntervalHistogram, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export const STALL_WARN_MS = 100;
const WINDOW_MS = 10_000;
/**
 * How often the loop's delay is sampled, in ms: a native timer that wakes the loop each
 * time. The metrics module's histogram (prom-client's eventLoopMonitoringPrecision) uses
 * the same period, so that the two timers fire in the same loop turn instead of waking an
 * idle process 150 times a second (docs/benchmarks.md, round nine). A stall of 100 ms is
 * seen at either resolution.
 */
export const LOOP_SAMPLE_MS = 20;

export interface LoopDelaySummary {
  maxMs: number;
  p99Ms: number;
  /** Full (mark-compact) collections that ended in the window, and their pauses in total. */
  fullCollections?: number;
  fullCollectionPauseMs?: number;
}

/** Pure: what one window of the histogram says, or undefined when it is not worth a line. */
export function stallReport(summary: LoopDelaySummary, warnAtMs = STALL_WARN_MS): string | undefined {
  if (summary.maxMs < warnAtMs) return undefined;
  const collections = summary.fullCollections ?? 0;
  const gc =
    collections === 0
      ? 'no full GC'
      : `${collections} full GC${collections > 1 ? 's' : ''}, ${(summary.fullCollectionPauseMs ?? 0).toFixed(0)} ms of final pauses`;
  return `event loop stalled up to ${summary.maxMs.toFixed(0)} ms in the last ${WINDOW_MS / 1000} s (p99 ${summary.p99Ms.toFixed(0)} ms; ${gc})`;
}

@Injectable()
export class EventLoopWatch implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventLoop');
  private histogram: IntervalHistogram | undefined;
  private timer: NodeJS.Timeout | undefined;
  private gcObserver: PerformanceObserver | undefined;
  private fullCollections = 0;
  private fullCollectionPauseMs = 0;

  onModuleInit(): void {
    this.histogram = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    this.histogram.enable();
    this.gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if ((entry as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
        this.fullCollections++;
        this.fullCollectionPauseMs += entry.duration;
      }
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.timer = setInterval(() => this.report(), WINDOW_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.histogram?.disable();
    this.gcObserver?.disconnect();
  }

  private report(): void {
    const h = this.histogram;
    if (h === undefined) return;
    // The histogram holds the intervals between samples: the delay is what exceeds the period.
    const delayMs = (ns: number): number => Math.max(0, ns / 1e6 - LOOP_SAMPLE_MS);
    const summary = { maxMs: delayMs(h.max), p99Ms: delayMs(h.percentile(99)), fullCollections: this.fullCollections, fullCollectionPauseMs: this.fullCollectionPauseMs };
    h.reset();
    this.fullCollections = 0;
    this.fullCollectionPauseMs = 0;
    const line = stallReport(summary);
    if (line !== undefined) this.logger.warn(line);
  }
}
