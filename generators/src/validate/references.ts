/**
 * Every reference from one item to another, with where it is written and where (in which
 * releases and on which arches) it needs its target. Three passes read this list: targets
 * must exist (`unknown-reference`), exist wherever they are needed (`reference-lifetime`),
 * and be stable when the referrer is (`stable-reference`).
 */
import type { AbiModel, Namespace, SourceLocation, TypeRef } from '../model/types.js';
import { EMPTY, type ModelIndex, type Scope, type Scopes, scopesOf } from './scope.js';

export type TargetKind = 'record' | 'alias' | 'constant';

export interface Reference {
  /** The referrer's item path: `record.field`, a typedef, a set, a constant. */
  item: string;
  loc: SourceLocation;
  namespace: Namespace;
  /** Where the referrer needs the target. */
  scope: Scope;
  target: { kind: TargetKind; name: string };
  /** How the referrer uses the target, for messages. @example "the type of" */
  role: string;
}

const memo = new WeakMap<AbiModel, Reference[]>();

/** Every reference in the model, collected once per model. */
export function referencesOf(model: AbiModel): Reference[] {
  let refs = memo.get(model);
  if (!refs) {
    const scopes = scopesOf(model);
    refs = collectReferences(model, scopes.index, scopes);
    memo.set(model, refs);
  }
  return refs;
}

/** Every reference in the model. Guest handle targets count only when they name a declared item. */
export function collectReferences(model: AbiModel, index: ModelIndex, scopes: Scopes): Reference[] {
  const refs: Reference[] = [];
  for (const r of model.records) {
    for (const f of r.fields) {
      const item = f.name ? `${r.name}.${f.name}` : r.name;
      const scope = scopes.field(r, f);
      for (const target of typeTargets(f.type, index)) refs.push({ item, loc: f.loc, namespace: r.namespace, scope, ...target });
      for (const target of f.legacyType ? typeTargets(f.legacyType.type, index) : []) {
        refs.push({ item, loc: f.loc, namespace: r.namespace, scope, target: target.target, role: `for older guests, ${target.role}` });
      }
    }
  }
  for (const a of model.aliases) {
    const scope = scopes.item(a);
    for (const target of typeTargets(a.type, index)) refs.push({ item: a.name, loc: a.loc, namespace: a.namespace, scope, ...target });
  }
  for (const c of model.constants) {
    if (c.bitConstant) {
      refs.push({ item: c.name, loc: c.loc, namespace: c.namespace, scope: scopes.item(c), target: { kind: 'constant', name: c.bitConstant }, role: 'the bit number of' });
    }
    for (const target of c.ioctl?.argument ? typeTargets(c.ioctl.argument, index) : []) {
      refs.push({ item: c.name, loc: c.loc, namespace: c.namespace, scope: scopes.item(c), target: target.target, role: 'the ioctl argument of' });
    }
  }
  for (const s of model.sets) {
    const base = { item: s.name, loc: s.loc, namespace: s.namespace };
    const scope = scopes.item(s);
    const fieldRecord = s.field?.includes('.') ? s.field.slice(0, s.field.lastIndexOf('.')) : undefined;
    if (fieldRecord) refs.push({ ...base, scope, target: { kind: 'record', name: fieldRecord }, role: 'the field holding' });
    if (s.dispatch) refs.push({ ...base, scope, target: { kind: 'record', name: s.dispatch.record }, role: 'the dispatch record of' });
    for (const f of s.flags ?? []) {
      refs.push({ ...base, scope: EMPTY, target: { kind: 'constant', name: f.mask }, role: 'a flag of' });
      if (f.bitConstant) refs.push({ ...base, scope: EMPTY, target: { kind: 'constant', name: f.bitConstant }, role: 'a flag bit of' });
    }
    for (const v of s.values ?? []) refs.push({ ...base, scope: EMPTY, target: { kind: 'constant', name: v }, role: 'a value of' });
    for (const o of s.ops ?? []) {
      refs.push({ ...base, scope: EMPTY, target: { kind: 'constant', name: o.constant }, role: 'an op of' });
      const constant = index.constants.get(o.constant);
      const opScope = constant ? scopes.item(constant) & payloadMemberScope(s, o.member, scopes) : EMPTY;
      if (o.record) refs.push({ ...base, item: `${s.name}.${o.constant}`, scope: opScope, target: { kind: 'record', name: o.record }, role: 'the payload of' });
    }
  }
  return refs;
}

/**
 * Where a dispatched op's payload member exists: an op number Xen defines on every arch may
 * carry its payload in a union member of some arches only (domctl's x86 `cpu_policy`), and
 * needs the payload record only there. Everywhere when the op names no member of a dispatch union.
 */
function payloadMemberScope(s: AbiModel['sets'][number], member: string | undefined, scopes: Scopes): Scope {
  const ALL = ~EMPTY;
  const dispatcher = s.dispatch?.payloadField && member ? scopes.index.records.get(s.dispatch.record) : undefined;
  const payloadField = dispatcher?.fields.find((f) => f.name === s.dispatch?.payloadField);
  const union = payloadField?.type.kind === 'record' ? scopes.index.records.get(payloadField.type.name) : undefined;
  const memberField = union?.fields.find((f) => f.name === member);
  return union && memberField ? scopes.field(union, memberField) : ALL;
}

/** The items a type refers to; a handle refers to its target when that names a declared record or typedef. */
function typeTargets(type: TypeRef, index: ModelIndex): { target: { kind: TargetKind; name: string }; role: string }[] {
  if (type.kind === 'handle') {
    const record = index.recordsBySpelling.get(type.target);
    if (record) return [{ target: { kind: 'record', name: record.name }, role: 'the guest handle target of' }];
    return index.aliases.has(type.target) ? [{ target: { kind: 'alias', name: type.target }, role: 'the guest handle target of' }] : [];
  }
  if (type.kind === 'pointer') {
    return type.pointee ? typeTargets(type.pointee, index).map((t) => ({ ...t, role: 'the pointee of' })) : [];
  }
  if (type.kind === 'array') {
    return [
      ...typeTargets(type.element, index),
      ...(type.lengthConstant ? [{ target: { kind: 'constant' as const, name: type.lengthConstant }, role: 'the array length of' }] : []),
    ];
  }
  return type.kind === 'alias' || type.kind === 'record' ? [{ target: { kind: type.kind, name: type.name }, role: 'the type of' }] : [];
}

/** The item a target names, if it is declared. */
export function resolveTarget(index: ModelIndex, target: Reference['target']): { namespace: Namespace; module: string; loc: SourceLocation } | undefined {
  switch (target.kind) {
    case 'record':
      return index.records.get(target.name);
    case 'alias':
      return index.aliases.get(target.name);
    case 'constant':
      return index.constants.get(target.name);
  }
}
