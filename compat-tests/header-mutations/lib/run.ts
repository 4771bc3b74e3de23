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
import type { AbiModel, SourceLocation } from '../../../generators/src/model/types.js';
import { judge, type Verdict } from './judge.js';
import type { HeaderMutation } from './mutations.js';
import { writeTree, type HeaderText } from './tree.js';

/**
 * What the base shows of a mutation's target: `visible` when it is a stable item (and, for a
 * member, the member) declared on the edited line; `not stable` when the base does not show
 * it as a stable item; `untaken line` when the edited line is in a branch the compile does
 * not take (`pad1[3]` of `vcpu_time_info` for interface versions before 4.6, beside the
 * `pad1[2]` it takes), where an edit changes nothing the compiler sees.
 */
export function visibility(m: HeaderMutation, base: AbiSide): 'visible' | 'not stable' | 'untaken line' {
  if (m.verdict === 'compatible') return 'visible';
  const fromLine = (loc: SourceLocation | undefined) => (!loc || (loc.line === m.line && (loc.file === m.file || loc.file.endsWith(`/${m.file}`))) ? 'visible' : 'untaken line');
  const target = m.target ?? '';
  const constant = base.constants[target];
  if (constant) return constant.namespace === 'stable' ? fromLine(m.macro ? base.constants[m.macro]?.loc : undefined) : 'not stable';
  const record = base.records[target.split('.')[0] ?? ''];
  if (!record || record.namespace !== 'stable') return 'not stable';
  if (!m.member) return 'visible';
  if (!Object.values(record.layouts).some((l) => l.fields.some((f) => f.name === m.member))) return 'not stable';
  return fromLine(record.fieldLocs?.[m.member]);
}

export function visibleStable(m: HeaderMutation, base: AbiSide): boolean {
  return visibility(m, base) === 'visible';
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
