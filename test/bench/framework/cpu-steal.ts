// Time the hypervisor gave to other guests while a part ran: the "steal" of /proc/stat. On
// a shared virtual machine the same build runs markedly slower when it is high (runs of
// one commit on this 2-core machine took 36 s one day and 66 s the next), so every part
// reports it beside its numbers.

import { readFileSync } from 'node:fs';

export interface CpuTimes {
  steal: number;
  total: number;
}

/** Pure: the aggregate "cpu" line of /proc/stat (user nice system idle iowait irq softirq steal ...). */
export function parseCpuTimes(procStat: string): CpuTimes | undefined {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (line === undefined) return undefined;
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 8 || fields.some((f) => !Number.isFinite(f))) return undefined;
  return { steal: fields[7], total: fields.reduce((a, b) => a + b, 0) };
}

/** Undefined where there is no /proc/stat (not Linux). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseCpuTimes(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** Share of the machine's CPU time stolen between two readings, 0-1; undefined without both. */
export function stealShare(from: CpuTimes | undefined, to: CpuTimes | undefined): number | undefined {
  if (from === undefined || to === undefined || to.total <= from.total) return undefined;
  return (to.steal - from.steal) / (to.total - from.total);
}
