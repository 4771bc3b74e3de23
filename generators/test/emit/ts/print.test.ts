// The TypeScript emitter's printer: each declaration kind, TSDoc blocks, and the blank lines
// between declarations. The golden test (golden.test.ts) and the committed package
// (`generate --check`) hold it to the whole output; these pin the rules one at a time.
import { describe, expect, it } from 'vitest';
import { printFile } from '../../../src/emit/ts/print/file.js';
import { doc, type Decl, type TsFile } from '../../../src/emit/ts/view-model.js';

const file = (decls: Decl[], extra: Partial<TsFile> = {}): TsFile => ({ path: 'src/a.ts', sources: [], imports: [], decls, ...extra });
const print = (...decls: Decl[]) => printFile(file(decls));
const fn = (name: string, body: string[]): Decl => ({ kind: 'function', name, params: [{ name: 'b', type: 'number' }], returnType: 'void', body, exported: true });

describe('the TypeScript printer', () => {
  it('prints a constant and a type on one line each, with a final line break', () => {
    expect(print({ kind: 'const', name: 'A', init: '1', exported: true }, { kind: 'type', name: 'T', type: 'number' })).toBe('export const A = 1;\nexport type T = number;\n');
    expect(printFile(file([]))).toBe('');
  });

  it('prints a one-line TSDoc inline and a longer one as a block, tags last, and a blank line before either', () => {
    const one: Decl = { kind: 'const', name: 'A', type: 'number', init: '1', exported: false, doc: doc('One.') };
    const two: Decl = { kind: 'type', name: 'T', type: 'number', doc: doc('Two.\n\nParagraphs.', [{ tag: 'since', text: '4.17' }]) };
    expect(print({ kind: 'const', name: 'Z', init: '0', exported: true }, one, two)).toBe(
      'export const Z = 0;\n\n/** One. */\nconst A: number = 1;\n\n/**\n * Two.\n *\n * Paragraphs.\n * @since 4.17\n */\nexport type T = number;\n',
    );
  });

  it('prints a multi-line constant as written, its TSDoc always a block', () => {
    const d: Decl = { kind: 'const', name: 'L', type: 'X', init: '{\n  a: 1,\n}', exported: true, doc: doc('Short.') };
    expect(print(d)).toBe('/**\n * Short.\n */\nexport const L: X = {\n  a: 1,\n};\n');
  });

  it('prints an interface: properties, then methods, each with its TSDoc, indented', () => {
    const d: Decl = {
      kind: 'interface',
      name: 'I',
      extends: ['A', 'B'],
      props: [{ name: 'p', type: 'number', readonly: true, optional: true, doc: doc('A long\nproperty.') }, { name: 'q', type: 'string' }],
      methods: [{ name: 'm', params: [{ name: 'x', type: 'number', optional: true }], returnType: 'void', optional: true, doc: doc('M.') }],
    };
    expect(print(d)).toBe('export interface I extends A, B {\n  /**\n   * A long\n   * property.\n   */\n  readonly p?: number;\n  q: string;\n  /** M. */\n  m?(x?: number): void;\n}\n');
    expect(print({ kind: 'interface', name: 'E', props: [], methods: [] })).toBe('export interface E {\n}\n');
  });

  it('indents a body by one level, keeps its blank lines empty, and sets functions apart by blank lines', () => {
    expect(print({ kind: 'const', name: 'A', init: '1', exported: true }, fn('f', ['if (b) {', '  g();', '}', '', 'h();']), { kind: 'type', name: 'T', type: 'number' })).toBe(
      'export const A = 1;\n\nexport function f(b: number): void {\n  if (b) {\n    g();\n  }\n\n  h();\n}\n\nexport type T = number;\n',
    );
  });

  it('refuses a body whose template literal spans lines: indenting it would change the string', () => {
    expect(() => print(fn('f', ['const s = `a', 'b`;']))).toThrow(/opens a template literal it does not close: const s = `a/);
  });

  it('prints a class: fields together, then the constructor, each getter with its setter, methods, blank lines between', () => {
    const d: Decl = {
      kind: 'class',
      name: 'V',
      implements: 'W',
      props: [{ name: '$d', type: 'DataView', readonly: true, declare: true }, { name: '$c', type: 'X | undefined', init: 'undefined' }],
      ctor: { params: [{ name: 'd', type: 'DataView' }, { name: 'o', type: 'number', optional: true }], body: ['this.$d = d;'] },
      accessors: [{ name: 'a', type: 'number', get: ['return 1;'], set: ['g(x);'], setType: 'bigint' }, { name: 'b', type: 'number', get: ['return 2;'] }],
      methods: [{ name: 'm', params: [], returnType: 'void', body: ['g();'] }],
    };
    expect(print(d)).toBe(
      [
        'export class V implements W {',
        '  declare readonly $d: DataView;',
        '  $c: X | undefined = undefined;',
        '',
        '  constructor(d: DataView, o?: number) {',
        '    this.$d = d;',
        '  }',
        '',
        '  get a(): number {',
        '    return 1;',
        '  }',
        '',
        '  set a(x: bigint) {',
        '    g(x);',
        '  }',
        '',
        '  get b(): number {',
        '    return 2;',
        '  }',
        '',
        '  m(): void {',
        '    g();',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('prints the header, imports and re-exports; a star export prints no TSDoc', () => {
    const f = file(
      [
        { kind: 'reexport', names: [{ name: 'a' }, { name: 'b', alias: 'c' }], from: './x.js', typeOnly: true },
        { kind: 'star', from: './u.js', as: 'u', doc: doc('Not printed.') },
      ],
      { header: 'The header.', imports: [{ from: './y.js', names: ['p', 'q'], typeOnly: false }] },
    );
    expect(printFile(f)).toBe("/*\n * The header.\n */\nimport { p, q } from './y.js';\nexport type { a, b as c } from './x.js';\nexport * as u from './u.js';\n");
    expect(printFile({ ...f, decls: [], imports: [], packageDoc: true })).toBe('/**\n * The header.\n *\n * @packageDocumentation\n */\n');
  });
});
