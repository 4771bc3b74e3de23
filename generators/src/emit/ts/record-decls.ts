/**
 * The public declarations of one record: its value interface, its view interface, its layout
 * tables and its codec object, whose methods switch once on the architecture and call the
 * per-architecture code in the internal file.
 */
import type { FieldLayout, RecordLayout } from '../../layout/engine.js';
import { onArch } from '../../model/arch.js';
import type { Arch, Field, RecordDecl, TypeRef } from '../../model/types.js';
import { recordHome } from './impl-module.js';
import { implName, str, tsdoc, type TsNames } from './names.js';
import { innermost, tsType, type Shape } from './shapes.js';
import type { RecordVariant, Variants } from './variants.js';
import { RUNTIME, doc, type Decl, type Doc, type Imports } from './view-model.js';
import { directedDoc, isDirected, optionalOnEncode } from '../../model/directions.js';
import { acceptedFields, fieldList, inputName } from './inputs.js';
import { directBrand } from './brands.js';

/** Registers imports for the typedefs and records a type names. */
export function useType(type: TypeRef, variants: Variants, names: TsNames, imports: Imports): void {
  switch (type.kind) {
    case 'alias': {
      const alias = variants.model.aliases.find((a) => a.name === type.name);
      if (alias) imports.type(`src/${alias.namespace}/${alias.module}.ts`, names.alias(alias.name));
      return;
    }
    case 'record':
      imports.type(recordHome(variants, type.name).pub, names.record(type.name));
      return;
    case 'array':
      useType(type.element, variants, names, imports);
      return;
    default: {
      const brand = directBrand(type);
      if (brand) imports.type(RUNTIME, brand);
      return;
    }
  }
}

/** `@since 4.9` (a Xen release), or `@since Linux 4.11` for Linux's interface. */
function since(item: { since?: string; linuxSince?: string }): { tag: string; text: string }[] {
  if (item.linuxSince) return [{ tag: 'since', text: `Linux ${item.linuxSince}` }];
  return item.since ? [{ tag: 'since', text: item.since }] : [];
}

function fieldDoc(record: RecordDecl, f: Field, archs: Arch[]): Doc {
  const notes = [tsdoc(directedDoc(f))];
  if (f.archs && !archs.every((a) => f.archs!.includes(a))) notes.push(`Only on ${f.archs.join(', ')}.`);
  return doc(notes.filter(Boolean).join('\n\n'), f.since && f.since !== record.since ? since(f) : []);
}

function sizeLine(variants: Variants, record: string): string {
  const archs = variants.archs(record);
  const sizes = archs.map((a) => variants.layout(record, a).size);
  if (sizes.every((s) => s === sizes[0]) && archs.length === 4) return `Size: ${sizes[0]} bytes on every architecture.`;
  return `Size: ${archs.map((a, i) => `${sizes[i]} bytes on ${a}`).join(', ')}.`;
}

/** The value interface: every member but padding; members of only some architectures are optional. */
function valueInterface(variants: Variants, names: TsNames, imports: Imports, decl: RecordDecl): Decl {
  const archs = variants.archs(decl.name);
  const fields = decl.fields.filter((f) => !f.padding && archs.some((a) => onArch(f, a)));
  for (const f of fields) useType(f.type, variants, names, imports);
  const kind =
    decl.kind === 'union'
      ? `A value of union ${decl.name}: set one member to encode (none: all zero). A decode fills in every member, and encode takes such a value back as it was, or with one member changed (see the package README).`
      : '';
  return {
    kind: 'interface',
    name: names.record(decl.name),
    doc: doc([tsdoc(decl.doc), kind, sizeLine(variants, decl.name)].filter(Boolean).join('\n\n'), since(decl)),
    props: membersByName(fields).map((same) => {
      const first = same[0] as Field;
      const everywhere = archs.every((a) => same.some((f) => onArch(f, a)));
      return {
        name: first.name,
        type: [...new Set(same.map((f) => tsType(f.type, names)))].join(' | '),
        optional: decl.kind === 'union' || !everywhere,
        doc: fieldDoc(decl, same.length === 1 ? first : merged(same, everywhere), archs),
      };
    }),
    methods: [],
  };
}

/**
 * The input interface of an op payload with directions: what its encoders take. The members a
 * caller sets (`in`, `inout`) are required; the others (Xen's answers, Xen's own state) may be
 * left out and encode as zero.
 */
function inputInterface(variants: Variants, names: TsNames, imports: Imports, decl: RecordDecl): Decl {
  const full = valueInterface(variants, names, imports, decl) as Extract<Decl, { kind: 'interface' }>;
  const byName = new Map(decl.fields.map((f) => [f.name, f]));
  return {
    ...full,
    name: inputName(names.record(decl.name)),
    doc: doc(`What the encoders of \`${names.record(decl.name)}\` take: the fields a caller sets are required, the others (outputs) may be left out and encode as zero. Decoding returns every field.`, since(decl)),
    props: full.props.map((p) => ({ ...p, optional: p.optional || optionalOnEncode(decl, byName.get(p.name)!) })),
  };
}

/**
 * Fields grouped by name, in order of first appearance. A member Xen declares with another
 * type on other architectures (`shared_info.evtchn_pending`, 32 or 64 words) is one or more
 * fields of one name with disjoint architectures, and one property of the value.
 */
function membersByName(fields: readonly Field[]): Field[][] {
  const groups = new Map<string, Field[]>();
  for (const f of fields) groups.set(f.name, [...(groups.get(f.name) ?? []), f]);
  return [...groups.values()];
}

/** One field standing for same-named ones, for their doc: every distinct doc, and no architecture note when they cover all. */
function merged(same: readonly Field[], everywhere: boolean): Field {
  const { archs: _archs, ...first } = same[0] as Field;
  const doc = [...new Set(same.map((f) => f.doc).filter(Boolean))].join(' ');
  const archs = [...new Set(same.flatMap((f) => f.archs ?? []))];
  return { ...first, doc, ...(everywhere ? {} : { archs }) };
}

/** The view interface: the union of the view classes' accessors over the architectures. */
function viewInterface(variants: Variants, names: TsNames, imports: Imports, decl: RecordDecl, all: RecordVariant[]): Decl {
  const props = new Map<string, { types: Set<string>; writable: boolean; count: number }>();
  const methods = new Map<string, { returnType: string; count: number }>();
  for (const v of all) {
    for (const a of v.view.accessors) {
      const p = props.get(a.name) ?? { types: new Set<string>(), writable: false, count: 0 };
      p.types.add(a.type);
      p.writable ||= !!a.set;
      p.count++;
      props.set(a.name, p);
    }
    for (const m of v.view.methods) methods.set(m.name, { returnType: m.returnType, count: (methods.get(m.name)?.count ?? 0) + 1 });
    for (const r of v.view.views) imports.type(recordHome(variants, r).pub, names.view(r));
  }
  const allTypes = [...props.values()].flatMap((p) => [...p.types]).concat([...methods.values()].map((m) => m.returnType));
  for (const t of ['RecordArrayView', 'IntArrayView']) if (allTypes.some((x) => x.startsWith(t))) imports.type(RUNTIME, t);
  const docs = new Map(decl.fields.map((f) => [f.name, f]));
  const archs = variants.archs(decl.name);
  return {
    kind: 'interface',
    name: names.view(decl.name),
    extends: [imports.type(RUNTIME, 'RecordView')],
    doc: doc(`A zero-copy view of \`${names.record(decl.name)}\` over a buffer: reads and writes go straight to the bytes.`, since(decl)),
    props: [...props].map(([name, p]) => {
      const base = docs.get(name) ?? docs.get(name.replace(/AsNumber$/, ''));
      const asNumber = !docs.has(name) ? `The same field as a number; a \`RangeError\` when it does not fit a safe integer.` : '';
      return {
        name,
        type: [...p.types].join(' | '),
        optional: p.count < all.length,
        readonly: !p.writable,
        ...(base ? { doc: doc([asNumber, fieldDoc(decl, base, archs).text].filter(Boolean).join('\n\n')) } : {}),
      };
    }),
    methods: [...methods].map(([name, m]) => ({
      name,
      params: [{ name: 'count', type: 'number' }],
      returnType: m.returnType,
      optional: m.count < all.length,
      doc: doc(`The flexible array member \`${name}\` with \`count\` elements, zero-copy.`),
    })),
  };
}

/** A field's layout as data, with what a value of it holds. */
function fieldData(f: FieldLayout, shape: Shape): string {
  const { element, dims } = innermost(shape);
  const data: Record<string, unknown> = { name: f.name, offset: f.offset, size: f.size, align: f.align, type: f.type };
  if (element.kind === 'int') {
    data.value = element.big || (f.bitWidth ?? 0) > 32 ? 'bigint' : 'number';
    data.signed = element.signed;
    data.bits = f.bitWidth ?? element.bits;
  } else {
    data.value = 'record';
    data.record = element.record;
  }
  if (dims.length) {
    data.dims = dims;
    data.elementSize = element.size;
  }
  if (f.bitOffset !== undefined) Object.assign(data, { bitOffset: f.bitOffset, bitWidth: f.bitWidth });
  if (f.padding) data.padding = true;
  if (f.flexibleArray) data.flexible = true;
  return objectLiteral(data);
}

/** A flat object as a one-line literal: `{ name: 'id', offset: 0 }`. */
function objectLiteral(data: object): string {
  const entries = Object.entries(data).map(([k, v]) => `${k}: ${typeof v === 'string' ? str(v) : JSON.stringify(v).replace(/,/g, ', ')}`);
  return `{ ${entries.join(', ')} }`;
}

function layoutLiteral(layout: RecordLayout, shapes: Shape[]): string {
  const holes = layout.holes.map((h) => objectLiteral(h));
  return [
    `frozen({`,
    `  name: ${str(layout.name)},`,
    `  kind: ${str(layout.kind)},`,
    `  size: ${layout.size},`,
    `  align: ${layout.align},`,
    `  fields: [${layout.fields.map((f, i) => `\n    ${fieldData(f, shapes[i]!)},`).join('')}${layout.fields.length ? '\n  ' : ''}],`,
    `  holes: [${holes.map((h) => `\n    ${h},`).join('')}${holes.length ? '\n  ' : ''}],`,
    `})`,
  ].join('\n');
}

/**
 * Lines checking `options.offset` and room for `size` bytes in `bytes`, setting `b` to the
 * record's offset in the buffer: one comparison on the fast path, `placeBytes` (which
 * throws the right error) otherwise.
 */
export function place(bytes: string, size: string, name: string): string[] {
  const room = /^\d+$/.test(size) ? size : `(${size})`;
  return [
    `if (${bytes} !== current.bytes) useBytes(${bytes}, ${str(name)});`,
    'const o = options.offset ?? 0;',
    `const b = typeof o === 'number' && (o >>> 0) === o && o + ${room} <= current.length ? current.base + o : placeBytes(${bytes}, o, ${size}, ${str(name)});`,
  ];
}

/** `case 'x86_32':\n case 'x86_64':` lines for a group of architectures. */
function cases(archs: Arch[], indent: string): string[] {
  return archs.map((a) => `${indent}case ${str(a)}:`);
}

function groupBy<T>(archs: Arch[], key: (a: Arch) => T): { value: T; archs: Arch[] }[] {
  const groups: { value: T; archs: Arch[]; k: string }[] = [];
  for (const a of archs) {
    const value = key(a);
    const k = JSON.stringify(value);
    const g = groups.find((x) => x.k === k);
    if (g) g.archs.push(a);
    else groups.push({ value, archs: [a], k });
  }
  return groups;
}

function method(head: string, body: string[]): string {
  return `  ${head} {\n${body.map((l) => `    ${l}`).join('\n')}\n  },`;
}

/** `case` lines, then the body; a body that is a block opens on the last `case` line. */
export function caseGroup(archs: Arch[], body: string[]): string[] {
  const heads = cases(archs, '  ');
  if (body[0] !== '{') return [...heads, ...body.map((l) => `    ${l}`)];
  heads[heads.length - 1] += ' {';
  return [...heads, ...body.slice(1, -1).map((l) => `  ${l}`), '  }'];
}

function archSwitch(arch: string, name: string, groups: { archs: Arch[]; body: string[] }[]): string[] {
  return [
    `switch (${arch}) {`,
    ...groups.flatMap((g) => caseGroup(g.archs, g.body)),
    '  default:',
    `    return failArch(${str(name)}, ${arch});`,
    '}',
  ];
}

/** The codec object's initializer. */
function codecInit(variants: Variants, names: TsNames, imports: Imports, decl: RecordDecl, all: RecordVariant[], layoutConst: (a: Arch) => string): string {
  const name = decl.name;
  const id = names.record(name);
  const archs = variants.archs(name);
  const impl = recordHome(variants, name).impl;
  const use = (part: 'enc' | 'dec' | 'chk' | 'V', v: RecordVariant) => imports.value(impl, implName(id, part, v.index));
  for (const h of ['failArch', 'failObject', 'placeBytes', 'current', 'useBytes', 'dataViewOf', 'wordsOf', 'placeView', 'encodeFresh']) imports.value(RUNTIME, h);
  const flex = decl.fields.find((f) => f.flexible);
  if (flex) imports.value(RUNTIME, 'flexArray');
  if (flex) imports.value(RUNTIME, 'flexCount');
  const stride = (a: Arch) => {
    const m = variants.members(name, a).find((x) => x.layout.flexibleArray);
    return m && m.shape.kind === 'array' ? m.shape.stride : 0;
  };
  // With n elements the record ends after the last of them, or at sizeof when they end inside its tail padding.
  const offset = (a: Arch) => variants.members(name, a).find((x) => x.layout.flexibleArray)?.layout.offset ?? 0;
  const total = (a: Arch) => {
    const size = variants.layout(name, a).size;
    if (!flex) return `${size}`;
    return offset(a) === size ? `${size} + n * ${stride(a)}` : `Math.max(${size}, ${offset(a)} + n * ${stride(a)})`;
  };
  const nArg = flex ? ', n' : '';
  const fieldsCheck = isDirected(decl) ? ` checkFields(value, ${id}$fields, ${str(name)}, options.loose);` : '';
  const checkValue = `if (typeof value !== 'object' || value === null) failObject(value, ${str(name)});${fieldsCheck}`;
  // Arrays take the inlined `Array.isArray` path; typed arrays, array-likes and mistakes go through the runtime's check.
  const countFromValue = flex
    ? [`const f = value.${flex.name};`, `const n = Array.isArray(f) ? f.length : flexArray(f, ${str(`${name}.${flex.name}`)}).length;`]
    : [];
  const byVariant = all.map((v) => ({ v, archs: v.archs.filter((a) => archs.includes(a)) }));
  const perVariant = (body: (v: RecordVariant, a: Arch) => string[]) =>
    groupBy(archs, (a) => {
      const v = byVariant.find((x) => x.archs.includes(a))!.v;
      return body(v, a);
    }).map((g) => ({ archs: g.archs, body: g.value }));
  const lines = [
    '{',
    `  name: ${str(name)},`,
    `  archs: [${archs.map(str).join(', ')}],`,
    `  since: ${str(decl.since)},`,
    method('size(arch)', archSwitch('arch', name, groupBy(archs, (a) => variants.layout(name, a).size).map((g) => ({ archs: g.archs, body: [`return ${g.value};`] })))),
    method('layout(arch)', archSwitch('arch', name, groupBy(archs, layoutConst).map((g) => ({ archs: g.archs, body: [`return ${g.value};`] })))),
    method('encode(value, options)', [
      'const arch = options?.arch;',
      ...archSwitch('arch', name, perVariant((v, a) => [
        '{',
        `  ${checkValue}`,
        ...countFromValue.map((l) => `  ${l}`),
        `  return encodeFresh(value, ${total(a)}, ${flex ? 'n' : '0'}, ${use('enc', v)}, ${str(name)});`,
        '}',
      ])),
    ]),
    method('encodeInto(value, target, options)', [
      'const arch = options?.arch;',
      ...archSwitch('arch', name, perVariant((v, a) => [
        '{',
        `  ${checkValue}`,
        ...countFromValue.map((l) => `  ${l}`),
        `  const size = ${total(a)};`,
        ...place('target', 'size', name).map((l) => `  ${l}`),
        // `enc` checks every value before it writes a byte: a bad one leaves the target as it was.
        `  ${use('enc', v)}(value, current.view, current.words, b${nArg});`,
        '  return size;',
        '}',
      ])),
    ]),
    method('decode(bytes, options)', [
      'const arch = options?.arch;',
      ...archSwitch('arch', name, perVariant((v, a) => [
        '{',
        ...(flex ? [`  const n = flexCount(options.count, ${str(name)});`] : []),
        ...place('bytes', total(a), name).map((l) => `  ${l}`),
        ...(v.chk.length ? [`  if (options.strict === true) ${use('chk', v)}(current.view, b${nArg});`] : []),
        `  return ${use('dec', v)}(current.view, current.words, b${nArg});`,
        '}',
      ])),
    ]),
    method('view(buffer, options)', [
      'const arch = options?.arch;',
      ...archSwitch('arch', name, perVariant((v, a) => [
        '{',
        `  const p = placeView(buffer, options.offset, ${variants.layout(name, a).size}, ${str(name)});`,
        `  return new ${use('V', v)}(dataViewOf(p.buffer, ${str(name)}), wordsOf(p.buffer), p.b, p.start, p.limit, p.end);`,
        '}',
      ])),
    ]),
    '}',
  ];
  return lines.join('\n');
}

/** Every public declaration of one record. */
export function recordDecls(variants: Variants, names: TsNames, imports: Imports, record: string): Decl[] {
  const decl = variants.decl(record);
  const id = names.record(record);
  const all = variants.all(record);
  const archs = variants.archs(record);
  imports.value(RUNTIME, 'frozen');
  imports.type(RUNTIME, 'RecordLayout');
  imports.type(RUNTIME, 'RecordCodec');
  const directed = isDirected(decl);
  if (directed) imports.value(RUNTIME, 'checkFields');
  const layouts = groupBy(archs, (a) => layoutLiteral(variants.layout(record, a), variants.members(record, a).map((m) => m.shape)));
  const layoutName = (i: number) => `${id}$layout${i}`;
  const layoutConst = (a: Arch) => layoutName(layouts.findIndex((g) => g.archs.includes(a)));
  const decls: Decl[] = [
    valueInterface(variants, names, imports, decl),
    ...(directed ? [inputInterface(variants, names, imports, decl)] : []),
    viewInterface(variants, names, imports, decl, all),
    ...(directed ? [{ kind: 'const', name: `${id}$fields`, type: 'readonly string[]', init: fieldList(acceptedFields(decl, archs)), exported: false } satisfies Decl] : []),
    ...layouts.map((g, i): Decl => ({ kind: 'const', name: layoutName(i), type: 'RecordLayout', init: g.value, exported: false })),
    {
      kind: 'const',
      name: id,
      type: `RecordCodec<${id}, ${names.view(record)}${directed ? `, ${inputName(id)}` : ''}>`,
      init: codecInit(variants, names, imports, decl, all, layoutConst),
      exported: true,
      doc: doc(
        `Sizes, layouts, encoding, decoding and zero-copy views of \`${id}\` (${decl.kind} ${record}). ${sizeLine(variants, record)}`,
        since(decl),
      ),
    },
  ];
  if (decl.typedef && decl.typedef !== decl.name) decls.push({ kind: 'reexport', names: [{ name: id, alias: names.constant(decl.typedef) }] });
  return decls;
}
