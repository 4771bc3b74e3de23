/**
 * Typedefs whose type depends on the architecture. Xen spells some typedef differently per
 * architecture under one name (`xen_callback_t`: a segment-and-offset record on x86_32, an
 * `unsigned long` on x86_64, a `uint64_t` on Arm); the model holds one `AliasDecl` per spelling,
 * each with its `archs`, and validation (`duplicate-name`) keeps their architectures apart.
 * Emitters that declare a typedef once per name read its spellings from here.
 */
import { ARCHES, onArch } from './arch.js';
import type { AliasDecl, Arch } from './types.js';

/** Every spelling of each typedef name, in declaration order, keyed by name in first-seen order. */
export function aliasSpellings(aliases: readonly AliasDecl[]): Map<string, AliasDecl[]> {
  const out = new Map<string, AliasDecl[]>();
  for (const a of aliases) out.set(a.name, [...(out.get(a.name) ?? []), a]);
  return out;
}

/** True when the spellings of one name give it more than one type. */
export function isPerArchAlias(spellings: readonly AliasDecl[]): boolean {
  return new Set(spellings.map((a) => JSON.stringify(a.type))).size > 1;
}

/** The spelling of a typedef on one architecture, if it exists there. */
export function aliasOn(spellings: readonly AliasDecl[], arch: Arch): AliasDecl | undefined {
  return spellings.find((a) => onArch(a, arch));
}

/** The architectures each spelling covers, in `ARCHES` order. */
export function spellingArchs(spelling: AliasDecl): Arch[] {
  return ARCHES.filter((a) => onArch(spelling, a));
}

/**
 * A typedef's target as the export and `xenabi check` write it: `type` when one spelling gives
 * it, else `types` per architecture; `archs` when it is not on all four.
 */
export function aliasTargets(spellings: readonly AliasDecl[], spell: (spelling: AliasDecl) => string): { type?: string; types?: Partial<Record<Arch, string>>; archs?: Arch[] } {
  const [only] = spellings;
  if (spellings.length === 1 && only) return { type: spell(only), ...(only.archs ? { archs: [...only.archs] } : {}) };
  const types: Partial<Record<Arch, string>> = {};
  for (const arch of ARCHES) {
    const on = aliasOn(spellings, arch);
    if (on) types[arch] = spell(on);
  }
  const archs = ARCHES.filter((arch) => types[arch] !== undefined);
  return { types, ...(archs.length < ARCHES.length ? { archs } : {}) };
}
