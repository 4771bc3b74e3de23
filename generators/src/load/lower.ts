/**
 * Lowering: the DSL's object graph becomes the plain model. References become names,
 * inline records get their path names, set members become constants, and absolute
 * locations become repository-relative ones.
 */
import { MacroSyntaxError, parseMacroBody } from '../model/macros.js';
import { resolveRingEntries } from './ring-entries.js';
import { basename, isAbsolute, relative } from 'node:path';
import type { AliasDef, ConstantDef, FieldDef, GateDef, ItemDef, MacroDef, ModuleDef, RecordDef, SetDef, TypeDef } from '../dsl/defs.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type {
  AbiModel,
  MacroDecl,
  MacroExpr,
  AliasDecl,
  ArchScalarName,
  ArrayType,
  HandleType,
  ScalarName,
  ConstantDecl,
  ConstantSetDecl,
  Field,
  Gate,
  GuestInterfaceGate,
  ModuleDecl,
  Namespace,
  RecordDecl,
  SourceLocation,
  TypeRef,
  XenOrigin,
} from '../model/types.js';
import { LINUX_ITEMS_SINCE } from '../model/linux.js';
import type { EvaluatedModule } from './bundle.js';
import { describeValue, isPlainObject, listOf } from './shape.js';

interface Context {
  repoRoot: string;
  namespace: Namespace;
  module: string;
  moduleLoc: SourceLocation;
  model: AbiModel;
  diagnostics: Diagnostic[];
  /** Every declared record/alias object → its lowered name, across all modules. */
  names: Map<object, string>;
  /** Names of items each module refers to, to derive its imports. */
  referenced: Set<object>;
}

export function lowerModules(modules: EvaluatedModule[], repoRoot: string): { model: AbiModel; diagnostics: Diagnostic[] } {
  const model: AbiModel = { format: 'xenabi-model/1', modules: [], records: [], aliases: [], constants: [], sets: [] };
  const diagnostics: Diagnostic[] = [];
  const names = new Map<object, string>();
  const owners = new Map<object, string>();
  const valid = modules.filter((m) => isModuleDef(m, repoRoot, diagnostics));
  for (const m of valid) registerNames(m.exported as ModuleDef, names, owners);
  for (const m of valid) {
    const def = m.exported as ModuleDef;
    const fileLoc = { file: relative(repoRoot, m.file).split('\\').join('/'), line: 1, column: 1 };
    const ctx: Context = {
      repoRoot,
      namespace: m.namespace,
      module: def.name,
      moduleLoc: loc(def.loc, repoRoot, fileLoc),
      model,
      diagnostics,
      names,
      referenced: new Set(),
    };
    const order = def.items.map((item, index) => lowerItem(item, index, ctx)).flat();
    if (def.archs) inheritModuleArchs(model, def.name, def.archs);
    const imports = [...new Set([...ctx.referenced].map((o) => owners.get(o)).filter((o): o is string => !!o && o !== def.name))];
    model.modules.push({
      name: def.name,
      namespace: m.namespace,
      xenHeader: def.xenHeader,
      xenGuard: def.xenGuard,
      coverage: def.coverage,
      imports: imports.sort(),
      ...(def.doc ? { doc: def.doc } : {}),
      loc: ctx.moduleLoc,
      ...(def.archs ? { archs: def.archs } : {}),
      ...(def.interfaceVersion ? { interfaceVersion: { constant: def.interfaceVersion.name } } : {}),
      order,
      ...gatesOf(def.gates),
      ...(def.toolsOnlyBefore ? { toolsOnlyBefore: def.toolsOnlyBefore } : {}),
    } satisfies ModuleDecl);
  }
  resolveRingEntries(model);
  return { model, diagnostics };
}

function isModuleDef(m: EvaluatedModule, repoRoot: string, diagnostics: Diagnostic[]): boolean {
  const def = m.exported as Partial<ModuleDef> | undefined;
  const file = relative(repoRoot, m.file).split('\\').join('/');
  const report = (message: string, at = { file, line: 1, column: 1 }) => {
    diagnostics.push({ severity: 'error', rule: 'module-export', loc: at, item: basename(m.file, '.ts'), message });
    return false;
  };
  if (!isPlainObject(def) || def.kind !== 'moduleDef') return report('an ABI module must `export default abiModule({ … })`');
  if (typeof def.name !== 'string') return report(`the module's name must be a string; got ${describeValue(def.name)}`, loc(def.loc, repoRoot, { file, line: 1, column: 1 }));
  const items = listOf(def.items);
  if (!Array.isArray(items)) return report(`the module's items must be a list of DSL items; got ${items.problem}`, loc(def.loc, repoRoot, { file, line: 1, column: 1 }));
  def.items = items as ItemDef[];
  return true;
}

/** Names every record and alias a module declares, so references across modules resolve. */
function registerNames(def: ModuleDef, names: Map<object, string>, owners: Map<object, string>): void {
  for (const item of def.items as unknown[]) {
    if (isPlainObject(item) && (item.kind === 'recordDef' || item.kind === 'aliasDef')) {
      names.set(item, typeof item.name === 'string' ? item.name : '?');
      owners.set(item, def.name);
    }
  }
}

/**
 * One item of a module's `items`. Anything that is not an item the DSL built is a diagnostic,
 * and so is an item the DSL's types would have refused (a hand-made object): lowering never
 * throws, whatever a module exports.
 */
function lowerItem(item: ItemDef, index: number, ctx: Context): string[] {
  if (!isPlainObject(item)) {
    ctx.diagnostics.push(unknownItem(ctx, ctx.moduleLoc, ctx.module, `items[${index}] is ${describeValue(item)}, not an item built with the DSL${undefinedHint(item)}`));
    return [];
  }
  try {
    switch (item.kind) {
      case 'aliasDef':
        return [lowerAlias(item, ctx)];
      case 'recordDef':
        return [lowerRecord(item, item.name ?? '?', undefined, ctx)];
      case 'constantDef':
        return [lowerConstant(item, ctx)];
      case 'setDef':
        return lowerSet(item, ctx);
      case 'macroDef':
        lowerMacro(item, ctx);
        // Macros are not in the declaration order: each language writes them after the module's other items.
        return [];
      default:
        ctx.diagnostics.push(unknownItem(ctx, ctx.moduleLoc, ctx.module, `items must be built with the DSL; got ${JSON.stringify((item as { kind?: unknown }).kind ?? typeof item)}`));
        return [];
    }
  } catch (error) {
    const name = typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : `items[${index}]`;
    const at = loc((item as { loc?: unknown }).loc, ctx.repoRoot, ctx.moduleLoc);
    ctx.diagnostics.push(unknownItem(ctx, at, name, `is not an item the DSL builds (${(error as Error).message}); declare it with the DSL's functions`));
    return [];
  }
}

function unknownItem(ctx: Context, at: SourceLocation, item: string, message: string): Diagnostic {
  return { severity: 'error', rule: 'unknown-item', loc: at, item, message };
}

/** Why a value a module refers to may be undefined while it evaluates. */
function undefinedHint(value: unknown): string {
  return value === undefined ? ' (used before its declaration, or imported from a module that imports this one?)' : '';
}

/** What a declaration may carry beyond its release: the guest interface version, gates and Xen's header. */
interface Conditions {
  guestInterface?: GuestInterfaceGate;
  gates?: GateDef[];
  xenOrigin?: XenOrigin[];
  toolsOnlyBefore?: string;
  toolsOnlySince?: string;
}

/** What a lifetime may say: Xen releases for Xen's ABI, Linux releases for Linux's interface. */
interface Lifetimes {
  since?: string;
  until?: string;
  linuxSince?: string;
  linuxUntil?: string;
}

function common(
  ctx: Context,
  def: Conditions & Lifetimes & { doc?: string; archs?: readonly string[]; loc: { file: string; line: number; column: number } },
) {
  return {
    namespace: ctx.namespace,
    module: ctx.module,
    // Xen releases do not version Linux's interface: its items exist in every one
    // (a Xen `since` written in a linux module is kept, for the `linux-lifetime` pass to refuse).
    since: def.since ?? (ctx.namespace === 'linux' ? LINUX_ITEMS_SINCE : ''),
    ...(def.until ? { until: def.until } : {}),
    ...(def.linuxSince ? { linuxSince: def.linuxSince } : {}),
    ...(def.linuxUntil ? { linuxUntil: def.linuxUntil } : {}),
    ...(def.doc ? { doc: def.doc } : {}),
    loc: loc(def.loc, ctx.repoRoot, ctx.moduleLoc),
    ...(def.guestInterface ? { guestInterface: { min: def.guestInterface.min } } : {}),
    ...gatesOf(def.gates),
    ...(def.xenOrigin && def.xenOrigin.length > 0 ? { xenOrigin: def.xenOrigin.map((o) => ({ ...o, ...(o.archs ? { archs: [...o.archs] } : {}) })) } : {}),
    ...(def.toolsOnlyBefore ? { toolsOnlyBefore: def.toolsOnlyBefore } : {}),
    ...(def.toolsOnlySince ? { toolsOnlySince: def.toolsOnlySince } : {}),
  };
}

/** Gates copied as plain data, so the model shares no objects with the ABI modules. */
function gatesOf(gates: readonly GateDef[] | undefined): { gates?: Gate[] } {
  return gates && gates.length > 0 ? { gates: gates.map((g) => ({ ...g })) } : {};
}

/** An inline record or a set member has its parent's conditions unless it states its own. */
function inherit(own: Conditions, parent: Conditions | undefined): Conditions {
  return {
    ...(own.guestInterface ?? parent?.guestInterface ? { guestInterface: own.guestInterface ?? parent?.guestInterface } : {}),
    ...(own.gates ?? parent?.gates ? { gates: own.gates ?? parent?.gates } : {}),
    ...(own.xenOrigin ?? parent?.xenOrigin ? { xenOrigin: own.xenOrigin ?? parent?.xenOrigin } : {}),
    ...(own.toolsOnlyBefore ?? parent?.toolsOnlyBefore ? { toolsOnlyBefore: own.toolsOnlyBefore ?? parent?.toolsOnlyBefore } : {}),
    ...(own.toolsOnlySince ?? parent?.toolsOnlySince ? { toolsOnlySince: own.toolsOnlySince ?? parent?.toolsOnlySince } : {}),
  };
}

function lowerAlias(def: AliasDef, ctx: Context): string {
  const place = common(ctx, def);
  const decl: AliasDecl = { kind: 'alias', name: def.name, type: lowerType(def.type, def.name, place.loc, ctx), ...place };
  if (def.archs) decl.archs = def.archs;
  ctx.model.aliases.push(decl);
  return def.name;
}

function lowerRecord(def: RecordDef, name: string, parent: RecordDecl | undefined, ctx: Context): string {
  const decl: RecordDecl = {
    kind: def.recordKind,
    name,
    ...(def.tag ? { tag: def.tag } : {}),
    ...(def.typedef ? { typedef: def.typedef } : {}),
    ...(parent ? { parent: parent.name } : {}),
    ...common(ctx, { ...def, since: def.since ?? parent?.since, until: def.until ?? parent?.until, linuxSince: def.linuxSince ?? parent?.linuxSince, ...inherit(def, parent) }),
    fields: [],
    // An inline record exists only where its parent does (start_info.console is x86's, like start_info).
    ...(def.archs ?? parent?.archs ? { archs: def.archs ?? parent?.archs } : {}),
    ...(def.holes ? { holes: def.holes } : {}),
    ...(def.growable ? { growable: def.growable } : {}),
    ...(def.selectors ? { selectors: def.selectors.map((sel) => ({ ...sel, arms: sel.arms.map((arm) => ({ ...arm })) })) } : {}),
    ...(def.legacyName ? { legacyName: { ...def.legacyName } } : {}),
    ...(def.xenScope ? { xenScope: def.xenScope } : {}),
    ...(def.ring ? { ring: { ...def.ring } } : {}),
    ...(def.byteRings ? { byteRings: def.byteRings.map((b) => ({ ...b })) } : {}),
  };
  ctx.model.records.push(decl);
  const recordLoc = decl.loc;
  const fields = listOf(def.fields);
  if (!Array.isArray(fields)) {
    ctx.diagnostics.push({ severity: 'error', rule: 'unknown-field', loc: recordLoc, item: name, message: `fields must be a list of the DSL's fields; got ${fields.problem}` });
    return name;
  }
  let anonymous = 0;
  decl.fields = fields.flatMap((f, index) => {
    if (!isPlainObject(f) || typeof f.name !== 'string') {
      const what = isPlainObject(f) ? `an object without a string name` : describeValue(f);
      ctx.diagnostics.push({ severity: 'error', rule: 'unknown-field', loc: recordLoc, item: name, message: `fields[${index}] is ${what}, not a field built with the DSL${undefinedHint(f)}` });
      return [];
    }
    const path = f.name === '' ? `${name}.<anon${anonymous++}>` : `${name}.${f.name}`;
    return [lowerField(f as unknown as FieldDef, path, decl, ctx)];
  });
  return name;
}

function lowerField(def: FieldDef, path: string, parent: RecordDecl, ctx: Context): Field {
  const at = loc(def.loc, ctx.repoRoot, parent.loc);
  const type = lowerFieldType(def.type, path, parent, at, ctx);
  const { loc: _rawLoc, type: _type, legacyType, legacyName, ...rest } = def;
  const legacy = legacyType ? { legacyType: { type: lowerType(legacyType.type, path, at, ctx), belowInterfaceVersion: legacyType.belowInterfaceVersion } } : {};
  return { ...rest, type, loc: at, ...legacy, ...(legacyName ? { legacyName: { ...legacyName } } : {}) };
}

/** A member's type: an inline record (also as the element of an array, `struct { … } timers[3]`) is named by the member's path. */
function lowerFieldType(type: TypeDef, path: string, parent: RecordDecl, at: SourceLocation, ctx: Context): TypeRef {
  if (isInlineRecord(type, ctx)) return { kind: 'record', name: lowerRecord(type as RecordDef, path, parent, ctx) };
  if (kindOf(type) === 'array') {
    const array = type as { element: TypeDef };
    return { ...(type as ArrayType), element: lowerFieldType(array.element, path, parent, at, ctx) };
  }
  return lowerType(type, path, at, ctx);
}

/** A record object used as a field type and declared in no module: it is an inline record. */
function isInlineRecord(type: TypeDef, ctx: Context): boolean {
  return kindOf(type) === 'recordDef' && !ctx.names.has(type);
}

/** A type of the DSL as the model's reference; `at` is where the field or typedef using it is. */
function lowerType(type: TypeDef, path: string, at: SourceLocation, ctx: Context): TypeRef {
  switch (kindOf(type)) {
    case 'scalar':
      return { kind: 'scalar', name: (type as { name: ScalarName }).name };
    case 'archScalar':
      return { kind: 'archScalar', name: (type as { name: ArchScalarName }).name };
    case 'handle':
      return { ...(type as HandleType) };
    case 'array':
      return { ...(type as ArrayType), element: lowerType((type as { element: TypeDef }).element, path, at, ctx) };
    case 'pointer': {
      const pointer = type as { pointee?: TypeDef; const?: boolean };
      return { kind: 'pointer', ...(pointer.pointee ? { pointee: lowerType(pointer.pointee, path, at, ctx) } : {}), ...(pointer.const ? { const: true } : {}) };
    }
    case 'aliasDef':
    case 'recordDef':
      return lowerReference(type as AliasDef | RecordDef, path, ctx);
    default:
      ctx.diagnostics.push({
        severity: 'error',
        rule: 'unknown-type',
        loc: at,
        item: path,
        message: `not a type built with the DSL: ${describeValue(type)}${undefinedHint(type)}`,
      });
      return { kind: 'scalar', name: 'uint8_t' };
  }
}

function lowerReference(type: AliasDef | RecordDef, path: string, ctx: Context): TypeRef {
  const name = ctx.names.get(type);
  ctx.referenced.add(type);
  if (name) return type.kind === 'aliasDef' ? { kind: 'alias', name } : { kind: 'record', name };
  ctx.diagnostics.push({
    severity: 'error',
    rule: 'undeclared-reference',
    loc: loc(type.loc, ctx.repoRoot, ctx.moduleLoc),
    item: path,
    message: `refers to ${type.kind === 'aliasDef' ? 'typedef' : 'record'} ${type.name ?? '(unnamed)'}, which no module lists in its items`,
  });
  return type.kind === 'aliasDef' ? { kind: 'alias', name: type.name } : { kind: 'record', name: type.name ?? '?' };
}

function lowerConstant(def: ConstantDef, ctx: Context, set?: string): string {
  const decl: ConstantDecl = {
    kind: 'constant',
    name: def.name,
    value: def.value.toString(),
    cType: def.cType ?? defaultCType(def.value as bigint),
    spelling: def.spelling ?? 'dec',
    ...common(ctx, def),
  };
  if (def.values) decl.values = Object.fromEntries(Object.entries(def.values).map(([a, v]) => [a, (v as bigint).toString()]));
  if (def.history) decl.history = def.history.map((h) => ({ since: h.since, value: h.value.toString(), ...(h.cType ? { cType: h.cType } : {}) }));
  if (def.legacyValue) decl.legacyValue = { value: def.legacyValue.value.toString(), belowInterfaceVersion: def.legacyValue.belowInterfaceVersion };
  if (def.bitConstant) decl.bitConstant = def.bitConstant;
  if (def.ringEntries) decl.ringEntries = def.ringEntries;
  if (def.ioctl) {
    const { argument, ...encoding } = def.ioctl;
    decl.ioctl = { ...encoding, ...(argument ? { argument: lowerType(argument, def.name, decl.loc, ctx) } : {}) };
  }
  if (def.archs) decl.archs = def.archs;
  if (set) decl.set = set;
  ctx.model.constants.push(decl);
  return def.name;
}

/** A function-like macro: its body parsed; a body that does not parse is a diagnostic at the macro. */
function lowerMacro(def: MacroDef, ctx: Context): void {
  const place = common(ctx, def);
  let body: MacroExpr;
  try {
    body = parseMacroBody(def.body, def.params);
  } catch (error) {
    if (!(error instanceof MacroSyntaxError)) throw error;
    ctx.diagnostics.push({ severity: 'error', rule: 'macro-body', loc: place.loc, item: def.name, message: `the body does not parse: ${error.message}` });
    return;
  }
  const decl: MacroDecl = {
    kind: 'macro',
    name: def.name,
    params: [...def.params],
    body,
    width: def.width ?? 32,
    samples: def.samples.map((args) => args.map((a) => a.toString())),
    namespace: place.namespace,
    module: place.module,
    since: place.since,
    ...(place.until ? { until: place.until } : {}),
    ...(place.doc ? { doc: place.doc } : {}),
    loc: place.loc,
    ...(def.archs ? { archs: def.archs } : {}),
    ...(place.toolsOnlyBefore ? { toolsOnlyBefore: place.toolsOnlyBefore } : {}),
    ...(place.guestInterface ? { guestInterface: place.guestInterface } : {}),
  };
  (ctx.model.macros ??= []).push(decl);
}

/** The type C gives an unsuffixed decimal literal of this value. */
function defaultCType(value: bigint): ConstantDecl['cType'] {
  if (value >= -(2n ** 31n) && value < 2n ** 31n) return 'int';
  if (value >= 0n && value < 2n ** 32n) return 'unsigned int';
  if (value >= -(2n ** 63n) && value < 2n ** 63n) return 'long long';
  return 'unsigned long long';
}

function lowerSet(def: SetDef, ctx: Context): string[] {
  const order: string[] = [];
  const members: ConstantDef[] = [
    ...(def.flags ?? []).flatMap((f) => (f.bitConstant ? [f.bitConstant, f.mask] : [f.mask])),
    ...(def.values ?? []),
    ...(def.ops ?? []).map((o) => o.constant),
  ];
  // A member exists only where its set does, unless it names its own architectures.
  const archs = (c: ConstantDef) => (c.archs ?? def.archs ? { archs: [...(c.archs ?? def.archs ?? [])] } : {});
  for (const c of members) order.push(lowerConstant({ ...c, since: c.since || def.since, linuxSince: c.linuxSince ?? def.linuxSince, ...inherit(c, def), ...archs(c) }, ctx, def.name));
  const decl: ConstantSetDecl = { kind: def.setKind, name: def.name, ...common(ctx, def), ...(def.archs ? { archs: [...def.archs] } : {}) };
  if (def.field) decl.field = def.field;
  if (def.flags) decl.flags = def.flags.map((f) => ({ mask: f.mask.name, bit: f.bit, ...(f.bitConstant ? { bitConstant: f.bitConstant.name } : {}) }));
  // A member Xen removed and brought back is declared once per run of releases, but is one member of the set.
  if (def.values) decl.values = [...new Set(def.values.map((v) => v.name))];
  if (def.ops) decl.ops = uniqueOps(def.ops.map((o) => ({ constant: o.constant.name, ...(o.member ? { member: o.member } : {}), ...(o.record ? { record: refName(o.record, ctx) } : {}) })));
  if (def.dispatch) {
    decl.dispatch = { record: refName(def.dispatch.record, ctx), opField: def.dispatch.opField, ...(def.dispatch.payloadField ? { payloadField: def.dispatch.payloadField } : {}) };
  }
  ctx.model.sets.push(decl);
  order.push(def.name);
  return order;
}

/** Ops without repeats: an op whose number and payload Xen removed and brought back is declared once per run, and is one op. */
function uniqueOps(ops: NonNullable<ConstantSetDecl['ops']>): NonNullable<ConstantSetDecl['ops']> {
  const key = (o: (typeof ops)[number]) => JSON.stringify([o.constant, o.member ?? '', o.record ?? '']);
  return ops.filter((o, i) => ops.findIndex((x) => key(x) === key(o)) === i);
}

function refName(def: RecordDef, ctx: Context): string {
  ctx.referenced.add(def);
  return ctx.names.get(def) ?? def.name ?? '?';
}

/** The `kind` a DSL object carries; undefined for anything else. */
function kindOf(value: unknown): unknown {
  return isPlainObject(value) ? value.kind : undefined;
}

/** A DSL location made repository-relative; `fallback` when the object carries none (a hand-made one). */
function loc(raw: unknown, repoRoot: string, fallback: SourceLocation): SourceLocation {
  if (!isPlainObject(raw) || typeof raw.file !== 'string' || typeof raw.line !== 'number' || typeof raw.column !== 'number') return fallback;
  const file = isAbsolute(raw.file) ? relative(repoRoot, raw.file) : raw.file;
  return { file: file.split('\\').join('/'), line: raw.line, column: raw.column };
}

/** A module restricted to some architectures restricts every item it declares that names none. */
function inheritModuleArchs(model: AbiModel, module: string, archs: NonNullable<ModuleDef['archs']>): void {
  for (const item of [...model.records, ...model.aliases, ...model.constants, ...model.sets]) {
    if (item.module === module && !item.archs) item.archs = [...archs];
  }
}
