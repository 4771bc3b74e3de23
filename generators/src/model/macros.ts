/**
 * Function-like macros that are pure arithmetic (`MacroDecl`): the parser of the body a
 * module writes as C-like text (`'((x) + 1) << 8'`), and the evaluator every check and test
 * compares the languages' spellings with. Unsigned arithmetic of the macro's width throughout:
 * `+`, `-`, `*` and `<<` wrap, `~` flips every bit of the width.
 */
import type { MacroDecl, MacroExpr, MacroOperator } from './types.js';

/** Binary operators by C precedence, loosest first. */
const LEVELS: readonly (readonly MacroOperator[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*']];

/** A body that does not parse: what is wrong, for a diagnostic at the macro. */
export class MacroSyntaxError extends Error {}

/**
 * The tree of `text`: identifiers in `params` are parameters, other identifiers constants;
 * integer literals are decimal or hex with C's `u`/`l` suffixes.
 */
export function parseMacroBody(text: string, params: readonly string[]): MacroExpr {
  const tokens = text.match(/0[xX][0-9a-fA-F]+[uUlL]*|[0-9]+[uUlL]*|[A-Za-z_]\w*|<<|>>|[-+*&|^~()]|\S/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const fail = (what: string): never => {
    throw new MacroSyntaxError(`${what} in \`${text}\``);
  };
  const primary = (): MacroExpr => {
    const t = tokens[at++];
    if (t === undefined) return fail('unexpected end');
    if (t === '(') {
      const inner = binary(0);
      if (tokens[at++] !== ')') fail('missing `)`');
      return inner;
    }
    if (t === '~') return { kind: 'not', operand: primary() };
    if (/^[0-9]/.test(t)) return { kind: 'int', value: BigInt(t.replace(/[uUlL]+$/, '')).toString(), text: t };
    if (/^[A-Za-z_]/.test(t)) return params.includes(t) ? { kind: 'param', name: t } : { kind: 'constant', name: t };
    return fail(`unexpected \`${t}\``);
  };
  const binary = (level: number): MacroExpr => {
    if (level === LEVELS.length) return primary();
    let left = binary(level + 1);
    for (let op = peek(); op !== undefined && (LEVELS[level] as readonly string[]).includes(op); op = peek()) {
      at++;
      left = { kind: 'binary', op: op as MacroOperator, left, right: binary(level + 1) };
    }
    return left;
  };
  const body = binary(0);
  if (at < tokens.length) fail(`unexpected \`${tokens[at]}\``);
  return body;
}

/** The parameters and constants a body names, each once, in order of appearance. */
export function macroNames(body: MacroExpr): { params: string[]; constants: string[] } {
  const params = new Set<string>();
  const constants = new Set<string>();
  const walk = (e: MacroExpr): void => {
    if (e.kind === 'param') params.add(e.name);
    else if (e.kind === 'constant') constants.add(e.name);
    else if (e.kind === 'not') walk(e.operand);
    else if (e.kind === 'binary') [e.left, e.right].forEach(walk);
  };
  walk(body);
  return { params: [...params], constants: [...constants] };
}

/** The shift counts a body gives as literals, to check them against the width. */
export function literalShifts(body: MacroExpr): bigint[] {
  if (body.kind === 'not') return literalShifts(body.operand);
  if (body.kind !== 'binary') return [];
  const own = (body.op === '<<' || body.op === '>>') && body.right.kind === 'int' ? [BigInt(body.right.value)] : [];
  return [...own, ...literalShifts(body.left), ...literalShifts(body.right)];
}

/** The macro's value for `args`, with `constant` giving the value of each constant it names. */
export function evaluateMacro(macro: Pick<MacroDecl, 'params' | 'body' | 'width'>, args: readonly bigint[], constant: (name: string) => bigint): bigint {
  const w = macro.width;
  const wrap = (n: bigint) => BigInt.asUintN(w, n);
  const value = (e: MacroExpr): bigint => {
    switch (e.kind) {
      case 'param':
        return wrap(args[macro.params.indexOf(e.name)] ?? 0n);
      case 'int':
        return wrap(BigInt(e.value));
      case 'constant':
        return wrap(constant(e.name));
      case 'not':
        return wrap(~value(e.operand));
      case 'binary':
        return wrap(apply(e.op, value(e.left), value(e.right)));
    }
  };
  return value(macro.body);
}

function apply(op: MacroOperator, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
  }
}

/**
 * The body as the DSL normalises it: one space around each binary operator, parentheses where
 * C's precedence needs them and around every operation inside another operator's operand
 * (as `-Wparentheses` asks; a product inside a sum excepted), literals as written. `'((x)+1)<<8'` and `'(x + 1) << 8'`
 * print alike, so the text changes only when the tree does. Parses back to the same tree.
 */
export function printMacroBody(e: MacroExpr): string {
  switch (e.kind) {
    case 'param':
    case 'constant':
      return e.name;
    case 'int':
      return e.text;
    case 'not':
      return `~${e.operand.kind === 'binary' ? `(${printMacroBody(e.operand)})` : printMacroBody(e.operand)}`;
    case 'binary': {
      const level = levelOf(e.op);
      const side = (operand: MacroExpr, tighter: boolean) => {
        const text = printMacroBody(operand);
        if (operand.kind !== 'binary') return text;
        const inner = levelOf(operand.op);
        const plain = inner === level ? !tighter : inner === levelOf('*') && level === levelOf('+');
        return plain ? text : `(${text})`;
      };
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`;
    }
  }
}

function levelOf(op: MacroOperator): number {
  return LEVELS.findIndex((ops) => ops.includes(op));
}

/**
 * Argument lists that tell two bodies apart beyond the declared samples: zero, one, a few
 * bit patterns and the top of the width, each parameter offset so that swapped parameters
 * give other values.
 */
export function probeArguments(arity: number, width: 32 | 64): bigint[][] {
  const top = (1n << BigInt(width)) - 1n;
  return [0n, 1n, 2n, 7n, 0xffn, 0x1234n, 0xdeadbeefn, top].map((v) => Array.from({ length: arity }, (_, i) => BigInt.asUintN(width, v + BigInt(i) * 0x101n)));
}
