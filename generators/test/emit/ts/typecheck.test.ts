// The type-check of the generated package (`generate --typecheck`, and the tests of every
// release): incremental across checks yet reporting what a fresh check of the same files would.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../../src/emit/ts/typecheck.js';

const codes = (checker: Checker, files: Record<string, string>) =>
  checker.check(new Map(Object.entries(files))).map((d) => `${d.file?.fileName.replace(/^.*?\/src\//, 'src/') ?? ''} TS${d.code}`);

describe('the incremental checker', () => {
  it('finds an error in a file that changed, and in an unchanged file whose import changed', () => {
    const checker = new Checker(ts);
    const b = "import { x } from './a.js';\nexport const y: number = x + 1;\n";
    expect(codes(checker, { 'src/a.ts': 'export const x: number = 1;\n', 'src/b.ts': b })).toEqual([]);
    expect(codes(checker, { 'src/a.ts': "export const x: number = 'one';\n", 'src/b.ts': b })).toEqual(['src/a.ts TS2322']);
    expect(codes(checker, { 'src/a.ts': "export const x: string = 'one';\n", 'src/b.ts': b })).toEqual(['src/b.ts TS2322']);
    expect(codes(checker, { 'src/a.ts': 'export const x: number = 1;\n', 'src/b.ts': b })).toEqual([]);
  });

  it('drops files no longer given, so an import of one fails', () => {
    const checker = new Checker(ts);
    const b = "import { x } from './a.js';\nexport const y = x;\n";
    expect(codes(checker, { 'src/a.ts': 'export const x = 1;\n', 'src/b.ts': b })).toEqual([]);
    expect(codes(checker, { 'src/b.ts': b })).toEqual(['src/b.ts TS2307']);
    expect(codes(checker, { 'src/c.ts': 'export {};\n' })).toEqual([]);
  });

  it('reports as a fresh checker does, run after run', () => {
    const runs: Record<string, string>[] = [
      { 'src/a.ts': 'export type T = { n: number };\n', 'src/b.ts': "import type { T } from './a.js';\nexport const t: T = { n: 1 };\n" },
      { 'src/a.ts': 'export type T = { n: string };\n', 'src/b.ts': "import type { T } from './a.js';\nexport const t: T = { n: 1 };\n" },
      { 'src/a.ts': 'export type T = { n: string };\n', 'src/b.ts': "import type { T } from './a.js';\nexport const t: T = { n: '1' };\n" },
    ];
    const incremental = new Checker(ts);
    for (const files of runs) expect(codes(incremental, files)).toEqual(codes(new Checker(ts), files));
  });

  it('checks with the package\'s options: strict, ES2022 only, ES modules under its package.json', () => {
    const checker = new Checker(ts);
    expect(codes(checker, { 'src/a.ts': 'export function f(x) { return x; }\n' })).toEqual(['src/a.ts TS7006']);
    expect(codes(checker, { 'src/a.ts': 'export const r = [1].findLast((x: number) => x > 0);\n' })).toEqual(['src/a.ts TS2550']);
    expect(codes(checker, { 'src/a.ts': 'export const d: Document | undefined = undefined;\n' })).toEqual(['src/a.ts TS2304']);
    const esm = { 'package.json': '{ "type": "module" }', 'src/a.ts': 'export const v = await Promise.resolve(1);\n' };
    expect(codes(checker, esm)).toEqual([]);
    expect(codes(checker, { 'src/a.ts': esm['src/a.ts'] })).toEqual(['src/a.ts TS1309']);
  });

  it('formats diagnostics as path(line,col): error TSn: message, paths as given', () => {
    const checker = new Checker(ts);
    const text = checker.format(checker.check(new Map([['packages/p/src/a.ts', "export const x: number = 'one';\n"]])));
    expect(text).toMatch(/^packages\/p\/src\/a\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'\./);
  });
});
