/**
 * A class of the view-model (the view classes of impl-module.ts) as text: fields, the
 * constructor, accessors (each getter followed by its setter), methods; a blank line between
 * members other than fields.
 */
import type { Decl } from '../view-model.js';
import { jsDoc } from './doc.js';
import { block, indent, modifiers, params } from './text.js';

type ClassDecl = Extract<Decl, { kind: 'class' }>;

function field(p: ClassDecl['props'][number]): string {
  return `${modifiers(p)}${p.name}: ${p.type}${p.init !== undefined ? ` = ${p.init}` : ''};`;
}

function accessors(a: ClassDecl['accessors'][number]): string[] {
  const get = block(`get ${a.name}(): ${a.type}`, a.get);
  return a.set ? [get, block(`set ${a.name}(x: ${a.setType ?? a.type})`, a.set)] : [get];
}

/** The members in order: the fields as one group, then each other member on its own. */
function members(d: ClassDecl): string[] {
  return [
    ...(d.props.length ? [d.props.map(field).join('\n')] : []),
    block(`constructor${params(d.ctor.params)}`, d.ctor.body),
    ...d.accessors.flatMap(accessors),
    ...d.methods.map((m) => block(`${m.name}${params(m.params)}: ${m.returnType}`, m.body)),
  ];
}

export function printClass(d: ClassDecl): string {
  return `${jsDoc(d.doc)}export class ${d.name} implements ${d.implements} {\n${indent(members(d).join('\n\n'))}\n}`;
}
