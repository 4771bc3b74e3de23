/**
 * The per-architecture view class of one record: a flyweight over `(DataView, offset)` with a
 * getter and a setter per field at a literal offset from the view's base. A view made by
 * `view()` (or by `RecordArray.at`) is a root: its base is its own `$b`, which assigning
 * `$offset` rewrites after one comparison against the window it keeps (`$s` to `$n`). A nested
 * view (a record member) is made on first use and kept, and reads its base from its root,
 * `$r.$b + $o`, so re-pointing the root moves every nested view with no work per nested view;
 * assigning a nested view's own `$offset` moves it relative to its root. Arrays are kept with
 * the base they were made for (`$k_…`) and remade when it changes. Every view of one record
 * shares the window `view()` was given: the bytes of a typed array, or the whole buffer.
 */
import type { RecordLayout } from '../../layout/engine.js';
import type { RecordDecl } from '../../model/types.js';
import { bitPlan, checkInt, badBits, newCtx, offsetExpr, readBits, readInt, wordPath, writeBits, writeInt, type CodeCtx } from './access.js';
import { str, type TsNames } from './names.js';
import { valueMembers, type Member, type RecordEnv } from './record-code.js';
import { innermost, type IntShape } from './shapes.js';

export interface Accessor {
  name: string;
  /** Getter return type. */
  type: string;
  get: string[];
  /** Setter body (parameter `x`), absent for read-only members. */
  set?: string[];
}

export interface CachedChild {
  field: string;
  type: string;
  /** Arrays and typed arrays, made for one base: kept with it in `$k_<field>` and remade when it changes. */
  keyed: boolean;
}

export interface Method {
  name: string;
  params: { name: string; type: string }[];
  returnType: string;
  body: string[];
}

/** A view class as plain data, printed by `print/class.ts`. */
export interface ViewClassPlan {
  record: string;
  size: number;
  accessors: Accessor[];
  methods: Method[];
  cached: CachedChild[];
  /** Record names whose view type the class mentions. */
  views: Set<string>;
  ctx: CodeCtx;
}

const D = 'this.$d';
/** The statement every accessor that touches the bytes starts with: the view's base `b`. */
const BASE = 'const b = this.$r.$b + this.$o;';
/** The buffer's 64-bit words when `b` is 8-byte aligned, for the `bigint` fast path. */
const WORDS = 'const w = alignedWords(this.$a, b);';

function at(offset: number): string {
  return offsetExpr('b', offset);
}

/** The base line, and the words line when a 64-bit access takes the word path. */
function base(ctx: CodeCtx, words: boolean): string[] {
  if (!words) return [BASE];
  ctx.helpers.add('alignedWords');
  return [BASE, WORDS];
}

/** A getter of a cached array or typed array made by `make` (an expression using `b`) for the current base. */
function keyedGetter(field: string, make: string): string[] {
  return [
    BASE,
    `let c = this.$c_${field};`,
    `if (c === undefined || this.$k_${field} !== b) {`,
    `  c = this.$c_${field} = ${make};`,
    `  this.$k_${field} = b;`,
    '}',
    'return c;',
  ];
}

function intAccessors(ctx: CodeCtx, m: Member, shape: IntShape, record: string, taken: Set<string>): Accessor[] {
  const path = `${record}.${m.name}`;
  const aligned = m.layout.offset % 8 === 0;
  const words = wordPath(shape, aligned);
  const main: Accessor = {
    name: m.name,
    type: shape.big ? 'bigint' : 'number',
    get: [...base(ctx, words), `return ${readInt(ctx, D, shape, at(m.layout.offset), aligned, 'w')};`],
    // Writes take the DataView: a word array over a buffer detached since would drop them silently.
    set: [checkInt(ctx, shape, 'x', path), BASE, writeInt(ctx, D, shape, at(m.layout.offset), 'x', false)],
  };
  const numberName = `${m.name}AsNumber`;
  if (!shape.big || taken.has(numberName)) return [main];
  if (shape.bits === 32) {
    const small: IntShape = { ...shape, big: false };
    return [
      main,
      {
        name: numberName,
        type: 'number',
        get: [BASE, `return ${readInt(ctx, D, small, at(m.layout.offset), false)};`],
        set: [checkInt(ctx, small, 'x', path), BASE, writeInt(ctx, D, small, at(m.layout.offset), 'x', false)],
      },
    ];
  }
  ctx.helpers.add('u64AsNumber').add('setU64FromNumber');
  return [
    main,
    {
      name: numberName,
      type: 'number',
      get: [BASE, `return u64AsNumber(${D}, ${at(m.layout.offset)}, ${shape.signed}, ${str(path)});`],
      set: [BASE, `setU64FromNumber(${D}, ${at(m.layout.offset)}, ${shape.signed}, x, ${str(path)});`],
    },
  ];
}

function bitAccessor(ctx: CodeCtx, m: Member, shape: IntShape, layout: RecordLayout, record: string): Accessor {
  const plan = bitPlan(m.layout.bitOffset!, m.layout.bitWidth!, shape.signed, layout.size);
  const fail = plan.width > 32 ? 'failBigInt' : 'failInt';
  ctx.helpers.add(fail);
  return {
    name: m.name,
    type: plan.width > 32 ? 'bigint' : 'number',
    get: [BASE, `return ${readBits(ctx, D, 'b', plan)};`],
    set: [
      `if (${badBits(plan, 'x')}) ${fail}(x, ${str(`${record}.${m.name}`)}, ${str(`${shape.ctype}:${plan.width}`)}, ${plan.width});`,
      BASE,
      writeBits(ctx, D, 'b', plan, 'x'),
    ],
  };
}

/** The view type of an integer array, and the element description `IntArray` takes. */
function intArrayOf(shape: IntShape): { type: string; element: string } {
  return {
    type: `IntArrayView<${shape.big ? 'bigint' : 'number'}>`,
    element: `{ bits: ${shape.bits}, signed: ${shape.signed}, big: ${shape.big}, ctype: ${str(shape.ctype)} }`,
  };
}

/** A new root view of `cls` at `at` (an expression) sharing this view's window. */
function rootView(cls: string, at: string): string {
  return `new ${cls}(${D}, this.$a, ${at}, this.$s, this.$n, this.$e)`;
}

/** Builds the view class of one record on one architecture. */
export function viewClass(env: RecordEnv, names: TsNames, record: RecordDecl, layout: RecordLayout, all: readonly Member[]): ViewClassPlan {
  const ctx = newCtx();
  const plan: ViewClassPlan = { record: record.name, size: layout.size, accessors: [], methods: [], cached: [], views: new Set(), ctx };
  const values = valueMembers(all);
  const taken = new Set(values.map((m) => m.name));
  for (const m of values) {
    const path = `${record.name}.${m.name}`;
    const { element, dims } = innermost(m.shape);
    const cache = `this.$c_${m.name}`;
    if (m.layout.flexibleArray) {
      plan.methods.push(flexMethod(ctx, env, names, plan, m, path));
    } else if (m.shape.kind === 'int' && m.layout.bitWidth !== undefined) {
      plan.accessors.push(bitAccessor(ctx, m, m.shape, layout, record.name));
    } else if (m.shape.kind === 'int') {
      plan.accessors.push(...intAccessors(ctx, m, m.shape, record.name, taken));
    } else if (element.kind === 'record' && dims.length === 0) {
      const cls = env.nested(element.record, 'V');
      plan.views.add(element.record);
      plan.cached.push({ field: m.name, type: cls, keyed: false });
      plan.accessors.push({
        name: m.name,
        type: names.view(element.record),
        get: [`return (${cache} ??= new ${cls}(${D}, this.$a, 0, this.$s, this.$n, this.$e, this.$r, ${offsetExpr('this.$o', m.layout.offset)}));`],
      });
    } else if (element.kind === 'record') {
      const cls = env.nested(element.record, 'V');
      const type = `RecordArrayView<${names.view(element.record)}>`;
      const length = dims.reduce((a, b) => a * b, 1);
      ctx.helpers.add('RecordArray');
      plan.views.add(element.record);
      plan.cached.push({ field: m.name, type, keyed: true });
      plan.accessors.push({
        name: m.name,
        type,
        get: keyedGetter(m.name, `new RecordArray((at) => ${rootView(cls, 'at')}, ${at(m.layout.offset)}, ${element.size}, ${length}, ${str(path)})`),
      });
    } else {
      const { type, element: described } = intArrayOf(element);
      const length = dims.reduce((a, b) => a * b, 1);
      ctx.helpers.add('IntArray');
      plan.cached.push({ field: m.name, type, keyed: true });
      plan.accessors.push({ name: m.name, type, get: keyedGetter(m.name, `new IntArray(${described}, ${D}, ${at(m.layout.offset)}, ${length}, ${str(path)})`) });
    }
  }
  return plan;
}

function flexMethod(ctx: CodeCtx, env: RecordEnv, names: TsNames, plan: ViewClassPlan, m: Member, path: string): Method {
  const { element } = innermost(m.shape);
  const stride = m.shape.kind === 'array' ? m.shape.stride : 0;
  ctx.helpers.add('flexRoom');
  const count = `flexRoom(this, ${at(m.layout.offset)}, count, ${stride}, ${str(path)})`;
  if (element.kind === 'record') {
    const cls = env.nested(element.record, 'V');
    plan.views.add(element.record);
    ctx.helpers.add('RecordArray');
    return {
      name: m.name,
      params: [{ name: 'count', type: 'number' }],
      returnType: `RecordArrayView<${names.view(element.record)}>`,
      body: [BASE, `return new RecordArray((at) => ${rootView(cls, 'at')}, ${at(m.layout.offset)}, ${stride}, ${count}, ${str(path)});`],
    };
  }
  const { type, element: described } = intArrayOf(element);
  ctx.helpers.add('IntArray');
  return {
    name: m.name,
    params: [{ name: 'count', type: 'number' }],
    returnType: type,
    body: [BASE, `return new IntArray(${described}, ${D}, ${at(m.layout.offset)}, ${count}, ${str(path)});`],
  };
}
