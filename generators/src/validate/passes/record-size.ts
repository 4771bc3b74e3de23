/**
 * `record-size`: every record, member and typedef fits in one object on each architecture
 * where it exists: at most the data model's `maxObjectSize` bytes (PTRDIFF_MAX, 2^31 − 1, on
 * the 32-bit architectures; 2^50 − 1 on the 64-bit ones, the most whose bit offsets the
 * layout engine and the TypeScript bindings hold exactly). A larger one would not compile in
 * C or Rust there, or would be laid out with rounded numbers.
 *
 * A member too large by itself is reported at the member; a record is reported when only the
 * sum of its members is too large. A record holding a too-large record is not reported again.
 * Member sizes are computed here with bigints, so the message gives the exact size even where
 * the layout engine refuses to compute it.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DATA_MODELS } from '../../layout/datamodels.js';
import { LayoutOverflowError, type ArchLayout } from '../../layout/engine.js';
import { ARCHES, onArch } from '../../model/arch.js';
import type { AliasDecl, Arch, Field, RecordDecl, TypeRef } from '../../model/types.js';
import { dependencies, layoutsOf, typeDependencies, type Layouts } from '../layouts.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { EMPTY, fieldPath, formatScope, liveIn, releaseRuns, runScope, type Scope, scopesOf } from '../scope.js';

const RULE = 'record-size';

interface Finding {
  loc: RecordDecl['loc'];
  item: string;
  what: string;
  /** The architectures' word size: the limit differs between 32- and 64-bit ones. */
  bits: 32 | 64;
  scope: Scope;
}

export const recordSize: ValidationPass = {
  id: RULE,
  description: 'Records and members are no larger than one object can be on each architecture.',
  run(model) {
    const scopes = scopesOf(model);
    const layouts = layoutsOf(model);
    const findings = new Map<string, Finding>();
    const add = (f: Omit<Finding, 'scope'>, where: Scope) => {
      const key = `${f.item}|${f.what}|${f.bits}`;
      const known = findings.get(key) ?? { ...f, scope: EMPTY };
      known.scope |= where;
      findings.set(key, known);
    };
    const each = (scope: Scope, deps: { since?: string; until?: string }[], check: (release: string, arch: Arch) => Omit<Finding, 'scope'>[]) => {
      for (const run of releaseRuns(deps)) {
        for (const arch of ARCHES) {
          const where = runScope(run, [arch]) & scope;
          if (where !== EMPTY) for (const f of check(run[0]!, arch)) add(f, where);
        }
      }
    };
    for (const record of model.records) {
      each(scopes.record(record.name), dependencies(record, scopes.index), (release, arch) => tooLarge(record, release, arch, layouts));
    }
    for (const alias of model.aliases) {
      each(scopes.item(alias), typeDependencies(alias.type, scopes.index, [alias]), (release, arch) => aliasTooLarge(alias, release, arch, layouts));
    }
    return [...findings.values()].map((f) => error(RULE, f.loc, f.item, `${f.what} ${formatScope(f.scope)}: ${limit(f.bits)}`));
  },
};

/** What of `record` is too large in `release` on `arch`: members first; the record when none is. */
function tooLarge(record: RecordDecl, release: string, arch: Arch, layouts: Layouts): Omit<Finding, 'scope'>[] {
  const { layout, overflow } = layouts.record(release, arch, record.name);
  const max = BigInt(DATA_MODELS[arch].maxObjectSize);
  if (!overflow && (!layout || layout.size <= max)) return [];
  const engine = layouts.engine(release, arch);
  const members: Omit<Finding, 'scope'>[] = [];
  for (const field of record.fields.filter((f) => onArch(f, arch) && liveIn(f, release))) {
    const size = sizeOf(field.type, engine);
    if (size === ELSEWHERE) return [];
    if (size !== undefined && size > max) members.push({ loc: field.loc, item: fieldPath(record, field), what: `${describe(field)} is ${size} bytes`, bits: DATA_MODELS[arch].longBits });
  }
  if (members.length) return members;
  const size = layout ? `${layout.size} bytes` : 'larger than 2^53 bits';
  return [{ loc: record.loc, item: record.name, what: `${record.kind} ${record.name} is ${size}`, bits: DATA_MODELS[arch].longBits }];
}

/** A typedef too large in `release` on `arch` (a typedef of a record is the record's business). */
function aliasTooLarge(alias: AliasDecl, release: string, arch: Arch, layouts: Layouts): Omit<Finding, 'scope'>[] {
  const size = sizeOf(alias.type, layouts.engine(release, arch));
  if (typeof size !== 'bigint' || size <= BigInt(DATA_MODELS[arch].maxObjectSize)) return [];
  return [{ loc: alias.loc, item: alias.name, what: `typedef ${alias.name} is ${size} bytes`, bits: DATA_MODELS[arch].longBits }];
}

/** Stands for a size another finding reports: a record or typedef held here is itself too large, or a length is not exact. */
const ELSEWHERE = Symbol('reported elsewhere');

/** A type's exact size in bytes, or ELSEWHERE, or nothing when it cannot be laid out (another pass's error). */
function sizeOf(type: TypeRef, engine: ArchLayout): bigint | typeof ELSEWHERE | undefined {
  if (type.kind === 'array') {
    if (!Number.isSafeInteger(type.length)) return ELSEWHERE; // the array-length pass reports it
    const element = sizeOf(type.element, engine);
    return typeof element === 'bigint' ? element * BigInt(type.length) : element;
  }
  try {
    const size = BigInt(engine.sizeAlign(type).size);
    return (type.kind === 'record' || type.kind === 'alias') && size > BigInt(DATA_MODELS[engine.arch].maxObjectSize) ? ELSEWHERE : size;
  } catch (e) {
    return e instanceof LayoutOverflowError ? ELSEWHERE : undefined;
  }
}

function describe(field: Field): string {
  const t = field.type;
  return t.kind === 'array' ? `member ${field.name} (an array of ${t.length})` : `member ${field.name}`;
}

function limit(bits: 32 | 64): string {
  const max = ARCHES.map((a) => DATA_MODELS[a]).find((m) => m.longBits === bits)!.maxObjectSize;
  return bits === 32
    ? `more than ${max} (2^31 - 1), the largest object C (PTRDIFF_MAX) and Rust (isize::MAX) allow on a 32-bit architecture`
    : `more than ${max} (2^50 - 1), the largest size whose every bit offset the layout engine and the TypeScript bindings hold exactly`;
}
