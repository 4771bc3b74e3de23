/**
 * Header mutants through `xenabi check` in header mode: the base tree once, then each mutant
 * as the head, judged. Mutations whose target the base does not show (a macro inside a branch
 * tools builds do not take, an unstable item, whose changes are allowed with a new interface
 * version) are left out: there is no break to catch there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAbi, DEFAULT_WAIVERS_PATH, parseWaivers, type AbiSide } from '../../../generators/src/check/index.js';
import { loadHeaderSide } from '../../../generators/src/check/side/headers.js';
import type { AbiModel } from '../../../generators/src/model/types.js';
import { judge, type Verdict } from './judge.js';
import type { HeaderMutation } from './mutations.js';
import { writeTree, type HeaderText } from './tree.js';

/** True when the base shows the target as a stable item (and, for a member, the member). */
export function visibleStable(m: HeaderMutation, base: AbiSide): boolean {
  if (m.verdict === 'compatible') return true;
  const target = m.target ?? '';
  const constant = base.constants[target];
  if (constant) return constant.namespace === 'stable';
  const record = base.records[target.split('.')[0] ?? ''];
  if (!record || record.namespace !== 'stable') return false;
  return !m.member || Object.values(record.layouts).some((l) => l.fields.some((f) => f.name === m.member));
}

export interface MutationRun {
  base: AbiSide;
  verdicts: Verdict[];
}

/** Judges every mutation; `dir` holds the trees, `cache` the base's facts. */
export async function runHeaderMutations(files: readonly HeaderText[], mutations: readonly HeaderMutation[], registry: AbiModel, options: { dir: string; repoRoot: string; cache: string | false }): Promise<MutationRun> {
  const waivers = parseWaivers(readFileSync(join(options.repoRoot, DEFAULT_WAIVERS_PATH), 'utf8'), DEFAULT_WAIVERS_PATH);
  const baseDir = join(options.dir, 'base');
  writeTree(baseDir, files);
  const sideOptions = { cwd: options.dir, release: '4.17', registry, cache: options.cache };
  const base = await loadHeaderSide({ kind: 'headers', dir: baseDir }, sideOptions);
  const verdicts: Verdict[] = [];
  for (const m of mutations.filter((x) => visibleStable(x, base))) {
    const headDir = join(options.dir, 'head');
    writeTree(headDir, files, { path: m.file, text: m.text });
    const head = await loadHeaderSide({ kind: 'headers', dir: headDir }, { ...sideOptions, cache: false });
    verdicts.push(judge(m, checkAbi(base, head, { waivers })));
  }
  return { base, verdicts };
}
