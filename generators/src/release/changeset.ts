/**
 * `xenabi check --changeset`: the changeset (`.changeset/*.md`, read by `@changesets/cli`) that
 * an ABI change implies for the packages generated from the ABI modules. Semantic versioning
 * over the ABI: a breaking change in the stable namespace is a major release, any other change
 * the check reports (additions, unstable interfaces moving with their version) a minor one, and
 * a module that changed only in what the rules do not judge (documentation) a patch.
 */
import { createHash } from 'node:crypto';
import type { AbiSide } from '../check/side/types.js';
import type { CheckResult } from '../check/engine.js';
import { isBreaking } from '../check/rules/catalogue.js';
import { code, escape } from '../check/format/markdown.js';
import { moduleKey } from '../check/side/digests.js';

export type Bump = 'major' | 'minor' | 'patch';

/** The packages `xenabi generate` writes from every ABI module, by their package.json names. */
export const GENERATED_PACKAGES = ['@xenabi/c-headers', '@xenabi/rust-bindings', '@xenabi/ts-bindings'] as const;

export interface ImpliedChangeset {
  bump: Bump;
  /** The modules that changed (`stable/dm_op`), sorted. */
  modules: string[];
  /** One line per reason, for the changelog. */
  lines: string[];
}

/** What the comparison implies; undefined when nothing a package is generated from changed. */
export function impliedChangeset(result: CheckResult, base: AbiSide, head: AbiSide): ImpliedChangeset | undefined {
  const findings = result.findings.filter((f) => f.category !== 'waiver' && f.module !== null);
  const docsOnly = changedDigests(base, head).filter((key) => !findings.some((f) => moduleKey(f.namespace ?? '', f.module ?? '') === key));
  if (!findings.length && !docsOnly.length) return undefined;
  const stableBreak = findings.some((f) => f.namespace === 'stable' && isBreaking(f.category));
  const bump: Bump = stableBreak ? 'major' : findings.length ? 'minor' : 'patch';
  const modules = [...new Set([...findings.map((f) => moduleKey(f.namespace ?? '', f.module ?? '')), ...docsOnly])].sort();
  const lines = [
    // Names and messages come from the ABI modules: escaped, they cannot break out of their list item.
    ...findings.map((f) => `${isBreaking(f.category) ? 'breaking' : 'compatible'}: ${code(f.item)} (${code(moduleKey(f.namespace ?? '', f.module ?? ''))}): ${f.rule}: ${escape(f.message)}`),
    ...docsOnly.map((key) => `documentation: ${code(key)}`),
  ];
  return { bump, modules, lines: [...new Set(lines)] };
}

/** Modules whose digest differs between the sides, or that only one side has; [] when a side has no digests. */
function changedDigests(base: AbiSide, head: AbiSide): string[] {
  if (!base.digests || !head.digests) return [];
  const keys = new Set([...Object.keys(base.digests), ...Object.keys(head.digests)]);
  return [...keys].filter((k) => base.digests?.[k] !== head.digests?.[k]).sort();
}

/** The changeset file: front matter naming each package's bump, then the changelog entry. */
export function changesetText(change: ImpliedChangeset, packages: readonly string[] = GENERATED_PACKAGES): string {
  const kind = { major: 'a breaking change to the stable ABI', minor: 'ABI additions or changes', patch: 'documentation of the ABI' }[change.bump];
  return [
    '---',
    ...packages.map((p) => `"${p}": ${change.bump}`),
    '---',
    '',
    `ABI: ${kind}, in ${change.modules.map(code).join(', ')} (written by \`xenabi check --changeset\`).`,
    '',
    ...change.lines.map((l) => `- ${l}`),
    '',
  ].join('\n');
}

/** A name that depends only on the content: running the check again rewrites the same file. */
export function changesetFileName(text: string): string {
  return `.changeset/abi-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.md`;
}
