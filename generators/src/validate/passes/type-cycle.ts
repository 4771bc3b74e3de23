/**
 * `type-cycle`: records that hold each other by value (directly, through typedefs or in
 * arrays), in one module or across several, have no finite size; typedefs that name each
 * other in a circle name no type. Each circle is reported once, at the member (or typedef)
 * where it starts, with the releases and architectures where all its links exist: a member
 * that came later or went earlier breaks the circle elsewhere. A guest handle is a pointer,
 * no link.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AbiModel, SourceLocation, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { EMPTY, fieldPath, formatScope, type ModelIndex, type Scope, scopesOf } from '../scope.js';

const RULE = 'type-cycle';

/** A node is `r:<record>` or `t:<typedef>` (so that a circle starts at a record); a link is what makes `from` need `to` complete. */
interface Link {
  from: string;
  to: string;
  /** Where the link exists; computed only for links on a circle (most models have none). */
  scope: () => Scope;
  /** `record.member` or the typedef, and where it is declared. */
  item: string;
  loc: SourceLocation;
}

interface Cycle {
  nodes: string[];
  links: Link[];
  scope: Scope;
}

export const typeCycle: ValidationPass = {
  id: RULE,
  description: 'Records do not hold each other by value in a circle, and typedefs do not name each other in one.',
  run(model) {
    return typeCycles(model).map(report);
  },
};

const memo = new WeakMap<AbiModel, Cycle[]>();

/** Every circle of the model, each once, starting at its least node; shared with `declaration-order`. */
export function typeCycles(model: AbiModel): Cycle[] {
  let cycles = memo.get(model);
  if (!cycles) {
    cycles = findCycles(links(model));
    memo.set(model, cycles);
  }
  return cycles;
}

/** True when `a` and `b` (each a record or a typedef) are on one circle, or `a` is on one of its own. */
export function onOneCycle(model: AbiModel, a: { kind: 'record' | 'typedef'; name: string }, b: { kind: 'record' | 'typedef'; name: string }): boolean {
  const key = (n: { kind: string; name: string }) => `${n.kind === 'record' ? 'r' : 't'}:${n.name}`;
  return typeCycles(model).some((c) => c.nodes.includes(key(a)) && c.nodes.includes(key(b)));
}

function links(model: AbiModel): Link[] {
  const scopes = scopesOf(model);
  const out: Link[] = [];
  for (const r of model.records) {
    for (const f of r.fields) {
      const to = held(f.type, scopes.index);
      if (to) out.push({ from: `r:${r.name}`, to, scope: () => scopes.field(r, f), item: fieldPath(r, f), loc: f.loc });
    }
  }
  for (const a of model.aliases) {
    const to = held(a.type, scopes.index);
    if (to) out.push({ from: `t:${a.name}`, to, scope: () => scopes.item(a), item: a.name, loc: a.loc });
  }
  return out;
}

/** The record or typedef a type needs complete: through arrays, not through handles. */
function held(type: TypeRef, index: ModelIndex): string | undefined {
  if (type.kind === 'array') return held(type.element, index);
  if (type.kind === 'record' && index.records.has(type.name)) return `r:${type.name}`;
  if (type.kind === 'alias' && index.aliases.has(type.name)) return `t:${type.name}`;
  return undefined;
}

/**
 * The elementary circles through the links, found from each node in turn (only circles
 * whose least node is the start, so each is found once), kept where their links coexist.
 */
function findCycles(all: Link[]): Cycle[] {
  const from = new Map<string, Link[]>();
  for (const l of all) from.set(l.from, [...(from.get(l.from) ?? []), l]);
  const cyclic = nodesOnCycles(from);
  const cycles = new Map<string, Cycle>();
  for (const start of [...cyclic].sort()) {
    const path: Link[] = [];
    const visit = (node: string, scope: Scope): void => {
      for (const link of from.get(node) ?? []) {
        if (!cyclic.has(link.to) || link.to < start || path.some((p) => p.to === link.to)) continue;
        const within = scope & link.scope();
        if (within === EMPTY) continue;
        path.push(link);
        if (link.to === start) add(cycles, { nodes: path.map((p) => p.from), links: [...path], scope: within });
        else visit(link.to, within);
        path.pop();
      }
    };
    visit(start, ~EMPTY);
  }
  return [...cycles.values()];
}

/** A circle through the same nodes by other members is the same circle, wherever either exists. */
function add(cycles: Map<string, Cycle>, cycle: Cycle): void {
  const key = cycle.nodes.join('\n');
  const known = cycles.get(key);
  if (known) known.scope |= cycle.scope;
  else cycles.set(key, cycle);
}

/** The nodes of the strongly connected parts that hold a circle (Tarjan's algorithm). */
function nodesOnCycles(from: Map<string, Link[]>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Set<string>();
  let next = 0;
  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const { to } of from.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      onStack.delete(top);
      part.push(top);
      if (top === node) break;
    }
    const selfLoop = (from.get(node) ?? []).some((l) => l.to === node);
    if (part.length > 1 || selfLoop) for (const n of part) out.add(n);
  };
  for (const node of [...from.keys()].sort()) if (!index.has(node)) connect(node);
  return out;
}

function report(cycle: Cycle): Diagnostic {
  const first = cycle.links[0]!;
  const name = (node: string) => node.slice(2);
  const where = formatScope(cycle.scope);
  if (cycle.nodes.every((n) => n.startsWith('t:'))) {
    const circle = [...cycle.nodes, cycle.nodes[0]!].map(name).join(' → ');
    return error(RULE, first.loc, first.item, `typedefs name each other in a circle (${circle}) ${where}, so none of them names a type`);
  }
  if (cycle.links.length === 1) return error(RULE, first.loc, first.item, `${name(first.from)} holds itself by value, so it has no finite size`);
  const chain = cycle.links.map((l) => `${l.item} → ${name(l.to)}`).join(', ');
  return error(
    RULE,
    first.loc,
    first.item,
    `records hold each other by value in a circle (${chain}) ${where}, so none of them has a finite size: hold one of them through a guest handle instead`,
  );
}

