// RFC 7047 section 2 says nothing of logging; this is the listener's own guard: refusals
// happen at the rate an attacker chooses, so at most `perSecond` such lines are written
// each second and the rest are summarised in one line when the next second starts.

export class BoundedLog {
  private windowStart = -Infinity;
  private written = 0;
  private suppressed = 0;

  constructor(
    private readonly perSecond: number,
    private readonly write: (line: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  line(text: string): void {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      if (this.suppressed > 0) this.write(`${this.suppressed} more such line(s) not written in the previous second`);
      this.windowStart = t;
      this.written = 0;
      this.suppressed = 0;
    }
    if (this.written < this.perSecond) {
      this.written++;
      this.write(text);
    } else this.suppressed++;
  }
}
