/**
 * `constant-value`: every value a constant takes (per release and per architecture, and for
 * older guest interfaces) is one every output can write as given:
 *
 * - it fits the C type of its literal (`cType`, which may change with the release) on that
 *   architecture: `long` is 32 bits on x86_32 and arm32; a negative value needs a signed
 *   type. Rust gives the constant a type of that range, so its literal fits too;
 * - `hex` spells a non-negative value; `shift` spells a single bit, or the sign bit of a
 *   signed type (which the C emitter writes without the shift: see `constantLiteral`);
 * - an op number fits a JavaScript number exactly (the TypeScript bindings dispatch on
 *   `number`s) and, when the op set dispatches through a record, the record's op field;
 * - an interface version is eight hex digits, as Xen writes it (0 to 0xffffffff).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { cTypeBits, cTypeRange, DATA_MODELS } from '../../layout/datamodels.js';
import type { AbiModel, Arch, ConstantDecl, IntegerCType, ConstantSetDecl, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { constantValueAt, EMPTY, formatScope, memberConstants, type ModelIndex, releaseIndex, releaseRuns, runPairs, type Scope, type Scopes, scopesOf } from '../scope.js';

const RULE = 'constant-value';
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_INTERFACE_VERSION = 0xffffffffn;

/** A rule a value may break at one (release, arch): the message, or nothing when it holds. */
type Check = (value: bigint, cType: IntegerCType, arch: Arch) => string | undefined;

export const constantValue: ValidationPass = {
  id: RULE,
  description: 'Constant values fit their C literal type on every arch, suit their spelling, and fit where ops and interface versions go.',
  run(model) {
    const scopes = scopesOf(model);
    const roles = constantRoles(model, scopes);
    const diagnostics: Diagnostic[] = [];
    // A string constant's text is the `string-constant` pass's.
    for (const constant of model.constants.filter((c) => c.cType !== 'string')) {
      const checks = [fitsType, spelled(constant), ...(roles.get(constant) ?? [])];
      const broken = new Map<string, Scope>();
      for (const { release, arch, where } of runPairs(releaseRuns([constant]), scopes.item(constant))) {
        const value = constantValueAt(constant, release, arch, scopes);
        if (value === undefined) continue;
        const cType = cTypeAt(constant, release);
        // The value for older guest interfaces is spelled the same way, so it owes the same checks.
        const legacy = constant.legacyValue ? [BigInt(constant.legacyValue.value)] : [];
        for (const v of [value, ...legacy]) {
          for (const check of checks) {
            const message = check(v, cType, arch);
            if (message) broken.set(message, (broken.get(message) ?? EMPTY) | where);
          }
        }
      }
      for (const [message, scope] of broken) diagnostics.push(error(RULE, constant.loc, constant.name, `${message} (${formatScope(scope)})`));
    }
    return diagnostics;
  },
};

/** The literal's C type in `release`: the last `history` entry that changed it, else `cType`. */
function cTypeAt(constant: ConstantDecl, release: string): IntegerCType {
  const at = releaseIndex(release);
  const changed = (constant.history ?? []).filter((h) => h.cType && releaseIndex(h.since) >= 0 && releaseIndex(h.since) <= at).at(-1)?.cType;
  return changed ?? (constant.cType === 'string' ? 'int' : constant.cType);
}

const fitsType: Check = (value, cType, arch) => {
  const { min, max } = cTypeRange(cType, arch);
  if (value >= min && value <= max) return undefined;
  const bits = cTypeBits(cType, arch);
  const why = value < 0n && min === 0n ? 'a negative value needs a signed type' : `${cType} is ${bits} bits there`;
  return `value ${value} does not fit its C type ${cType} (${min} to ${max}): ${why}`;
};

function spelled(constant: ConstantDecl): Check {
  if (constant.spelling === 'hex') return (value) => (value < 0n ? `a negative value (${value}) cannot be spelled in hex: spell it 'dec', or give the unsigned value an unsigned cType` : undefined);
  if (constant.spelling !== 'shift') return () => undefined;
  return (value, cType, arch) => {
    const bits = BigInt(cTypeBits(cType, arch));
    const signBit = !cType.startsWith('unsigned') && value === -(1n << (bits - 1n));
    const singleBit = value > 0n && (value & (value - 1n)) === 0n;
    return singleBit || signBit ? undefined : `${value} is neither a single bit nor the sign bit of ${cType}, so it cannot be spelled as a shift`;
  };
}

/** The checks a constant owes to the sets and modules it serves: op numbers, interface versions. */
function constantRoles(model: AbiModel, scopes: Scopes): Map<ConstantDecl, Check[]> {
  const roles = new Map<ConstantDecl, Check[]>();
  const add = (c: ConstantDecl | undefined, check: Check) => c && roles.set(c, [...(roles.get(c) ?? []), check]);
  for (const set of model.sets.filter((s) => s.kind === 'ops')) {
    const next = memberConstants(set, model, scopes.index);
    const field = opField(set, scopes);
    for (const op of set.ops ?? []) {
      const c = next(op.constant);
      add(c, (value) => (value > MAX_SAFE || value < -MAX_SAFE ? `op number ${value} of op set ${set.name} is outside -(2^53 - 1) to 2^53 - 1: the TypeScript bindings hold op numbers in JavaScript numbers` : undefined));
      if (field) add(c, fitsField(field, scopes.index));
    }
  }
  for (const m of model.modules) {
    const name = m.interfaceVersion?.constant;
    for (const c of name ? (scopes.index.constantsNamed.get(name) ?? []) : []) {
      add(c, (value) => (value < 0n || value > MAX_INTERFACE_VERSION ? `interface version ${value} is not eight hex digits (0 to 0xffffffff), as Xen writes it` : undefined));
    }
  }
  return roles;
}

/** The op field of a dispatched op set, with its type. */
function opField(set: ConstantSetDecl, scopes: Scopes): { path: string; type: TypeRef } | undefined {
  const record = set.dispatch ? scopes.index.records.get(set.dispatch.record) : undefined;
  const field = record?.fields.find((f) => f.name === set.dispatch?.opField);
  return field && record ? { path: `${record.name}.${field.name}`, type: field.type } : undefined;
}

function fitsField(field: { path: string; type: TypeRef }, index: ModelIndex): Check {
  return (value, _cType, arch) => {
    const range = integerRange(field.type, arch, index, new Set());
    if (!range || (value >= range.min && value <= range.max)) return undefined;
    return `op number ${value} does not fit the op field ${field.path} (${range.min} to ${range.max})`;
  };
}

/** The values an integer type holds on an architecture, through typedefs; nothing for a type that is no integer. */
function integerRange(type: TypeRef, arch: Arch, index: ModelIndex, seen: Set<string>): { min: bigint; max: bigint } | undefined {
  if (type.kind === 'alias') {
    const alias = index.aliases.get(type.name);
    if (!alias || seen.has(alias.name)) return undefined;
    seen.add(alias.name);
    return integerRange(alias.type, arch, index, seen);
  }
  if (type.kind !== 'scalar' && type.kind !== 'archScalar') return undefined;
  const model = DATA_MODELS[arch];
  const bits = BigInt((type.kind === 'scalar' ? model.scalars[type.name] : model.archScalars[type.name]).size * 8);
  const signed = type.kind === 'scalar' && type.name.startsWith('int');
  return signed ? { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n } : { min: 0n, max: (1n << bits) - 1n };
}
