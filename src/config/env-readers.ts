// Small pure readers for environment values; each records a problem naming the variable
// instead of throwing, so load-config can report all of them together.

import { ConfigProblem } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

export class EnvReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: Env) {}

  /** The value as given (passwords keep their spaces); empty counts as unset. */
  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string): string | undefined {
    const raw = this.env[name];
    if (raw === undefined) return undefined;
    const value = raw.trim();
    return value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) {
      this.fail(name, `must be a whole number, got "${raw}"`);
      return fallback;
    }
    const value = Number(raw);
    if (value < min || value > max) {
      this.fail(name, `must be between ${min} and ${max}, got ${value}`);
      return fallback;
    }
    return value;
  }

  /** true/false, 1/0, yes/no, on/off (any case); unset means the fallback. */
  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    this.fail(name, `must be true or false, got "${raw}"`);
    return fallback;
  }

  fail(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }
}
