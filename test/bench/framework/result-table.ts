// Renders part reports as one markdown table: the same text goes to the terminal and to
// docs/benchmarks.md, so what a user sees is what is published.

import type { BenchRow, PartReport } from './bench-result';

const HEADER = '| part | metric | value | target | verdict |\n|---|---|---|---|---|';

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rowLine(part: string, row: BenchRow): string {
  return `| ${cell(part)} | ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.target)} | ${cell(row.verdict)} |`;
}

export function renderPartTable(report: PartReport): string {
  const name = report.title;
  const lines = report.skipped
    ? [rowLine(name, { metric: 'skipped', value: report.skipped })]
    : report.rows.map((row) => rowLine(name, row));
  return [HEADER, ...lines].join('\n');
}

export function renderPartSection(report: PartReport, context: string): string {
  const notes = report.notes.map((n) => `- ${n}`);
  const elapsed = report.elapsedS === undefined ? [] : [`- Part wall-clock: ${report.elapsedS.toFixed(1)} s.`];
  return [`Run: ${context}`, '', renderPartTable(report), '', ...notes, ...elapsed, ...stealLine(report)].join('\n');
}

/** Steal: CPU time the hypervisor gave to other guests of a shared machine while the part ran. */
export function stealLine(report: PartReport): string[] {
  if (report.stealShare === undefined) return [];
  return [`- CPU steal while the part ran (time the hypervisor gave to other guests): ${(report.stealShare * 100).toFixed(0)} % of the machine's CPU time.`];
}
