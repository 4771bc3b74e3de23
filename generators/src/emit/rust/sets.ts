/**
 * A type of its own for each value set and flag set: a `#[repr(transparent)]` newtype over the
 * integer its field holds, with one associated constant per member.
 *
 * - A value set is an open enum: any integer is a value, so one from a newer Xen stays
 *   representable; `name()` and `Debug` give the constant's name, or the number.
 * - A flag set gets the operators of a bit set (`|`, `&`, `-`, `contains`), and `Debug` lists
 *   the flags set, then any bits the crate does not name, in hex.
 *
 * Generated rather than taken from the `bitflags` crate: no dependency, no feature, and the
 * types exist in every build. Plain strings for `_settype.hbs`; names come from `names/sets.ts`.
 */
import type { ConstantDecl, ConstantSetDecl } from '../../model/types.js';
import { opSetBase } from '../../names/ops.js';
import { setMemberNames, setMembers, setTypeName } from '../../names/sets.js';
import { constantType, setField } from './constants.js';
import type { RustContext, Uses } from './context.js';
import { cfgIn, itemPresence } from './context.js';
import { code, ident, integerRange, modulePath } from './names.js';
import type { Presence } from './releases.js';

export interface SetTypeMemberView {
  cfg: string;
  /** The associated constant. @example "CLOSED" */
  name: string;
  /** The constant it holds, as the module spells it. @example "EVTCHNSTAT_closed" */
  constant: string;
  /** The C name `Debug` prints. */
  cName: string;
  /** Whether the constant is 0 everywhere (a flag `Debug` cannot show). */
  zero: boolean;
  /** Whether the constant is 0 somewhere (on an architecture, in a release): `Debug` tests it first. */
  someZero: boolean;
  /** Whether no other member of the set ever has its value, so `name()` is its own. */
  unique: boolean;
}

export interface SetTypeView {
  flags: boolean;
  docs: string[];
  cfg: string;
  typeName: string;
  setName: string;
  valueType: string;
  /** The primitive behind `valueType`, for the tests' literals. */
  primitive: string;
  members: SetTypeMemberView[];
  /** For the tests: a value (values) or bit (flags) no member has in any release; absent when none is free. */
  unknown?: string;
  /** `unknown` as `Debug` prints leftover flag bits. */
  unknownHex?: string;
  /** For flags: the operator traits, each with the expression of its result. */
  ops: { trait: string; method: string; expr: string }[];
}

const FLAG_OPS = [
  { trait: 'BitOr', method: 'bitor', expr: 'self.0 | other.0' },
  { trait: 'BitAnd', method: 'bitand', expr: 'self.0 & other.0' },
  { trait: 'BitXor', method: 'bitxor', expr: 'self.0 ^ other.0' },
  { trait: 'Sub', method: 'sub', expr: 'self.0 & !other.0' },
];

/** The type of a value or flag set, or undefined when its members differ in type or it has none. */
export function setTypeView(ctx: RustContext, set: ConstantSetDecl, uses: Uses, scope: Presence): SetTypeView | undefined {
  if (set.kind === 'ops') return undefined;
  const constants = setMembers(set).flatMap((n) => ctx.constants.get(n) ?? []);
  if (!constants.length) return undefined;
  const types = constants.map((c) => constantType(c, ctx));
  if (new Set(types.map((t) => t.spelled)).size !== 1) return undefined;
  const type = types[0]!;
  const where = itemPresence(ctx, set);
  if (type.reference) uses.type(type.reference, where);
  const names = setMemberNames(set, constants.map((c) => c.name));
  const flags = set.kind === 'flags';
  const values = constants.map((c) => allValues(c));
  return {
    flags,
    docs: typeDocs(set, flags),
    cfg: cfgIn(ctx, where, scope),
    typeName: setTypeName(set, (name) => taken(ctx, name)),
    setName: set.name,
    valueType: type.spelled,
    primitive: type.primitive,
    members: constants.map((c, i) => ({
      cfg: cfgIn(ctx, itemPresence(ctx, c), where),
      name: names.get(c.name)!,
      constant: c.module === set.module && c.namespace === set.namespace ? ident(c.name) : `${modulePath(c.namespace, c.module)}::${ident(c.name)}`,
      cName: c.name,
      zero: values[i]!.every((v) => v === 0n),
      someZero: values[i]!.some((v) => v === 0n),
      unique: values[i]!.every((v) => values.every((o, j) => j === i || !o.includes(v))),
    })),
    ...freeValue(values.flat(), type.primitive, flags),
    ops: flags ? FLAG_OPS : [],
  };
}

/** Whether a Rust item of the crate already has `name`: a record, typedef, constant or op enum. */
function taken(ctx: RustContext, name: string): boolean {
  if (ctx.records.has(name) || ctx.aliases.has(name) || ctx.constants.has(name)) return true;
  return [...ctx.sets.values()].some((s) => s.kind === 'ops' && opSetBase(s.name) === name);
}

function typeDocs(set: ConstantSetDecl, flags: boolean): string[] {
  const field = setField(set);
  const where = field ? ` (what ${code(field)} holds)` : '';
  return flags
    ? [
        `The flags of ${code(set.name)}${where}, as a bit set:`,
        `combine them with ${code('|')}, test them with ${code('contains')}. ${code('Debug')} lists the flags set,`,
        'then any bits this crate does not name, in hex.',
      ]
    : [
        `The values of ${code(set.name)}${where}, as an open enum:`,
        'every integer is a value, so one from a newer Xen stays representable. `name()` and `Debug`',
        "give the constant's name, or the number.",
      ];
}

/** Every value the constant takes: on each architecture, in each release, for older guests. */
function allValues(c: ConstantDecl): bigint[] {
  return [c.value, ...Object.values(c.values ?? {}), ...(c.history ?? []).map((h) => h.value), c.legacyValue?.value]
    .filter((v): v is string => typeof v === 'string')
    .map((v) => BigInt(v));
}

/** The smallest value (or single bit) no member takes, when the type has one free. */
function freeValue(used: bigint[], primitive: string, flags: boolean): { unknown?: string; unknownHex?: string } {
  const range = integerRange(primitive);
  if (!range) return {};
  if (flags) {
    const all = used.reduce((a, v) => a | v, 0n);
    const bits = BigInt(primitive.slice(1)) - (primitive.startsWith('i') ? 1n : 0n);
    for (let b = 0n; b < bits; b++) if (!(all & (1n << b))) return { unknown: `${1n << b}`, unknownHex: `0x${(1n << b).toString(16)}` };
    return {};
  }
  for (let v = 0n; v <= range[1]; v++) if (!used.includes(v)) return { unknown: `${v}` };
  return {};
}

/** The `tests/sets.rs` entry of one set type: where it lives and under which `cfg`s. */
export interface SetTypeTestView {
  cfgs: string[];
  testName: string;
  path: string;
  type: SetTypeView;
}
