/**
 * The drafts laid out by xenabi's layout engine, side by side with what clang laid out: the
 * engine's holes become the records' declared holes (the registry requires every one), and
 * any record the engine lays out otherwise than the compiler is reported, so nobody takes a
 * draft whose types are wrong for a finished one.
 */
import type { RecordFact, TreeFacts } from '../headers/facts.js';
import { ArchLayout } from '../layout/engine.js';
import { ARCHES } from '../model/arch.js';
import type { AliasDecl, Arch, DeclaredHole, Field, RecordDecl, TypeRef } from '../model/types.js';
import type { DraftField, DraftModule, DraftRecord } from './draft.js';
import type { DraftType } from './types.js';

const LOC = { file: '', line: 0, column: 0 };

/** True when a draft type (or any inside it) still needs a person. */
export function hasTodo(type: DraftType | DraftRecord): boolean {
  if ('fields' in type) return type.fields.some((f) => hasTodo(f.type));
  if (type.kind === 'todo') return true;
  return type.kind === 'array' ? hasTodo(type.element) : false;
}

/** The drafts as model declarations the layout engine can read (records with a todo type left out). */
function modelOf(modules: readonly DraftModule[]): { records: RecordDecl[]; aliases: AliasDecl[] } {
  const records: RecordDecl[] = [];
  const aliases: AliasDecl[] = [];
  const add = (r: DraftRecord, module: DraftModule, name: string, parent?: string) => {
    const fields: Field[] = r.fields.map((f, i) => {
      const type: TypeRef = 'fields' in f.type ? { kind: 'record', name: add(f.type, module, `${name}.${f.name || `<anon${anonIndex(r.fields, i)}>`}`, name) } : (f.type as TypeRef);
      return { name: f.name, type, loc: LOC, ...(f.bitWidth !== undefined ? { bitWidth: f.bitWidth } : {}), ...(f.flexible ? { flexible: true } : {}), ...(f.archs ? { archs: f.archs } : {}) };
    });
    records.push({ kind: r.kind, name, ...(r.tag ? { tag: r.tag } : {}), ...(parent ? { parent } : {}), namespace: module.namespace, module: module.name, since: '4.6', loc: LOC, fields, ...(r.archs ? { archs: r.archs } : {}) });
    return name;
  };
  for (const m of modules) {
    for (const item of m.items) {
      if (item.kind === 'record' && !hasTodo(item.record)) add(item.record, m, item.record.name);
      if (item.kind === 'alias' && !hasTodo(item.type)) aliases.push({ kind: 'alias', name: item.name, type: item.type as TypeRef, namespace: m.namespace, module: m.name, since: '4.6', loc: LOC, ...(item.archs ? { archs: item.archs } : {}) });
    }
  }
  return { records, aliases };
}

function anonIndex(fields: readonly DraftField[], i: number): number {
  return fields.slice(0, i).filter((f) => !f.name).length;
}

/**
 * Declares every hole the engine finds in the drafts, and returns the records the engine
 * lays out otherwise than clang did (size, alignment or a member's offset), by architecture.
 */
export function settleLayouts(modules: DraftModule[], facts: TreeFacts): string[] {
  const model = modelOf(modules);
  const byName = new Map(model.records.map((r) => [r.name, r]));
  const clang = new Map(facts.arches.map((a) => [a.arch, new Map(a.records.map((r) => [r.name, r]))]));
  const problems: string[] = [];
  const holes = new Map<string, Map<string, Arch[]>>();
  for (const arch of ARCHES.filter((a) => clang.has(a))) {
    const layout = new ArchLayout(model, arch);
    for (const record of model.records) {
      if (!layout.has(record.name)) continue;
      let laid;
      try {
        laid = layout.record(record.name);
      } catch (error) {
        problems.push(`${record.name} on ${arch}: ${(error as Error).message}`);
        continue;
      }
      const theirs = clang.get(arch)?.get(record.name);
      const mismatch = theirs ? differs(laid, theirs) : undefined;
      if (mismatch) problems.push(`${record.name} on ${arch}: ${mismatch}`);
      for (const h of laid.holes) {
        const perRecord = holes.get(record.name) ?? new Map<string, Arch[]>();
        perRecord.set(h.after, [...(perRecord.get(h.after) ?? []), arch]);
        holes.set(record.name, perRecord);
      }
    }
  }
  const declare = (r: DraftRecord, name: string) => {
    const found = holes.get(name);
    if (found) r.holes = [...found].map(([after, archs]): DeclaredHole => ({ after, archs, reason: 'TODO: why the compiler pads here' }));
    r.fields.forEach((f, i) => {
      if ('fields' in f.type) declare(f.type, `${name}.${f.name || `<anon${anonIndex(r.fields, i)}>`}`);
    });
  };
  for (const m of modules) for (const item of m.items) if (item.kind === 'record' && byName.has(item.record.name)) declare(item.record, item.record.name);
  return problems;
}

function differs(ours: { size: number; align: number; fields: { name: string; offset: number; bitOffset?: number }[] }, clang: RecordFact): string | undefined {
  if (ours.size !== clang.size) return `size ${ours.size}, clang ${clang.size}`;
  if (ours.align !== clang.align) return `alignment ${ours.align}, clang ${clang.align}`;
  for (const [i, f] of ours.fields.entries()) {
    const c = clang.fields[i];
    if (!c) return `member ${f.name || '(anonymous)'} is not in clang's layout`;
    const mine = f.bitOffset ?? f.offset * 8;
    const theirs = c.bitOffset ?? c.offset * 8;
    if (mine !== theirs) return `${f.name || '(anonymous)'} at bit ${mine}, clang ${theirs}`;
  }
  return undefined;
}
