// Token lifetimes are written like "12h"; the number of seconds is what the JWT `exp`
// claim and the login response's expiresAt need.

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a duration such as `3600`, `90s`, `30m`, `12h`, `7d`; undefined when malformed or zero. */
export function durationToSeconds(value: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (match === null) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2]] ?? 1);
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}
