// docs/benchmarks.md holds one generated block per part between markers; a run replaces
// only the blocks of the parts it ran, so `--only` runs and hand-written sections (the
// findings, the simulator's own notes) survive every rerun.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PART_IDS } from './bench-options';

const start = (part: string): string => `<!-- bench:${part}:start -->`;
const end = (part: string): string => `<!-- bench:${part}:end -->`;

const SKELETON = `# Benchmarks

\`npm run bench\` starts the controller and the simulated fleet as separate processes on one
machine and measures the scale targets of the controller; \`npm run bench -- --help\` lists the
options. The blocks below are rewritten by each run (each names its machine, commit, date and
command); the other sections are written by hand.

## Results

${PART_IDS.map((p) => `${start(p)}\n_not run yet_\n${end(p)}`).join('\n\n')}
`;

/** Replaces the block of `part` in `doc` (appending it under Results when missing). */
export function replacePartBlock(doc: string, part: string, body: string): string {
  const block = `${start(part)}\n${body}\n${end(part)}`;
  const from = doc.indexOf(start(part));
  const to = doc.indexOf(end(part));
  if (from >= 0 && to > from) return doc.slice(0, from) + block + doc.slice(to + end(part).length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

export function updateBenchmarksDoc(path: string, blocks: ReadonlyArray<{ part: string; body: string }>): void {
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : SKELETON;
  if (!doc.includes('<!-- bench:')) doc = `${doc.trimEnd()}\n\n${SKELETON.slice(SKELETON.indexOf('## Results'))}`;
  for (const { part, body } of blocks) doc = replacePartBlock(doc, part, body);
  writeFileSync(path, doc);
}
