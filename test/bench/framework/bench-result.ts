// What a part reports back to the runner: rows of the table, each against its target
// from the issue when it has one. Parts run in their own processes and hand this over as
// JSON, so it holds plain data only.

export type Verdict = 'met' | 'missed' | 'n/a';

export interface BenchRow {
  metric: string;
  value: string;
  target?: string;
  verdict?: Verdict;
}

export interface PartReport {
  part: string;
  title: string;
  rows: BenchRow[];
  /** Context a reader needs to trust the numbers: N, runs, what a timing includes. */
  notes: string[];
  /** Set when the part could not run here, with the reason. */
  skipped?: string;
  /** Wall-clock seconds the part took. */
  elapsedS?: number;
  /** Share of the machine's CPU time the hypervisor gave to other guests meanwhile (0-1). */
  stealShare?: number;
}

export function verdict(ok: boolean): Verdict {
  return ok ? 'met' : 'missed';
}
