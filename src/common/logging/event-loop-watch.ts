// Everything in the controller (API requests, ten thousand device sessions) shares one event
// loop, so a long synchronous stretch delays all of it. This samples the loop's delay and
// warns when it stalled for STALL_WARN_MS or more in a window, with the window's p99, so a
// latency spike seen by clients can be matched to the moment the loop stopped.

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

export const STALL_WARN_MS = 100;
const WINDOW_MS = 10_000;

export interface LoopDelaySummary {
  maxMs: number;
  p99Ms: number;
}

/** Pure: what one window of the histogram says, or undefined when it is not worth a line. */
export function stallReport(summary: LoopDelaySummary, warnAtMs = STALL_WARN_MS): string | undefined {
  if (summary.maxMs < warnAtMs) return undefined;
  return `event loop stalled up to ${summary.maxMs.toFixed(0)} ms in the last ${WINDOW_MS / 1000} s (p99 ${summary.p99Ms.toFixed(0)} ms)`;
}

@Injectable()
export class EventLoopWatch implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventLoop');
  private histogram: IntervalHistogram | undefined;
  private timer: NodeJS.Timeout | undefined;

  onModuleInit(): void {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.timer = setInterval(() => this.report(), WINDOW_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.histogram?.disable();
  }

  private report(): void {
    const h = this.histogram;
    if (h === undefined) return;
    const summary = { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6 };
    h.reset();
    const line = stallReport(summary);
    if (line !== undefined) this.logger.warn(line);
  }
}
