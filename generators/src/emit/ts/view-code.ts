/**
 * The per-architecture view class of one record: a flyweight over `(DataView, offset)` with a
 * getter and a setter per field at a literal offset. Nested records, arrays and typed-array
 * subviews are made on first use and kept, so getters do not allocate after that; assigning
 * `$offset` re-points the view and its nested views.
 */
import type { RecordLayout } from '../../layout/engine.js';
import type { RecordDecl } from '../../model/types.js';
import { bitPlan, checkInt, badBits, newCtx, offsetExpr, readBits, readInt, writeBits, writeInt, type CodeCtx } from './access.js';
import { str, type TsNames } from './names.js';
import { valueMembers, type Member, type RecordEnv } from './record-code.js';
import { innermost, typedArrayKind, TYPED_ARRAY_NAMES, type IntShape } from './shapes.js';

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
}

export interface Method {
  name: string;
  params: { name: string; type: string }[];
  returnType: string;
  body: string[];
}

/** A view class as plain data, turned into a ts-morph class structure by `structures.ts`. */
export interface ViewClassPlan {
  record: string;
  size: number;
  accessors: Accessor[];
  methods: Method[];
  cached: CachedChild[];
  /** `$offset` setter statements after the new offset `b` is checked. */
  repoint: string[];
  /** Record names whose view type the class mentions. */
  views: Set<string>;
  ctx: CodeCtx;
}

const D = 'this.$d';
const W = 'this.$w';

function at(offset: number): string {
  return offsetExpr('this.$b', offset);
}

function intAccessors(ctx: CodeCtx, m: Member, shape: IntShape, record: string, taken: Set<string>): Accessor[] {
  const path = `${record}.${m.name}`;
  const aligned = m.layout.offset % 8 === 0;
  const main: Accessor = {
    name: m.name,
    type: shape.big ? 'bigint' : 'number',
    get: [`return ${readInt(ctx, D, shape, at(m.layout.offset), aligned, W)};`],
    set: [checkInt(ctx, shape, 'x', path), writeInt(ctx, D, shape, at(m.layout.offset), 'x', aligned, W)],
  };
  const numberName = `${m.name}AsNumber`;
  if (!shape.big || taken.has(numberName)) return [main];
  if (shape.bits === 32) {
    const small: IntShape = { ...shape, big: false };
    return [main, { name: numberName, type: 'number', get: [`return ${readInt(ctx, D, small, at(m.layout.offset), false)};`], set: [checkInt(ctx, small, 'x', path), writeInt(ctx, D, small, at(m.layout.offset), 'x', false)] }];
  }
  ctx.helpers.add('u64AsNumber').add('setU64FromNumber');
  return [
    main,
    {
      name: numberName,
      type: 'number',
      get: [`return u64AsNumber(${D}, ${at(m.layout.offset)}, ${shape.signed}, ${str(path)});`],
      set: [`setU64FromNumber(${D}, ${at(m.layout.offset)}, ${shape.signed}, x, ${str(path)});`],
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
    get: [`return ${readBits(ctx, D, 'this.$b', plan)};`],
    set: [
      `if (${badBits(plan, 'x')}) ${fail}(x, ${str(`${record}.${m.name}`)}, ${str(`${shape.ctype}:${plan.width}`)}, ${plan.width});`,
      writeBits(ctx, D, 'this.$b', plan, 'x'),
    ],
  };
}

/** The typed-array type a scalar array is viewed as on this architecture. */
function typedArrayOf(shape: IntShape): { kind: string; type: string } {
  const kind = typedArrayKind(shape);
  return { kind, type: TYPED_ARRAY_NAMES[kind]! };
}

/** Builds the view class of one record on one architecture. */
export function viewClass(env: RecordEnv, names: TsNames, record: RecordDecl, layout: RecordLayout, all: readonly Member[]): ViewClassPlan {
  const ctx = newCtx();
  const plan: ViewClassPlan = { record: record.name, size: layout.size, accessors: [], methods: [], cached: [], repoint: [], views: new Set(), ctx };
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
      plan.cached.push({ field: m.name, type: cls });
      plan.accessors.push({ name: m.name, type: names.view(element.record), get: [`return (${cache} ??= new ${cls}(${D}, this.$a, ${at(m.layout.offset)}));`] });
      plan.repoint.push(`if (${cache} !== undefined) ${cache}.$offset = ${offsetExpr('b', m.layout.offset)};`);
    } else if (element.kind === 'record') {
      const cls = env.nested(element.record, 'V');
      const type = `RecordArrayView<${names.view(element.record)}>`;
      const length = dims.reduce((a, b) => a * b, 1);
      ctx.helpers.add('RecordArray');
      plan.views.add(element.record);
      plan.cached.push({ field: m.name, type });
      plan.accessors.push({
        name: m.name,
        type,
        get: [`return (${cache} ??= new RecordArray((at) => new ${cls}(${D}, this.$a, at), ${at(m.layout.offset)}, ${element.size}, ${length}, ${str(path)}));`],
      });
      plan.repoint.push(`${cache} = undefined;`);
    } else {
      const { kind, type } = typedArrayOf(element);
      const length = dims.reduce((a, b) => a * b, 1);
      ctx.helpers.add('typedArray');
      plan.cached.push({ field: m.name, type });
      plan.accessors.push({ name: m.name, type, get: [`return (${cache} ??= typedArray(${str(kind)}, ${D}, ${at(m.layout.offset)}, ${length}, ${str(path)}));`] });
      plan.repoint.push(`${cache} = undefined;`);
    }
  }
  return plan;
}

function flexMethod(ctx: CodeCtx, env: RecordEnv, names: TsNames, plan: ViewClassPlan, m: Member, path: string): Method {
  const { element } = innermost(m.shape);
  const stride = m.shape.kind === 'array' ? m.shape.stride : 0;
  ctx.helpers.add('flexRoom');
  const count = `flexRoom(${D}, ${at(m.layout.offset)}, count, ${stride}, ${str(path)})`;
  if (element.kind === 'record') {
    const cls = env.nested(element.record, 'V');
    plan.views.add(element.record);
    ctx.helpers.add('RecordArray');
    return {
      name: m.name,
      params: [{ name: 'count', type: 'number' }],
      returnType: `RecordArrayView<${names.view(element.record)}>`,
      body: [`return new RecordArray((at) => new ${cls}(${D}, this.$a, at), ${at(m.layout.offset)}, ${stride}, ${count}, ${str(path)});`],
    };
  }
  const { kind, type } = typedArrayOf(element);
  ctx.helpers.add('typedArray');
  return {
    name: m.name,
    params: [{ name: 'count', type: 'number' }],
    returnType: type,
    body: [`return typedArray(${str(kind)}, ${D}, ${at(m.layout.offset)}, ${count}, ${str(path)});`],
  };
}
