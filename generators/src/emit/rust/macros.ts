/**
 * Function-like macros (`MacroDecl`) in Rust: a `pub const fn` under Xen's name over the
 * unsigned integer of the macro's width, computing as C's unsigned arithmetic does (`+`, `-`,
 * `*` and shifts wrap; `!` is C's `~`). Constants the body names are the module's own, cast.
 */
import type { MacroDecl, MacroExpr, ModuleDecl } from '../../model/types.js';
import { sinceNote } from './availability.js';
import { cfgIn, itemPresence, type RustContext } from './context.js';
import { code, docParagraphs, ident } from './names.js';
import type { Presence } from './releases.js';

export interface MacroView {
  docs: string[];
  cfg: string;
  lines: string[];
}

/** The macros of `module`, in the order the module declares them. */
export function macroViews(ctx: RustContext, module: ModuleDecl, scope: Presence): MacroView[] {
  return (ctx.model.macros ?? [])
    .filter((m) => m.module === module.name && m.namespace === module.namespace)
    .map((m) => ({
      docs: docParagraphs(m.doc, [`C: ${code(`${m.name}(${m.params.join(', ')})`)}, in ${m.width}-bit unsigned arithmetic. ${sinceNote(ctx, m)}`]),
      cfg: cfgIn(ctx, itemPresence(ctx, m), scope),
      lines: constFn(m),
    }));
}

/** `pub const fn NAME(a: u32, …) -> u32 { … }`. */
export function constFn(m: Pick<MacroDecl, 'name' | 'params' | 'body' | 'width'>): string[] {
  const t = `u${m.width}`;
  return [`pub const fn ${ident(m.name)}(${m.params.map((p) => `${ident(p)}: ${t}`).join(', ')}) -> ${t} {`, `    ${rustExpression(m.body, t)}`, '}'];
}

/** Where an expression stands: rustc warns of parentheses it does not need, so only these get them. */
type Place = 'top' | 'arg' | 'operand' | 'receiver';

/**
 * The body in Rust, over `t`: `+`, `-`, `*` and shifts as wrapping methods, `& | ^` as
 * operators, parenthesised only where Rust's precedence would regroup them.
 */
export function rustExpression(e: MacroExpr, t: string, place: Place = 'top'): string {
  const r = (x: MacroExpr, p: Place) => rustExpression(x, t, p);
  const wrap = (text: string, when: readonly Place[]) => (when.includes(place) ? `(${text})` : text);
  switch (e.kind) {
    case 'param':
      return ident(e.name);
    case 'int':
      return `${e.value}${t}`;
    case 'constant':
      return wrap(`${ident(e.name)} as ${t}`, ['operand', 'receiver']);
    case 'not':
      return wrap(`!${r(e.operand, 'receiver')}`, ['receiver']);
    case 'binary': {
      const method = METHODS[e.op];
      // A chain of one operator (`a | b | c`) needs no parentheses on its left.
      const left = e.left.kind === 'binary' && e.left.op === e.op ? 'arg' : 'operand';
      if (!method) return wrap(`${r(e.left, left)} ${e.op} ${r(e.right, 'operand')}`, ['operand', 'receiver']);
      const shift = e.op === '<<' || e.op === '>>';
      const arg = r(e.right, shift && t !== 'u32' ? 'receiver' : 'arg');
      return `${r(e.left, 'receiver')}.${method}(${shift && t !== 'u32' ? `${arg} as u32` : arg})`;
    }
  }
}

/** The wrapping method of each operator that can overflow. */
const METHODS: Partial<Record<string, string>> = {
  '+': 'wrapping_add',
  '-': 'wrapping_sub',
  '*': 'wrapping_mul',
  '<<': 'wrapping_shl',
  '>>': 'wrapping_shr',
};
