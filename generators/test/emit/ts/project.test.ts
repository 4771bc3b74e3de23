// The TypeScript emitter's in-memory project: a check that is incremental across runs yet
// reports what a fresh check of the same files would.
import * as tsm from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../../src/emit/ts/project.js';

const OPTIONS = tsm.ts.convertCompilerOptionsFromJson({ strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [], noEmit: true }, '/pkg').options;

const codes = (checker: Checker, files: Record<string, string>) => checker.check(new Map(Object.entries(files))).map((d) => `${d.file?.fileName ?? ''} TS${d.code}`);

describe('the incremental checker', () => {
  it('finds an error in a file that changed, and in an unchanged file whose import changed', () => {
    const checker = new Checker(tsm, OPTIONS);
    const b = "import { x } from './a.js';\nexport const y: number = x + 1;\n";
    expect(codes(checker, { 'src/a.ts': 'export const x: number = 1;\n', 'src/b.ts': b })).toEqual([]);
    expect(codes(checker, { 'src/a.ts': "export const x: number = 'one';\n", 'src/b.ts': b })).toEqual(['/pkg/src/a.ts TS2322']);
    expect(codes(checker, { 'src/a.ts': "export const x: string = 'one';\n", 'src/b.ts': b })).toEqual(['/pkg/src/b.ts TS2322']);
    expect(codes(checker, { 'src/a.ts': 'export const x: number = 1;\n', 'src/b.ts': b })).toEqual([]);
  });

  it('drops files no longer given, so an import of one fails', () => {
    const checker = new Checker(tsm, OPTIONS);
    const b = "import { x } from './a.js';\nexport const y = x;\n";
    expect(codes(checker, { 'src/a.ts': 'export const x = 1;\n', 'src/b.ts': b })).toEqual([]);
    expect(codes(checker, { 'src/b.ts': b })).toEqual(['/pkg/src/b.ts TS2307']);
    expect(codes(checker, { 'src/c.ts': 'export {};\n' })).toEqual([]);
  });

  it('reports as a fresh checker does, run after run', () => {
    const runs: Record<string, string>[] = [
      { 'src/a.ts': 'export type T = { n: number };\n', 'src/b.ts': "import type { T } from './a.js';\nexport const t: T = { n: 1 };\n" },
      { 'src/a.ts': 'export type T = { n: string };\n', 'src/b.ts': "import type { T } from './a.js';\nexport const t: T = { n: 1 };\n" },
      { 'src/a.ts': 'export type T = { n: string };\n', 'src/b.ts': "import type { T } from './a.js';\nexport const t: T = { n: '1' };\n" },
    ];
    const incremental = new Checker(tsm, OPTIONS);
    for (const files of runs) expect(codes(incremental, files)).toEqual(codes(new Checker(tsm, OPTIONS), files));
  });

  it('formats diagnostics as file(line,col): error TSn: message, paths inside the package', () => {
    const checker = new Checker(tsm, OPTIONS);
    const text = checker.format(checker.check(new Map([['src/a.ts', "export const x: number = 'one';\n"]])));
    expect(text).toMatch(/^src\/a\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'\./);
  });
});
