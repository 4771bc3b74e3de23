// Function-like macros: the body's parser, the evaluator every language is compared with, the
// spellings in C, Rust and TypeScript, and the validation pass.
import { describe, expect, it } from 'vitest';
import { cExpression } from '../../src/emit/c/macros.js';
import { constFn } from '../../src/emit/rust/macros.js';
import { tsExpression } from '../../src/emit/ts/macros.js';
import { evaluateMacro, MacroSyntaxError, parseMacroBody, printMacroBody, probeArguments } from '../../src/model/macros.js';
import type { AbiModel, MacroDecl } from '../../src/model/types.js';
import { macroBody } from '../../src/validate/passes/macro-body.js';

const loc = { file: 'abi/stable/m.ts', line: 3, column: 1 };
const macro = (params: string[], body: string, width: 32 | 64 = 32): MacroDecl => ({
  kind: 'macro',
  name: 'M',
  params,
  body: parseMacroBody(body, params),
  width,
  samples: [params.map(() => '1')],
  namespace: 'stable',
  module: 'm',
  since: '4.6',
  loc,
});
const none = () => 0n;

describe('parseMacroBody', () => {
  it('follows C precedence: * over + over shifts over & over ^ over |', () => {
    const m = macro(['a'], '1 + a << 3 | 2 & 6 ^ 4 * 2');
    expect(evaluateMacro(m, [2n], none)).toBe(((1n + 2n) << 3n) | ((2n & 6n) ^ 8n));
    expect(cExpression(m.body)).toBe('(((1 + (a)) << 3) | ((2 & 6) ^ (4 * 2)))');
  });

  it('reads hex and suffixed literals, and tells parameters from constants', () => {
    expect(parseMacroBody('x & 0xffu', ['x'])).toEqual({ kind: 'binary', op: '&', left: { kind: 'param', name: 'x' }, right: { kind: 'int', value: '255', text: '0xffu' } });
    expect(parseMacroBody('SIZE - 1', [])).toEqual({ kind: 'binary', op: '-', left: { kind: 'constant', name: 'SIZE' }, right: { kind: 'int', value: '1', text: '1' } });
  });

  it('refuses what it cannot read', () => {
    expect(() => parseMacroBody('(x + 1', ['x'])).toThrow(MacroSyntaxError);
    expect(() => parseMacroBody('x / 2', ['x'])).toThrow(/unexpected `\/`/);
    expect(() => parseMacroBody('x 2', ['x'])).toThrow(/unexpected `2`/);
  });
});

describe('evaluateMacro', () => {
  it('computes in unsigned arithmetic of the width, as C does for unsigned operands', () => {
    expect(evaluateMacro(macro(['x'], '((x >> 8) - 1) & 0xffu'), [0n], none)).toBe(255n);
    expect(evaluateMacro(macro(['x'], '~x - 1', 64), [5n], none)).toBe(2n ** 64n - 7n);
    expect(evaluateMacro(macro(['x'], 'x << 31'), [3n], none)).toBe(0x80000000n);
    expect(evaluateMacro(macro(['x'], 'x & (SIZE - 1)'), [1025n], () => 1024n)).toBe(1n);
  });
});

describe('spellings', () => {
  const cases: [string[], string, 32 | 64, bigint[]][] = [
    [['s', 'b', 'd', 'f'], '((s & 0xffff) << 16) | ((b & 0xff) << 8) | ((d & 0x1f) << 3) | (f & 0x7)', 32, [1n, 255n, 31n, 7n]],
    [['x'], '((x >> 8) - 1) & 0xffu', 32, [0n]],
    [['x'], '~x - 1', 64, [5n]],
    [['x', 'y'], 'x * y + 0xffffffff', 32, [3n, 4n]],
  ];

  it('gives, in TypeScript, what the evaluator gives', () => {
    const names = { constant: (n: string) => n } as never;
    for (const [params, body, width, args] of cases) {
      const m = macro(params, body, width);
      const run = new Function(...params, `return ${tsExpression(names, m.body, width)};`) as (...a: number[]) => bigint;
      expect(run(...args.map(Number))).toBe(evaluateMacro(m, args, none));
    }
  });

  it('writes Rust with wrapping operations and only the parentheses rustc needs', () => {
    expect(constFn(macro(['x'], '((x >> 8) - 1) & 0xffu'))).toEqual(['pub const fn M(x: u32) -> u32 {', '    x.wrapping_shr(8u32).wrapping_sub(1u32) & 255u32', '}']);
    expect(constFn(macro(['x'], '~x - 1', 64))).toEqual(['pub const fn M(x: u64) -> u64 {', '    (!x).wrapping_sub(1u64)', '}']);
    expect(constFn(macro(['x'], 'x << 3', 64))[1]).toBe('    x.wrapping_shl(3u64 as u32)');
  });
});

describe('macro-body validation', () => {
  const model = (m: MacroDecl): AbiModel => ({
    format: 'xenabi-model/1',
    modules: [],
    records: [],
    aliases: [],
    constants: [{ kind: 'constant', name: 'LATE', value: '4', cType: 'int', spelling: 'dec', namespace: 'stable', module: 'm', since: '4.10', loc }],
    sets: [],
    macros: [m],
  });
  const messages = (m: MacroDecl) => macroBody.run(model(m)).map((d) => d.message);

  it('accepts a macro over its parameters and its module\'s constants', () => {
    expect(messages({ ...macro(['x'], 'x + LATE'), since: '4.10' })).toEqual([]);
  });

  it('names an unknown or younger constant, an unused parameter, a shift past the width and a sample of the wrong length', () => {
    expect(messages(macro(['x'], 'x + NOPE'))).toEqual(['`NOPE` is neither a parameter nor an integer constant of module m']);
    expect(messages(macro(['x'], 'x + LATE'))).toEqual(['constant `LATE` does not exist in every release the macro does']);
    expect(messages(macro(['x', 'y'], 'x << 32'))).toEqual(['parameter `y` is not used in the body', 'shifts by 32, not less than its width of 32 bits']);
    expect(messages({ ...macro(['x'], 'x'), samples: [['1', '2']] })).toEqual(['a sample gives 2 arguments for 1 parameters']);
  });
});

describe('printMacroBody', () => {
  const round = (text: string, params: string[]) => {
    const tree = parseMacroBody(text, params);
    const printed = printMacroBody(tree);
    expect(parseMacroBody(printed, params), printed).toEqual(tree);
    return printed;
  };

  it('normalises spaces and parentheses, so respellings of one tree print alike', () => {
    expect(round('((x)+1)<<8', ['x'])).toBe('(x + 1) << 8');
    expect(round('(x + 1) << 8', ['x'])).toBe('(x + 1) << 8');
    expect(round('(((x) >> 8) - 1) & 0xffu', ['x'])).toBe('((x >> 8) - 1) & 0xffu');
    expect(round('((s & 0xffff) << 16) | ((b & 0xff) << 8) | (f & 0x7)', ['s', 'b', 'f'])).toBe('((s & 0xffff) << 16) | ((b & 0xff) << 8) | (f & 0x7)');
  });

  it('keeps the parentheses C needs and leaves a product in a sum bare', () => {
    expect(round('a - (b - c)', ['a', 'b', 'c'])).toBe('a - (b - c)');
    expect(round('(a - b) - c', ['a', 'b', 'c'])).toBe('a - b - c');
    expect(round('a + b * c', ['a', 'b', 'c'])).toBe('a + b * c');
    expect(round('(a + b) * c', ['a', 'b', 'c'])).toBe('(a + b) * c');
    expect(round('~(a | b) ^ ~a', ['a', 'b'])).toBe('~(a | b) ^ ~a');
  });

  it('gives probe arguments of the width, one list per probe, parameters offset from each other', () => {
    const probes = probeArguments(2, 32);
    expect(probes.length).toBeGreaterThan(4);
    expect(probes.every((args) => args.length === 2 && args.every((a) => a < 2n ** 32n))).toBe(true);
    expect(probes.some(([a, b]) => a !== b)).toBe(true);
  });
});
