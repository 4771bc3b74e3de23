/**
 * Draft modules printed in xenabi's schema language, one file per module. Every doc is a
 * `TODO` marker: Xen's comments are not copied, they are for a person to read and put in
 * our own words. A type the registry cannot express is printed as a call of `TODO_TYPE`,
 * which does not exist, so the module does not type-check until someone decides.
 */
import type { DraftType } from './types.js';
import type { XenOrigin } from '../model/types.js';
import type { DraftConstant, DraftField, DraftItem, DraftModule, DraftRecord, DraftSet } from './draft.js';

const TODO = "'TODO'";
const SCALARS: Record<string, string> = { uint8_t: 'u8', uint16_t: 'u16', uint32_t: 'u32', uint64_t: 'u64', int8_t: 'i8', int16_t: 'i16', int32_t: 'i32', int64_t: 'i64' };

/** What a module file uses from the DSL and from other modules, collected while printing. */
class Uses {
  readonly dsl = new Set<string>(['abiModule']);
  readonly foreign = new Map<string, Set<string>>();
  constructor(
    private readonly own: ReadonlySet<string>,
    private readonly owners: ReadonlyMap<string, DraftModule>,
    private readonly module: DraftModule,
  ) {}
  /** A record or typedef by its variable, imported when another module declares it. */
  item(name: string): string {
    const owner = this.owners.get(name);
    if (owner && owner !== this.module && !this.own.has(name)) {
      const from = owner.namespace === this.module.namespace ? `./${owner.name}.ts` : `../${owner.namespace}/${owner.name}.ts`;
      this.foreign.set(from, new Set([...(this.foreign.get(from) ?? []), name]));
    }
    return name;
  }
}

function typeText(type: DraftType, uses: Uses): string {
  switch (type.kind) {
    case 'scalar':
      return use(uses, SCALARS[type.name] ?? 'u32');
    case 'archScalar':
      return use(uses, type.name);
    case 'handle':
      return `${use(uses, type.width === '64' ? 'handle64' : 'handle')}('${type.target}')`;
    case 'array':
      return `${use(uses, 'array')}(${typeText(type.element, uses)}, ${type.length})`;
    case 'record':
    case 'alias':
      return uses.item(type.name);
    case 'pointer': {
      // Xen's public headers have no plain pointers (they use guest handles); kept for the model's every type.
      const options = type.const ? ', { const: true }' : '';
      return `${use(uses, 'ptr')}(${type.pointee ? typeText(type.pointee, uses) : options ? 'undefined' : ''}${options})`;
    }
    case 'todo':
      return `TODO_TYPE('${type.c}')`;
  }
}

function use(uses: Uses, name: string): string {
  uses.dsl.add(name);
  return name;
}

const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fieldText(f: DraftField, uses: Uses, indent: string): string {
  const archs = f.archs ? `, archs: [${f.archs.map(str).join(', ')}]` : '';
  const note = f.cSpelling ? ` /* TODO: Xen spells it ${f.cSpelling} */` : '';
  if ('fields' in f.type) {
    const inline = recordBody(f.type, uses, `${indent}  `, true);
    const builder = use(uses, f.type.kind === 'union' ? 'inlineUnion' : 'inlineStruct');
    return f.name ? `${use(uses, 'field')}(${str(f.name)}, ${builder}(${inline}), { doc: ${TODO}${archs} })` : `${use(uses, 'anonymous')}(${builder}(${inline})${archs ? `, { ${archs.slice(2)} }` : ''})`;
  }
  if (f.flexible && f.type.kind === 'array') return `${use(uses, 'flex')}(${str(f.name)}, ${typeText(f.type.element, uses)}${note}, { doc: ${TODO}${archs} })`;
  const type = typeText(f.type, uses) + note;
  if (f.bitWidth !== undefined) return `${use(uses, 'bits')}(${str(f.name)}, ${type}, ${f.bitWidth}, { doc: ${TODO}${f.padding ? ', padding: true' : ''}${archs} })`;
  return `${use(uses, f.padding ? 'pad' : 'field')}(${str(f.name)}, ${type}, { doc: ${TODO}${archs} })`;
}

/** A record's options object: typedef, release, doc, architectures, holes, members. */
function recordBody(r: DraftRecord, uses: Uses, indent: string, inline = false, since = ''): string {
  const lines = [
    ...(r.typedef && !inline ? [`typedef: ${str(r.typedef)},`] : []),
    ...(r.xenScope ? [`xenScope: ${str(r.xenScope)},`] : []),
    ...(r.xenOrigin ? [`xenOrigin: ${originText(r.xenOrigin)},`] : []),
    ...(since ? [`since: ${str(since)},`] : []),
    `doc: ${TODO},`,
    ...(r.archs ? [`archs: [${r.archs.map(str).join(', ')}],`] : []),
    ...(r.holes?.length ? [`holes: [${r.holes.map((h) => `{ after: ${str(h.after)}, archs: [${h.archs.map(str).join(', ')}], reason: ${str(h.reason)} }`).join(', ')}],`] : []),
    'fields: [',
    ...r.fields.map((f) => `  ${fieldText(f, uses, indent)},`),
    ']',
  ];
  return `{\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n${indent}}`;
}

function originText(origins: readonly XenOrigin[]): string {
  return `[${origins.map((o) => `{ header: ${str(o.header)}, guard: ${str(o.guard)}${o.archs ? `, archs: [${o.archs.map(str).join(', ')}]` : ''}${o.tools ? ', tools: true' : ''} }`).join(', ')}]`;
}

function constantOptions(c: DraftConstant, since: string, extra = ''): string {
  const parts = [`since: ${str(since)}`];
  if (c.xenOrigin) parts.push(`xenOrigin: ${originText(c.xenOrigin)}`);
  if (c.cType !== 'int' && c.cType !== 'string') parts.push(`cType: ${str(c.cType)}`);
  if (c.spelling !== 'dec') parts.push(`spelling: ${str(c.spelling)}`);
  if (c.archs) parts.push(`archs: [${c.archs.map(str).join(', ')}]`);
  if (c.values) parts.push(`values: { ${Object.entries(c.values).map(([a, v]) => `${a}: ${literal(v as bigint | string)}`).join(', ')} }`);
  if (extra) parts.push(extra);
  parts.push(`doc: ${TODO}`);
  return `{ ${parts.join(', ')} }`;
}

function literal(v: bigint | string): string {
  if (typeof v === 'string') return str(v);
  return v > 9007199254740991n || v < -9007199254740991n ? `${v}n` : String(v);
}

function setText(s: DraftSet, uses: Uses, since: string): string {
  if (s.kind === 'flags') {
    const flags = s.members.map((m) => {
      const defaultType = m.constant.spelling === 'shift' ? 'unsigned int' : 'int';
      const cType = m.constant.cType !== defaultType ? `cType: ${str(m.constant.cType)}, ` : '';
      const spelling = m.constant.spelling !== 'shift' ? `spelling: ${str(m.constant.spelling)}, ` : '';
      const bit = m.bitConstant ? `bitConstant: ${str(m.bitConstant.name)}, ` : '';
      return `    ${use(uses, 'flag')}(${str(m.constant.name)}, ${m.bit ?? 0}, { since: ${str(since)}, ${bit}${cType}${spelling}doc: ${TODO} }),`;
    });
    return `${use(uses, 'flagSet')}(${str(s.name)}, {\n  since: ${str(since)},\n  doc: ${TODO},\n  flags: [\n${flags.join('\n')}\n  ],\n})`;
  }
  if (s.kind === 'ops') {
    const ops = s.members.map((m) => `    ${use(uses, 'op')}(${use(uses, 'constant')}(${str(m.constant.name)}, ${literal(m.constant.value)}, ${constantOptions(m.constant, since)})${m.record ? `, { record: ${uses.item(m.record)} }` : ''}),`);
    return `${use(uses, 'opSet')}(${str(s.name)}, {\n  since: ${str(since)},\n  doc: ${TODO},\n  ops: [\n${ops.join('\n')}\n  ],\n})`;
  }
  const values = s.members.map((m) => `    ${use(uses, 'constant')}(${str(m.constant.name)}, ${literal(m.constant.value)}, ${constantOptions(m.constant, since)}),`);
  return `${use(uses, 'valueSet')}(${str(s.name)}, {\n  since: ${str(since)},\n  doc: ${TODO},\n  values: [\n${values.join('\n')}\n  ],\n})`;
}

/** The variable an item is exported as (a set whose name a constant also has gets `_set`). */
function variable(item: DraftItem, taken: ReadonlySet<string>): string {
  switch (item.kind) {
    case 'record':
      return item.record.name;
    case 'alias':
      return item.name;
    case 'constant':
      return item.constant.name;
    case 'set':
      return taken.has(item.set.name) ? `${item.set.name}_set` : item.set.name;
  }
}

function itemText(item: DraftItem, uses: Uses, since: string): string {
  switch (item.kind) {
    case 'record':
      return `${use(uses, item.record.kind)}(${str(item.record.tag ?? item.record.name)}, ${recordBody(item.record, uses, '', false, since)})`;
    case 'alias':
      return `${use(uses, 'typedef')}(${str(item.name)}, ${typeText(item.type, uses)}, { since: ${str(since)}, doc: ${TODO}${item.archs ? `, archs: [${item.archs.map(str).join(', ')}]` : ''}${item.xenOrigin ? `, xenOrigin: ${originText(item.xenOrigin)}` : ''} })`;
    case 'constant': {
      const builder = typeof item.constant.value === 'string' ? 'stringConstant' : 'constant';
      return `${use(uses, builder)}(${str(item.constant.name)}, ${literal(item.constant.value)}, ${constantOptions(item.constant, since)})`;
    }
    case 'set':
      return setText(item.set, uses, since);
  }
}

export interface PrintOptions {
  release: string;
  /** The command that drafted it, for the banner. */
  command: string;
}

/** Every module as a file: `<namespace>/<module>.ts`. */
export function printModules(modules: readonly DraftModule[], options: PrintOptions): { path: string; text: string }[] {
  const owners = new Map<string, DraftModule>();
  for (const m of modules) for (const item of m.items) if (item.kind === 'record' || item.kind === 'alias') owners.set(item.kind === 'record' ? item.record.name : item.name, m);
  return modules.map((m) => ({ path: `${m.namespace}/${m.name}.ts`, text: printModule(m, owners, options) }));
}

function printModule(m: DraftModule, owners: ReadonlyMap<string, DraftModule>, options: PrintOptions): string {
  const constantNames = new Set(m.items.flatMap((i) => (i.kind === 'constant' ? [i.constant.name] : i.kind === 'set' ? i.set.members.flatMap((x) => [x.constant.name, ...(x.bitConstant ? [x.bitConstant.name] : [])]) : [])));
  const own = new Set(m.items.flatMap((i) => (i.kind === 'record' ? [i.record.name] : i.kind === 'alias' ? [i.name] : [])));
  const uses = new Uses(own, owners, m);
  const body = m.items.map((item) => `export const ${variable(item, constantNames)} = ${itemText(item, uses, options.release)};`);
  const version = m.interfaceVersion ? m.items.find((i) => i.kind === 'constant' && i.constant.name === m.interfaceVersion) : undefined;
  const moduleLines = [
    'export default abiModule({',
    `  name: ${str(m.name)},`,
    `  xenHeader: ${str(m.xenHeader)},`,
    `  xenGuard: ${str(m.xenGuard)},`,
    `  coverage: ${str(m.coverage)},`,
    `  doc: ${TODO},`,
    ...(version ? [`  interfaceVersion: ${m.interfaceVersion},`] : m.namespace === 'unstable' ? ['  // TODO: an unstable module names the constant that versions its interface; Xen\'s header defines none.'] : []),
    `  items: [${m.items.map((i) => variable(i, constantNames)).join(', ')}],`,
    '});',
  ];
  const imports = [...uses.foreign].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`);
  const dsl = [...uses.dsl].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1));
  return [
    '/**',
    ` * TODO: what ${m.xenHeader} is for${m.name.endsWith('_tools') ? ' (its tools-only part)' : ''}, in our own words.`,
    ' *',
    ` * Drafted by \`${options.command}\` from Xen ${options.release}'s ${m.xenHeader} as clang`,
    ' * compiles it on x86_32, x86_64, arm32 and arm64. Every TODO is for a person: docs in our',
    " * words (Xen's comments are not copied), the reason of each compiler hole, the releases",
    ' * each item really exists in, and any type marked TODO_TYPE.',
    ' */',
    `import { ${dsl.join(', ')} } from 'xenabi/dsl';`,
    ...imports,
    '',
    ...body.flatMap((b) => [b, '']),
    ...moduleLines,
    '',
  ].join('\n');
}
