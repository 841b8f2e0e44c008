// The controller's own share of a change, read from its log: when it logs "[serial=...]
// sending N operations" it is about to write the device's transact. Followed line by line as
// the controller writes them (ControllerProcess onOutput), with the wall-clock time this
// process read each line, so a busy device or fleet does not hide what the controller took.

import { performance } from 'node:perf_hooks';

export const SENDING_LINE = /\[serial=(\S+)[^\]]*\] sending \d+ operations/;

/** Wall-clock ms with sub-millisecond resolution, comparable across this process's timers. */
export const wallClock = (): number => performance.timeOrigin + performance.now();

export class TransactLog {
  /** When this process last read a "sending N operations" line of each device (wallClock). */
  readonly sentAt = new Map<string, number>();
  private partial = '';

  /** Takes a chunk of the controller's output; other lines are given to `other`. */
  feed(chunk: string, other?: (line: string, at: number) => void): void {
    const at = wallClock();
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      const sending = SENDING_LINE.exec(line);
      if (sending) this.sentAt.set(sending[1], at);
      else other?.(line, at);
    }
  }
}
