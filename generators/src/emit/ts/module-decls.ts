/**
 * The public file of a module (`src/<namespace>/<module>.ts`): constants as `as const`
 * values with literal types, sets as `as const` objects, typedefs as type aliases, records
 * (see `record-decls.ts`) and op sets as discriminated codecs, in the module's order.
 */
import { ringDecls } from './rings.js';
import { ARCHES } from '../../model/arch.js';
import type { AliasDecl, ConstantDecl, ConstantSetDecl, ModuleDecl } from '../../model/types.js';
import { moduleRecords, recordHome } from './impl-module.js';
import { implPath, intLiteral, modulePath, opImplName, opName, opSetBase, propKey, str, tsdoc, type TsNames } from './names.js';
import { nestsPayload, payloadRecord, type Dispatch, type OpVariant } from './ops-code.js';
import { caseGroup, place, recordDecls, useType } from './record-decls.js';
import { tsType } from './shapes.js';
import type { Variants } from './variants.js';
import { Imports, RUNTIME, doc, type Decl, type TsFile } from './view-model.js';
import { isDirected } from '../../model/directions.js';
import { aliasSpellings, isPerArchAlias, spellingArchs } from '../../model/aliases.js';
import { macroDecl } from './macros.js';
import { acceptedFields, directedOps, fieldList, inputName } from './inputs.js';
import { aliasBrand, setBrand } from './brands.js';

/** `@since 4.9` (a Xen release), or `@since Linux 4.11` for Linux's interface. */
function tags(item: { since?: string; linuxSince?: string }): { tag: string; text: string }[] {
  if (item.linuxSince) return [{ tag: 'since', text: `Linux ${item.linuxSince}` }];
  return item.since ? [{ tag: 'since', text: item.since }] : [];
}

function archNote(item: { archs?: readonly string[] }): string {
  return item.archs ? `Only on ${item.archs.join(', ')}.` : '';
}

function constantDecl(names: TsNames, imports: Imports, c: ConstantDecl, brand?: string): Decl {
  if (brand) imports.type(RUNTIME, brand);
  const plain = constantLiteral(c);
  const literal = brand ? (value: string) => `${plain(value)} as ${brand}` : plain;
  const text = [tsdoc(c.doc), archNote(c)].filter(Boolean).join('\n\n');
  if (c.values) {
    const entries = ARCHES.filter((a) => c.values![a] !== undefined).map((a) => `${a}: ${literal(c.values![a]!)}`);
    return { kind: 'const', name: names.constant(c.name), init: `{ ${entries.join(', ')} } as const`, exported: true, doc: doc(`${text}\n\nThe value differs per architecture.`.trim(), tags(c)) };
  }
  return { kind: 'const', name: names.constant(c.name), init: literal(c.value), exported: true, doc: doc(text, tags(c)) };
}

/** How a constant's values are written: a string constant as a string, an integer as a number (or a bigint). */
function constantLiteral(c: ConstantDecl): (value: string) => string {
  if (c.cType === 'string') return str;
  const hex = c.spelling !== 'dec';
  return (value) => intLiteral(value, hex);
}

function setDecls(names: TsNames, model: Variants['model'], s: ConstantSetDecl): Decl[] {
  const members = s.kind === 'flags' ? (s.flags ?? []).map((f) => f.mask) : s.kind === 'values' ? (s.values ?? []) : (s.ops ?? []).map((o) => o.constant);
  const id = names.set(s.name);
  const where = s.field ? ` The values of \`${s.field}\`.` : '';
  const decls: Decl[] = [
    {
      kind: 'const',
      name: id,
      init: `{${members.length ? ` ${members.map((m) => names.constant(m)).join(', ')} ` : ''}} as const`,
      exported: true,
      doc: doc([`${tsdoc(s.doc)}${where}`.trim(), archNote(s as { archs?: string[] })].filter(Boolean).join('\n\n'), tags(s)),
    },
  ];
  const perArch = members.some((m) => model.constants.find((c) => c.name === m)?.values);
  if (s.kind !== 'flags' && !perArch && members.length) {
    decls.push({ kind: 'type', name: id, type: `(typeof ${id})[keyof typeof ${id}]`, doc: doc(`One of the values of \`${id}\`.`, tags(s)) });
  }
  return decls;
}

/**
 * A typedef: a type alias. One spelled per architecture is the union of its spellings' types,
 * which code for one architecture narrows; its doc gives each spelling's. A branded typedef
 * (`domid_t`) is its brand.
 */
function aliasDecl(variants: Variants, names: TsNames, imports: Imports, spellings: readonly AliasDecl[]): Decl {
  const first = spellings[0]!;
  const brand = aliasBrand(first.name);
  if (brand) imports.type(RUNTIME, brand);
  else for (const a of spellings) useType(a.type, variants, names, imports);
  const type = brand ?? [...new Set(spellings.map((a) => tsType(a.type, names)))].join(' | ');
  if (!isPerArchAlias(spellings)) return { kind: 'type', name: names.alias(first.name), type, doc: doc([tsdoc(first.doc), archNote(first)].filter(Boolean).join('\n\n'), tags(first)) };
  const each = spellings.map((a) => `On ${spellingArchs(a).join(', ')}: ${tsType(a.type, names)}${a.doc ? `. ${tsdoc(a.doc)}` : ''}`);
  return { kind: 'type', name: names.alias(first.name), type, doc: doc(['The type differs per architecture.', ...each].join('\n\n'), tags(first)) };
}

/** The union type of an op set's variants: `({ op: 'name' } & payload)`, or `{ op: 'name'; arg: payload }` when nested. */
function variantUnion(ops: { name: string; record?: string }[], names: TsNames, nested: boolean, extra = '', recordType = (r: string) => names.record(r)): string {
  if (!ops.length) return 'never';
  const payload = (o: { record?: string }) => {
    if (!o.record) return '';
    return nested ? `; arg: ${recordType(o.record)} }` : ` } & ${recordType(o.record)}`;
  };
  return ops
    .map((o) => {
      const body = payload(o);
      const head = `{ op: ${str(o.name)}`;
      return `\n  | (${head}${body || ' }'}${extra})`;
    })
    .join('');
}

function opInfo(s: ConstantSetDecl, ops: { name: string; constant: string; record?: string }[], nested: boolean): string {
  const members = new Map((s.ops ?? []).map((o) => [opName(s, o.constant, o.member), o.member]));
  const dispatch = s.dispatch?.payloadField
    ? `{ record: ${str(s.dispatch.record)}, opField: ${str(s.dispatch.opField)}, payloadField: ${str(s.dispatch.payloadField)} }`
    : 'undefined';
  const lines = ops.map((o) => {
    const parts = [`number: ${o.constant}`, `record: ${o.record ? str(o.record) : 'undefined'}`, `member: ${members.get(o.name) ? str(members.get(o.name)!) : 'undefined'}`];
    return `    ${propKey(o.name)}: { ${parts.join(', ')} },`;
  });
  return [`{`, `  set: ${str(s.name)},`, `  dispatch: ${dispatch},`, `  nested: ${nested},`, `  ops: {`, ...lines, `  },`, `} as const`].join('\n');
}

/** `XNumber`, `XName`, `XInfo` and the argument-record form of an op set. */
function opSetDecls(variants: Variants, names: TsNames, imports: Imports, s: ConstantSetDecl): Decl[] {
  const base = opSetBase(s.name);
  const ops = (s.ops ?? []).map((o) => ({ name: opName(s, o.constant, o.member), constant: names.constant(o.constant), record: payloadRecord(s, o, variants) }));
  for (const o of ops) if (o.record) imports.value(recordHome(variants, o.record).pub, names.record(o.record));
  for (const h of ['failObject', 'failOp', 'failOpName', 'checkArch']) imports.value(RUNTIME, h);
  imports.type(RUNTIME, 'ArchOptions');
  imports.type(RUNTIME, 'OpDecodeOptions');
  const arg = s.dispatch?.payloadField ? `${base}Arg` : base;
  const argDoc = s.dispatch?.payloadField
    ? `A ${s.name} op with its argument record alone, as the hypercall takes it when the op number is passed separately.`
    : `A ${s.name} op with its argument record: the hypercall takes the op number separately (see \`${base}Number\`).`;
  const nested = nestsPayload(s, variants);
  const directed = directedOps(variants, { set: s, nested });
  if (directed) imports.value(RUNTIME, 'checkFields');
  imports.type(RUNTIME, 'EncodeOptions');
  const encodeCases = ops.flatMap((o) => [
    `  case ${str(o.name)}:`,
    ...(directed ? [`    checkFields(value, ${arg}$fields.${o.name}, ${str(`${s.name} ${o.name}`)}, options.loose);`] : []),
    o.record
      ? `    return ${names.record(o.record)}.encode(value${nested ? '.arg' : ''}, ${directed ? '{ arch: options?.arch, loose: true }' : 'options'});`
      : `    checkArch(options, ${str(s.name)});\n    return new Uint8Array(0);`,
  ]);
  const inputType = (r: string) => (isDirected(variants.decl(r)) ? inputName(names.record(r)) : names.record(r));
  const fieldsOf = (o: { record?: string }, extra: readonly string[]) => fieldList(['op', ...extra, ...(o.record ? acceptedFields(variants.decl(o.record), variants.archs(o.record)) : [])]);
  const inputDecls: Decl[] = directed
    ? [
        { kind: 'type', name: inputName(arg), type: variantUnion(ops, names, nested, '', inputType), doc: doc(`What \`encode${arg}\` takes: as \`${arg}\`, but a directed payload's outputs may be left out (they encode as zero).`, tags(s)) },
        { kind: 'const', name: `${arg}$fields`, init: `{ ${ops.map((o) => `${propKey(o.name)}: ${fieldsOf(o, [])}`).join(', ')} } as const`, exported: false },
      ]
    : [];
  const decodeCases = ops.flatMap((o) => [
    `  case ${o.constant}:`,
    o.record
      ? nested
        ? `    return { op: ${str(o.name)}, arg: ${names.record(o.record)}.decode(bytes, options) };`
        : `    return { op: ${str(o.name)}, ...${names.record(o.record)}.decode(bytes, options) };`
      : `    checkArch(options, ${str(s.name)});\n    return { op: ${str(o.name)} };`,
  ]);
  return [
    {
      kind: 'const',
      name: `${base}Number`,
      init: `{${ops.length ? ` ${ops.map((o) => `${propKey(o.name)}: ${o.constant}`).join(', ')} ` : ''}} as const`,
      exported: true,
      doc: doc(`The number of each ${s.name} op, by the name its \`op\` discriminant uses.`, tags(s)),
    },
    { kind: 'type', name: `${base}Name`, type: `keyof typeof ${base}Number`, doc: doc(`The name of a ${s.name} op.`, tags(s)) },
    {
      kind: 'const',
      name: `${base}Info`,
      init: opInfo(s, ops, nested),
      exported: true,
      doc: doc(`What ${s.name} is made of, as data: the dispatch record if the ops travel in one, and per op its number, argument record and payload member.`, tags(s)),
    },
    { kind: 'type', name: arg, type: variantUnion(ops, names, nested), doc: doc(nested ? `${argDoc} Payloads sit under \`arg\`, because one of them has a member named \`op\`.` : argDoc, tags(s)) },
    ...inputDecls,
    {
      kind: 'function',
      name: `encode${arg}`,
      params: [
        { name: 'value', type: directed ? inputName(arg) : arg },
        { name: 'options', type: 'EncodeOptions' },
      ],
      returnType: 'Uint8Array',
      body: [
        `if (typeof value !== 'object' || value === null) failObject(value, ${str(s.name)});`,
        'switch (value.op) {',
        ...encodeCases,
        '  default:',
        `    return failOpName(${str(s.name)}, (value as { op: unknown }).op);`,
        '}',
      ],
      exported: true,
      doc: doc(`Encodes the argument record of the ${s.name} op that \`value.op\` names; an op without one encodes to no bytes.${directed ? ' A field the op does not have is a `TypeError` naming it, unless `options.loose` is set.' : ''}`, tags(s)),
    },
    {
      kind: 'function',
      name: `decode${arg}`,
      params: [
        { name: 'bytes', type: 'Uint8Array' },
        { name: 'options', type: 'OpDecodeOptions' },
      ],
      returnType: arg,
      body: ['const op = options?.op;', 'switch (op) {', ...decodeCases, '  default:', `    return failOp(${str(s.name)}, 'options.op', op);`, '}'],
      exported: true,
      doc: doc(`Decodes the argument record of the ${s.name} op numbered \`options.op\`; an unknown number is a \`RangeError\`.`, tags(s)),
    },
  ];
}

/** The dispatched form: `X`, `encodeX`, `decodeX` through the dispatch record. */
function dispatchDecls(variants: Variants, names: TsNames, imports: Imports, plan: Dispatch, ovs: OpVariant[]): Decl[] {
  const s = plan.set;
  const impl = implPath(s.namespace, s.module);
  const common = plan.common.length ? ` & Pick<${names.record(plan.record)}, ${plan.common.map(str).join(' | ')}>` : '';
  if (plan.common.length) imports.type(recordHome(variants, plan.record).pub, names.record(plan.record));
  for (const h of ['failArch', 'placeBytes', 'current', 'useBytes', 'encodeFresh', 'failObject']) imports.value(RUNTIME, h);
  imports.type(RUNTIME, 'DecodeOptions');
  const use = (part: 'enc' | 'dec' | 'chk', v: OpVariant) => imports.value(impl, opImplName(plan.base, part, v.index));
  const directed = directedOps(variants, plan);
  imports.type(RUNTIME, 'EncodeOptions');
  if (directed) imports.value(RUNTIME, 'checkFields');
  const inputType = (r: string) => (isDirected(variants.decl(r)) ? inputName(names.record(r)) : names.record(r));
  const fieldsName = `${plan.base}$fields`;
  const fields = (o: { record?: string }) => fieldList(['op', ...plan.common, ...(o.record ? acceptedFields(variants.decl(o.record), variants.archs(o.record)) : [])]);
  const inputDecls: Decl[] = directed
    ? [
        { kind: 'type', name: inputName(plan.base), type: variantUnion(plan.ops, names, plan.nested, common, inputType), doc: doc(`What \`encode${plan.base}\` takes: as \`${plan.base}\`, but a directed payload's outputs may be left out (they encode as zero).`, tags(s)) },
        { kind: 'const', name: fieldsName, type: 'Readonly<Record<string, readonly string[]>>', init: `{ ${plan.ops.map((o) => `${propKey(o.name)}: ${fields(o)}`).join(', ')} }`, exported: false },
      ]
    : [];
  const checkOpFields = directed
    ? [`  if (Object.prototype.hasOwnProperty.call(${fieldsName}, value.op)) checkFields(value, ${fieldsName}[value.op]!, ${str(s.name)}, options.loose);`]
    : [];
  const sw = (body: (v: OpVariant) => string[]) => [
    'const arch = options?.arch;',
    'switch (arch) {',
    ...ovs.flatMap((v) => caseGroup(v.archs, body(v))),
    '  default:',
    `    return failArch(${str(s.name)}, arch);`,
    '}',
  ];
  return [
    {
      kind: 'type',
      name: plan.base,
      type: variantUnion(plan.ops, names, plan.nested, common),
      doc: doc(`A ${s.name} op as it travels in \`${plan.record}\`: \`op\` names the op and selects the member of \`${plan.record}.${plan.payloadField}\` whose fields sit beside it.`, tags(s)),
    },
    ...inputDecls,
    {
      kind: 'function',
      name: `encode${plan.base}`,
      params: [
        { name: 'value', type: directed ? inputName(plan.base) : plan.base },
        { name: 'options', type: 'EncodeOptions' },
      ],
      returnType: 'Uint8Array',
      body: sw((v) => [
        '{',
        `  if (typeof value !== 'object' || value === null) failObject(value, ${str(s.name)});`,
        ...checkOpFields,
        `  return encodeFresh(value, ${v.size}, 0, ${use('enc', v)}, ${str(s.name)});`,
        '}',
      ]),
      exported: true,
      doc: doc(`Encodes a whole \`${plan.record}\`: the number of the op \`value.op\` names, and its payload in \`${plan.payloadField}\`. Padding is zero.${directed ? ' The payload\'s outputs may be left out (zero); a field the op does not have is a `TypeError` naming it, unless `options.loose` is set.' : ''}`, tags(s)),
    },
    {
      kind: 'function',
      name: `decode${plan.base}`,
      params: [
        { name: 'bytes', type: 'Uint8Array' },
        { name: 'options', type: 'DecodeOptions' },
      ],
      returnType: plan.base,
      body: sw((v) => [
        '{',
        ...place('bytes', String(v.size), s.name).map((l) => `  ${l}`),
        ...(v.chk.length ? [`  if (options.strict === true) ${use('chk', v)}(current.view, b);`] : []),
        `  return ${use('dec', v)}(current.view, current.words, b);`,
        '}',
      ]),
      exported: true,
      doc: doc(`Decodes a \`${plan.record}\`: reads \`${plan.opField}\` and returns the variant it names; an unknown op number is a \`RangeError\` naming it.`, tags(s)),
    },
  ];
}

/** The public file of `module`. */
export function publicFile(variants: Variants, names: TsNames, module: ModuleDecl, dispatches: Map<string, { plan: Dispatch; variants: OpVariant[] }>): TsFile {
  const path = modulePath(module.namespace, module.name);
  const imports = new Imports(path);
  const model = variants.model;
  const mine = <T extends { module: string; namespace: string }>(items: T[]) => items.filter((i) => i.module === module.name && i.namespace === module.namespace);
  const constants = new Map(mine(model.constants).map((c) => [c.name, c]));
  const sets = new Map(mine(model.sets).map((s) => [s.name, s]));
  const aliases = aliasSpellings(mine(model.aliases));
  const records = moduleRecords(variants, module);
  const decls: Decl[] = [];
  /** A constant of a branded value set (`DOMID_SELF`) is that brand, wherever the set is declared. */
  const brandOf = (constant: string) => {
    const set = model.sets.find((s) => s.kind === 'values' && setBrand(s.name) && s.values?.includes(constant));
    return set ? setBrand(set.name) : undefined;
  };
  for (const item of module.order) {
    const c = constants.get(item);
    const s = sets.get(item);
    const a = aliases.get(item);
    if (c) decls.push(constantDecl(names, imports, c, brandOf(c.name)));
    if (a) decls.push(aliasDecl(variants, names, imports, a));
    // The order names a typedef spelled per architecture once per spelling.
    aliases.delete(item);
    if (s) {
      decls.push(...setDecls(names, model, s));
      if (s.kind === 'ops') decls.push(...opSetDecls(variants, names, imports, s));
      const d = dispatches.get(s.name);
      if (d) decls.push(...dispatchDecls(variants, names, imports, d.plan, d.variants));
    }
    if (records.includes(item)) {
      const inline = (parent: string): string[] => records.filter((r) => variants.decl(r).parent === parent).flatMap((r) => [r, ...inline(r)]);
      for (const r of [item, ...inline(item)]) decls.push(...recordDecls(variants, names, imports, r));
      decls.push(...ringDecls(variants, names, imports, item));
    }
  }
  for (const m of mine(model.macros ?? [])) decls.push(macroDecl(names, m));
  const header = [
    `${module.namespace}/${module.name}: ${module.doc ?? ''}`.trim(),
    module.namespace === 'linux' ? `Mirrors Linux's <${module.xenHeader}>; Xen releases do not change it.` : `Mirrors Xen's public/${module.xenHeader}.`,
    module.interfaceVersion ? `Unstable: valid for exactly one Xen release, versioned by ${module.interfaceVersion.constant}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { path, sources: [module.loc.file], header, imports: imports.lines(), decls };
}
