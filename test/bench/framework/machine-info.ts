// The context every published number needs: which machine, which code, which command.

import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface RunContext {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  commit: string;
  /** True when the working tree had uncommitted changes to tracked files. */
  dirty: boolean;
  date: string;
  command: string;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function collectRunContext(root: string, argv: readonly string[]): RunContext {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    commit: git(['rev-parse', '--short', 'HEAD'], root) ?? 'unknown',
    dirty: (git(['status', '--porcelain', '--untracked-files=no'], root) ?? '') !== '',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
  };
}

export function describeRunContext(c: RunContext): string {
  const commit = c.dirty ? `${c.commit} (with uncommitted changes)` : c.commit;
  return `${c.cpuModel}, ${c.cores} cores, ${c.memoryGiB} GiB, node ${c.node}; commit ${commit}; ${c.date}; \`${c.command}\``;
}
