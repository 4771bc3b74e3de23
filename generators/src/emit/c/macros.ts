/**
 * Function-like macros (`MacroDecl`) in C: `#define NAME(a, b) (…)` under Xen's name, every
 * parameter and operation parenthesised, under the releases and architectures the macro
 * exists in. They sit in the block Xen's include guard skips, so with Xen's header first its
 * own definitions are used.
 */
import { existsIn } from '../../model/releases.js';
import type { MacroDecl, MacroExpr } from '../../model/types.js';
import { aliveCondition, allOf } from './availability.js';
import { itemCondition, type Ctx, type DeclView } from './declarations.js';
import { checkIdentifier, docCommentLines } from './names.js';

/** The macros of the header's module, each where some release it can follow has it. */
export function macroDecls(ctx: Ctx): DeclView[] {
  return (ctx.releases.history.macros ?? [])
    .filter((m) => m.module === ctx.module.name && m.namespace === ctx.module.namespace)
    .flatMap((m) => {
      const alive = ctx.selection.domain.filter((r) => existsIn(m, r));
      if (alive.length === 0) return [];
      checkIdentifier(m.name, 'macro');
      const condition = allOf(itemCondition(m, ctx.archs), aliveCondition(ctx.selection, alive));
      return [{ condition, open: '', close: '', doc: docCommentLines(m.doc), pre: [], record: false as const, lines: [macroDefine(m)] }];
    });
}

/** `#define NAME(a, b) (…)`. */
export function macroDefine(m: Pick<MacroDecl, 'name' | 'params' | 'body'>): string {
  return `#define ${m.name}(${m.params.join(', ')}) ${cExpression(m.body)}`;
}

/** The body in C: parameters, and every operation, in parentheses, so arguments and callers cannot regroup it. */
export function cExpression(e: MacroExpr): string {
  switch (e.kind) {
    case 'param':
      return `(${e.name})`;
    case 'int':
      return e.text;
    case 'constant':
      return e.name;
    case 'not':
      return `(~${cExpression(e.operand)})`;
    case 'binary':
      return `(${cExpression(e.left)} ${e.op} ${cExpression(e.right)})`;
  }
}
