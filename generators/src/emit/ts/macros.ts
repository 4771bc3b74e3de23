/**
 * Function-like macros (`MacroDecl`) in TypeScript: a function under Xen's name computing as C's
 * unsigned arithmetic of the macro's width does, over bigints: `number` in and out for 32 bits
 * (an argument that is no integer throws `RangeError`, as `BigInt` does), `bigint` for 64.
 */
import type { MacroDecl, MacroExpr } from '../../model/types.js';
import { tsdoc, type TsNames } from './names.js';
import { doc, type Decl } from './view-model.js';

/** The function of one macro. */
export function macroDecl(names: TsNames, m: MacroDecl): Decl {
  const narrow = m.width === 32;
  const body = tsExpression(names, m.body, m.width);
  const text = [tsdoc(m.doc), `C: \`${m.name}(${m.params.join(', ')})\`, in ${m.width}-bit unsigned arithmetic.`, m.archs ? `Only on ${m.archs.join(', ')}.` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    kind: 'function',
    name: names.constant(m.name),
    params: m.params.map((p) => ({ name: p, type: narrow ? 'number' : 'bigint | number' })),
    returnType: narrow ? 'number' : 'bigint',
    body: [`return ${narrow ? `Number(${body})` : body};`],
    doc: doc(text, m.since ? [{ tag: 'since', text: m.since }] : []),
    exported: true,
  };
}

/** The body over bigints, each value reduced to `width` bits where C's unsigned arithmetic would. */
export function tsExpression(names: TsNames, e: MacroExpr, width: number): string {
  const r = (x: MacroExpr) => tsExpression(names, x, width);
  const wrap = (x: string) => `BigInt.asUintN(${width}, ${x})`;
  switch (e.kind) {
    case 'param':
      return wrap(`BigInt(${e.name})`);
    case 'int':
      return `${BigInt.asUintN(width, BigInt(e.value))}n`;
    case 'constant':
      return wrap(`BigInt(${names.constant(e.name)})`);
    case 'not':
      return wrap(`~${r(e.operand)}`);
    case 'binary':
      // & | ^ and >> of values already in range stay in range; the rest may leave it.
      return ['&', '|', '^', '>>'].includes(e.op) ? `(${r(e.left)} ${e.op} ${r(e.right)})` : wrap(`${r(e.left)} ${e.op} ${r(e.right)}`);
  }
}
