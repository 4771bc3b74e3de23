/**
 * One top-level declaration of the view-model as text, at indentation level 0 and without a
 * final line break. A multi-line constant or type is printed as written, its TSDoc always a
 * block (`blockDoc`); everything else as TypeScript's own printers lay it out.
 */
import type { Decl } from '../view-model.js';
import { printClass } from './class.js';
import { blockDoc, jsDoc } from './doc.js';
import { block, indent, modifiers, params } from './text.js';

type Of<K extends Decl['kind']> = Extract<Decl, { kind: K }>;

function constant(d: Of<'const'>): string {
  const head = `${modifiers(d)}const ${d.name}${d.type ? `: ${d.type}` : ''} = ${d.init};`;
  return d.init.includes('\n') ? `${blockDoc(d.doc)}${head}` : `${jsDoc(d.doc)}${head}`;
}

function typeAlias(d: Of<'type'>): string {
  return d.type.includes('\n') ? `${blockDoc(d.doc)}export type ${d.name} =${d.type};` : `${jsDoc(d.doc)}export type ${d.name} = ${d.type};`;
}

/** An interface: properties, then method signatures, each with its TSDoc. */
function interfaceDecl(d: Of<'interface'>): string {
  const props = d.props.map((p) => `${jsDoc(p.doc)}${modifiers(p)}${p.name}${p.optional ? '?' : ''}: ${p.type};`);
  const methods = d.methods.map((m) => `${jsDoc(m.doc)}${m.name}${m.optional ? '?' : ''}${params(m.params)}: ${m.returnType};`);
  const extended = d.extends?.length ? `extends ${d.extends.join(', ')} ` : '';
  const members = [...props, ...methods].join('\n');
  return `${jsDoc(d.doc)}export interface ${d.name} ${extended}{\n${members ? `${indent(members)}\n` : ''}}`;
}

function functionDecl(d: Of<'function'>): string {
  return jsDoc(d.doc) + block(`${modifiers(d)}function ${d.name}${params(d.params)}: ${d.returnType}`, d.body);
}

/** `export { a, b as c } from '…';`, `export type { … }`. */
function reexport(d: Of<'reexport'>): string {
  const names = d.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)).join(', ');
  return `export${d.typeOnly ? ' type' : ''} { ${names} }${d.from ? ` from '${d.from}'` : ''};`;
}

/** `export * from '…';`, `export * as ns from '…';`. A star export has no TSDoc in TypeScript's printer: its doc is not printed. */
function star(d: Of<'star'>): string {
  return `export *${d.as ? ` as ${d.as}` : ''} from '${d.from}';`;
}

export function printDecl(d: Decl): string {
  switch (d.kind) {
    case 'const':
      return constant(d);
    case 'type':
      return typeAlias(d);
    case 'interface':
      return interfaceDecl(d);
    case 'function':
      return functionDecl(d);
    case 'class':
      return printClass(d);
    case 'reexport':
      return reexport(d);
    case 'star':
      return star(d);
  }
}
