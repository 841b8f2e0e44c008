// A network's MAC access list as typed by an agent: one MAC per line (or separated by spaces
// or commas), any case, ':' or '-'. The API stores them lower case with ':', sorted, once
// each, and refuses a bad one naming it; the form names it first.

export const MAX_MACS = 512;
const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;

export interface ParsedMacList {
  macs: string[];
  /** Entries that are not a MAC address, as typed. */
  bad: string[];
}

export function parseMacList(text: string): ParsedMacList {
  const macs = new Set<string>();
  const bad: string[] = [];
  for (const entry of text.split(/[\s,;]+/)) {
    if (entry === '') continue;
    if (MAC.test(entry)) macs.add(entry.toLowerCase().replace(/-/g, ':'));
    else bad.push(entry);
  }
  return { macs: [...macs].sort(), bad };
}

/** Why the list cannot be sent, or undefined. */
export function macListProblem(parsed: ParsedMacList): string | undefined {
  if (parsed.bad.length > 0) return `Not a MAC address: ${parsed.bad.slice(0, 5).join(', ')}${parsed.bad.length > 5 ? ` and ${parsed.bad.length - 5} more` : ''}.`;
  if (parsed.macs.length === 0) return 'Add at least one MAC address, or remove the list instead.';
  if (parsed.macs.length > MAX_MACS) return `At most ${MAX_MACS} MAC addresses (${parsed.macs.length} given).`;
  return undefined;
}

export function macListWords(list: { mode: string; macs: readonly string[] } | null | undefined): string {
  if (list == null) return 'none';
  const n = list.macs.length;
  return list.mode === 'ALLOW' ? `only ${n} allowed` : `${n} denied`;
}
