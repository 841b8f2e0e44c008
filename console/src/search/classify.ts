// What a search text can be, and so which lookups the search box asks the API for. Every
// lookup is scoped by the API to the caller's groups; this only avoids asking what cannot match.

export interface SearchPlan {
  /** customers(filter: { search }): name, email or accountId contains the text. */
  customers?: string;
  /** nodes(filter: { serialPrefix }): serials starting with the text. */
  serialPrefix?: string;
  /** locationsByServiceId: the location service id, exactly. */
  serviceId?: string;
  /** A client MAC address, normalised to lower-case colon form. */
  mac?: string;
}

const MAC = /^([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})$/i;
const TOKEN = /^[A-Za-z0-9._:-]+$/;

/** The lower-case colon form of a MAC address, or undefined when the text is not one. */
export function normaliseMac(text: string): string | undefined {
  const m = MAC.exec(text.trim());
  return m === null ? undefined : m.slice(1, 7).join(':').toLowerCase();
}

export function planSearch(raw: string): SearchPlan {
  const text = raw.trim();
  if (text.length < 2) return {};
  const plan: SearchPlan = { customers: text };
  const mac = normaliseMac(text);
  if (mac !== undefined) plan.mac = mac;
  if (TOKEN.test(text)) {
    if (text.length >= 3 && mac === undefined) plan.serialPrefix = text;
    plan.serviceId = text;
  }
  return plan;
}

/** Moves the highlighted result with the arrow keys, wrapping at both ends; -1 when there is none. */
export function moveHighlight(current: number, count: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End'): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

/** Waits until typing pauses: the text to search for, debounced. */
export const SEARCH_DEBOUNCE_MS = 200;
