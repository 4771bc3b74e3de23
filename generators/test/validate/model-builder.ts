/**
 * Small builders for hand-made models in the pass unit tests. Every item gets a distinct
 * line in `abi/stable/m.ts`, so tests can assert on locations.
 */
import type {
  AbiModel,
  AliasDecl,
  ConstantDecl,
  ConstantSetDecl,
  Field,
  ModuleDecl,
  RecordDecl,
  SourceLocation,
  TypeRef,
} from '../../src/model/types.js';

let line = 100;
export const at = (file = 'abi/stable/m.ts'): SourceLocation => ({ file, line: line++, column: 1 });

export const u8: TypeRef = { kind: 'scalar', name: 'uint8_t' };
export const u16: TypeRef = { kind: 'scalar', name: 'uint16_t' };
export const u32: TypeRef = { kind: 'scalar', name: 'uint32_t' };
export const u64: TypeRef = { kind: 'scalar', name: 'uint64_t' };
export const ulong: TypeRef = { kind: 'archScalar', name: 'xen_ulong_t' };
export const rec = (name: string): TypeRef => ({ kind: 'record', name });
export const alias = (name: string): TypeRef => ({ kind: 'alias', name });
export const arr = (element: TypeRef, length: number, lengthConstant?: string): TypeRef => ({
  kind: 'array',
  element,
  length,
  ...(lengthConstant ? { lengthConstant } : {}),
});

export function field(name: string, type: TypeRef, extra: Partial<Field> = {}): Field {
  return { name, type, loc: at(), ...extra };
}

export function struct(name: string, fields: Field[], extra: Partial<RecordDecl> = {}): RecordDecl {
  return { kind: 'struct', name, tag: name, namespace: 'stable', module: 'm', since: '4.6', loc: at(), fields, ...extra };
}

export function union(name: string, fields: Field[], extra: Partial<RecordDecl> = {}): RecordDecl {
  return { ...struct(name, fields, extra), kind: 'union', ...extra };
}

export function typedef(name: string, type: TypeRef, extra: Partial<AliasDecl> = {}): AliasDecl {
  return { kind: 'alias', name, type, namespace: 'stable', module: 'm', since: '4.6', loc: at(), ...extra };
}

export function constant(name: string, value: number | bigint, extra: Partial<ConstantDecl> = {}): ConstantDecl {
  return { kind: 'constant', name, value: String(value), cType: 'int', spelling: 'dec', namespace: 'stable', module: 'm', since: '4.6', loc: at(), ...extra };
}

export function set(kind: ConstantSetDecl['kind'], name: string, extra: Partial<ConstantSetDecl> = {}): ConstantSetDecl {
  return { kind, name, namespace: 'stable', module: 'm', since: '4.6', loc: at(), ...extra };
}

export function module(name: string, extra: Partial<ModuleDecl> = {}): ModuleDecl {
  return {
    name,
    namespace: 'stable',
    xenHeader: `${name}.h`,
    xenGuard: `__XEN_PUBLIC_${name.toUpperCase()}_H__`,
    coverage: 'partial',
    imports: [],
    loc: { file: `abi/${extra.namespace ?? 'stable'}/${name}.ts`, line: 1, column: 1 },
    order: [],
    ...extra,
  };
}

/** A model of one stable module `m` holding `items`, its order listing them as given. */
export function model(items: { records?: RecordDecl[]; aliases?: AliasDecl[]; constants?: ConstantDecl[]; sets?: ConstantSetDecl[]; modules?: ModuleDecl[] }): AbiModel {
  const records = items.records ?? [];
  const aliases = items.aliases ?? [];
  const constants = items.constants ?? [];
  const sets = items.sets ?? [];
  const order = [...aliases, ...constants, ...records.filter((r) => !r.parent), ...sets].map((i) => i.name);
  return {
    format: 'xenabi-model/1',
    modules: items.modules ?? [module('m', { loc: { file: 'abi/stable/m.ts', line: 1, column: 1 }, order })],
    records,
    aliases,
    constants,
    sets,
  };
}
