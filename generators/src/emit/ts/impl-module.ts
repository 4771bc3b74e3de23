/**
 * The internal file of a module (`src/internal/<namespace>/<module>.ts`, not in the package's
 * exports map): per record and distinct layout, the encode, decode and strict-check functions
 * and the view class; per dispatched op set, its encode, decode and check functions.
 */
import type { ModuleDecl } from '../../model/types.js';
import { classMember, implName, implPath, modulePath, opImplName, str, type TsNames } from './names.js';
import type { Dispatch, OpVariant } from './ops-code.js';
import type { RecordVariant, Variants } from './variants.js';
import { Imports, RUNTIME, type Decl, type Param, type TsFile } from './view-model.js';
import { isDirected } from '../../model/directions.js';
import { directedOps, inputName } from './inputs.js';

const VIEW_PARAMS: Param[] = [
  { name: 'd', type: 'DataView' },
  { name: 'w', type: 'BigUint64Array | undefined' },
  { name: 'b', type: 'number' },
];

/** Where a record's public types and internal code live. */
export function recordHome(variants: Variants, record: string): { pub: string; impl: string } {
  const decl = variants.decl(record);
  return { pub: modulePath(decl.namespace, decl.module), impl: implPath(decl.namespace, decl.module) };
}

function recordDecls(variants: Variants, names: TsNames, imports: Imports, record: string, v: RecordVariant): Decl[] {
  const id = names.record(record);
  const home = recordHome(variants, record);
  // A record embedded in another is read and checked without elements of its flexible array.
  const n: Param[] = v.flex ? [{ name: 'n', type: 'number', init: '0' }] : [];
  for (const h of v.helpers) imports.value(RUNTIME, h);
  for (const t of v.types) imports.type(RUNTIME, t);
  for (const [ident, ref] of v.refs) imports.value(recordHome(variants, ref).impl, ident);
  const valueType = imports.type(home.pub, id);
  const encType = isDirected(variants.decl(record)) ? imports.type(home.pub, inputName(id)) : valueType;
  const archs = v.archs.join(', ');
  const decls: Decl[] = [
    {
      kind: 'function',
      name: implName(id, 'enc', v.index),
      params: [{ name: 'v', type: encType }, ...VIEW_PARAMS, ...n],
      returnType: 'void',
      body: v.enc,
      doc: { text: `Writes ${record} at \`b\` on ${archs}, every byte, once every value has passed its check.`, tags: [] },
      exported: true,
    },
    {
      kind: 'function',
      name: implName(id, 'dec', v.index),
      params: [...VIEW_PARAMS, ...n],
      returnType: valueType,
      body: v.dec,
      doc: { text: `Reads ${record} at \`b\` on ${archs}.`, tags: [] },
      exported: true,
    },
  ];
  if (v.chk.length) {
    decls.push({
      kind: 'function',
      name: implName(id, 'chk', v.index),
      params: [VIEW_PARAMS[0]!, VIEW_PARAMS[2]!, ...n],
      returnType: 'void',
      body: v.chk,
      doc: { text: `Throws when padding of ${record} at \`b\` on ${archs} is not zero.`, tags: [] },
      exported: true,
    });
  }
  decls.push(viewClassDecl(variants, names, imports, record, v));
  return decls;
}

function viewClassDecl(variants: Variants, names: TsNames, imports: Imports, record: string, v: RecordVariant): Decl {
  const plan = v.view;
  const id = names.record(record);
  const name = implName(id, 'V', v.index);
  for (const r of plan.views) imports.type(recordHome(variants, r).pub, names.view(r));
  const types = [...plan.accessors.map((a) => a.type), ...plan.methods.map((m) => m.returnType)];
  for (const t of ['RecordArrayView', 'IntArrayView']) if (types.some((x) => x.startsWith(t))) imports.type(RUNTIME, t);
  imports.value(RUNTIME, 'checkRepoint');
  return {
    kind: 'class',
    name,
    implements: imports.type(recordHome(variants, record).pub, names.view(record)),
    doc: { text: `The view of ${record} on ${v.archs.join(', ')}.`, tags: [] },
    // Declared, not defined: an ES2022 class field is created as `undefined` before the
    // constructor runs, so V8 would keep `$b` and `$o` as tagged values instead of small
    // integers, and every getter would pay for it (twice the time of a re-point and a read).
    props: [
      { name: '$d', type: 'DataView', readonly: true, declare: true },
      { name: '$a', type: 'BigUint64Array | undefined', readonly: true, declare: true },
      { name: '$s', type: 'number', readonly: true, declare: true },
      { name: '$n', type: 'number', readonly: true, declare: true },
      { name: '$e', type: 'number', readonly: true, declare: true },
      { name: '$r', type: '{ $b: number }', readonly: true, declare: true },
      { name: '$b', type: 'number', declare: true },
      { name: '$o', type: 'number', declare: true },
      ...plan.cached.flatMap((c) => [
        { name: `$c_${c.field}`, type: `${c.type} | undefined`, init: 'undefined' },
        ...(c.keyed ? [{ name: `$k_${c.field}`, type: 'number', init: '-1' }] : []),
      ]),
    ],
    ctor: {
      params: [
        { name: 'd', type: 'DataView' },
        { name: 'a', type: 'BigUint64Array | undefined' },
        { name: 'b', type: 'number' },
        { name: 's', type: 'number' },
        { name: 'n', type: 'number' },
        { name: 'e', type: 'number' },
        { name: 'r', type: '{ $b: number }', optional: true },
        { name: 'o', type: 'number', optional: true },
      ],
      body: [
        'this.$d = d;',
        'this.$a = a;',
        'this.$s = s;',
        'this.$n = n;',
        'this.$e = e;',
        'this.$r = r ?? this;',
        'this.$b = b;',
        'this.$o = o ?? 0;',
      ],
    },
    accessors: [
      { name: '$buffer', type: 'ArrayBufferLike', get: ['return this.$d.buffer;'] },
      {
        name: '$offset',
        type: 'number',
        get: ['return this.$r.$b + this.$o;'],
        set: [
          `const b = typeof x === 'number' && (x >>> 0) === x && x >= this.$s && x + ${plan.size} <= this.$n ? x : checkRepoint(this.$d, x, ${plan.size}, this.$s, this.$e, ${str(record)});`,
          'if (this.$r === this) this.$b = b;',
          'else this.$o = b - this.$r.$b;',
        ],
      },
      ...plan.accessors.map((a) => ({ ...a, name: classMember(a.name) })),
    ],
    methods: plan.methods.map((m) => ({ ...m, name: classMember(m.name) })),
  };
}

function opDecls(imports: Imports, variants: Variants, plan: Dispatch, v: OpVariant): Decl[] {
  for (const h of v.helpers) imports.value(RUNTIME, h);
  for (const t of v.types) imports.type(RUNTIME, t);
  for (const [ident, ref] of v.refs) imports.value(recordHome(variants, ref).impl, ident);
  const type = imports.type(modulePath(plan.set.namespace, plan.set.module), plan.base);
  const inputType = directedOps(variants, plan) ? imports.type(modulePath(plan.set.namespace, plan.set.module), inputName(plan.base)) : type;
  const archs = v.archs.join(', ');
  const decls: Decl[] = [
    {
      kind: 'function',
      name: opImplName(plan.base, 'enc', v.index),
      params: [{ name: 'v', type: inputType }, ...VIEW_PARAMS],
      returnType: 'void',
      body: v.enc,
      doc: { text: `Writes a ${plan.set.name} op as ${plan.record} at \`b\` on ${archs}; the bytes are zero on entry.`, tags: [] },
      exported: true,
    },
    {
      kind: 'function',
      name: opImplName(plan.base, 'dec', v.index),
      params: VIEW_PARAMS,
      returnType: type,
      body: v.dec,
      doc: { text: `Reads a ${plan.set.name} op from ${plan.record} at \`b\` on ${archs}.`, tags: [] },
      exported: true,
    },
  ];
  if (v.chk.length) {
    decls.push({
      kind: 'function',
      name: opImplName(plan.base, 'chk', v.index),
      params: [VIEW_PARAMS[0]!, VIEW_PARAMS[2]!],
      returnType: 'void',
      body: v.chk,
      doc: { text: `Throws when padding of the ${plan.set.name} op at \`b\` on ${archs} is not zero.`, tags: [] },
      exported: true,
    });
  }
  return decls;
}

/** The records of a module in declaration order, each followed by the records declared inline in it. */
export function moduleRecords(variants: Variants, module: ModuleDecl): string[] {
  const records = variants.model.records.filter((r) => r.module === module.name && r.namespace === module.namespace);
  const inline = (parent: string): string[] => records.filter((r) => r.parent === parent).flatMap((r) => [r.name, ...inline(r.name)]);
  const top = module.order.filter((n) => records.some((r) => r.name === n && !r.parent));
  return top.flatMap((n) => [n, ...inline(n)]);
}

/** The internal file of `module`. */
export function implFile(
  variants: Variants,
  names: TsNames,
  module: ModuleDecl,
  dispatches: { plan: Dispatch; variants: OpVariant[] }[],
): TsFile {
  const path = implPath(module.namespace, module.name);
  const imports = new Imports(path);
  const decls: Decl[] = [];
  for (const record of moduleRecords(variants, module)) {
    for (const v of variants.all(record)) decls.push(...recordDecls(variants, names, imports, record, v));
  }
  for (const d of dispatches) for (const v of d.variants) decls.push(...opDecls(imports, variants, d.plan, v));
  return {
    path,
    sources: [module.loc.file],
    header: `Per-architecture code of ${module.namespace}/${module.name}: internal, not part of the package's API.`,
    imports: imports.lines(),
    decls,
  };
}

