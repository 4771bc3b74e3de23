/**
 * A side built from a model, cached beside the model it was built from (`load/model-cache.ts`):
 * taking the release view and laying every record out on four architectures cost a cached
 * `check` more than reading the model did. The side is a function of the model, the release,
 * the origin and the notes, so it is keyed as its model is (the content of `abi/`, or the git
 * tree id of `abi/` at a revision) plus the release; the label, which names how the side was
 * asked for (`git HEAD (…)`), is set on reading.
 *
 * The cache stores plain data with V8's serializer, which gives every object a prototype back:
 * `revive` makes the side's name-keyed tables prototype-less again (`names/dict.ts`), so that a
 * record named `constructor` is as much a record read from the cache as one just built.
 */
import { dict } from '../../names/dict.js';
import type { AbiSide, SideRecord } from './types.js';

/** The cache kind of a side of `release` from a model of `kind` (`strict`, `lenient`). */
export function sideCacheKind(kind: string, release: string): string {
  return `${kind}-side-${release.replace(/[^0-9A-Za-z.]/g, '_')}`;
}

/** `side` as read from the cache: its tables without prototypes, its label `label`. */
export function reviveSide(side: AbiSide, label: string): AbiSide {
  const records = dict<SideRecord>();
  for (const [name, r] of Object.entries(side.records)) {
    records[name] = { ...r, ...(r.fieldLocs ? { fieldLocs: dict(Object.entries(r.fieldLocs)) } : {}), ...(r.fieldSince ? { fieldSince: dict(Object.entries(r.fieldSince)) } : {}) };
  }
  return {
    ...side,
    label,
    records,
    constants: dict(Object.entries(side.constants)),
    aliases: dict(Object.entries(side.aliases)),
    sets: dict(Object.entries(side.sets)),
    macros: dict(Object.entries(side.macros ?? {})),
    modules: dict(Object.entries(side.modules)),
    ...(side.archLocs ? { archLocs: dict(Object.entries(side.archLocs)) } : {}),
  };
}
