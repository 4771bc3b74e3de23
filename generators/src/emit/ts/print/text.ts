/**
 * The printer's text helpers: indentation by two spaces per level, blocks, parameter lists.
 * Every declaration is printed at level 0 and indented as a whole by whatever holds it.
 */
import type { Param } from '../view-model.js';

const INDENT = '  ';

/** `text` indented by `levels`; empty lines stay empty. */
export function indent(text: string, levels = 1): string {
  const pad = INDENT.repeat(levels);
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}

/**
 * `head {`, the body lines one level in, `}`. A body is the view-model's lines as given: its own
 * nested blocks are already indented, so a line is only ever prefixed. A template literal
 * spanning lines would have its continuation indented too, changing the string, so such a
 * body is refused.
 */
export function block(head: string, body: readonly string[]): string {
  const open = body.find((line) => (line.match(/`/g)?.length ?? 0) % 2 === 1);
  if (open !== undefined) throw new Error(`ts printer: a body line opens a template literal it does not close: ${open}`);
  return `${head} {\n${indent(body.join('\n'))}\n}`;
}

/** A parameter: `name?: type = init`. */
function param(p: Param): string {
  return `${p.name}${p.optional ? '?' : ''}: ${p.type}${p.init ? ` = ${p.init}` : ''}`;
}

/** A parameter list with its parentheses. */
export function params(list: readonly Param[]): string {
  return `(${list.map(param).join(', ')})`;
}

/** Modifiers in TypeScript's order, each with its space: `export `, `declare `, `readonly `. */
export function modifiers(m: { exported?: boolean; declare?: boolean; readonly?: boolean }): string {
  return `${m.exported ? 'export ' : ''}${m.declare ? 'declare ' : ''}${m.readonly ? 'readonly ' : ''}`;
}
