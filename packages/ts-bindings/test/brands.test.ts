/**
 * The branded numbers (`DomId`, `EvtchnPort`, `GrantRef`, `IoServId`, `Gfn`, `Mfn`, `Pfn`):
 * their constructors check the range and give the number back unchanged; and, compiled with
 * TypeScript against the package's source, `test/types/brands.ts` shows that a plain number
 * (or another brand) where a brand is asked for is a type error, while brands compile.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOMID_SELF, domId, evtchnPort, gfn, grantRef, ioServId, mfn, pfn } from '@xenabi/ts-bindings';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'types', 'brands.ts');

describe('branded numbers', () => {
  it('are the numbers they were made from, within their range', () => {
    expect([domId(0), domId(0x7fef), evtchnPort(2 ** 32 - 1), grantRef(8), ioServId(0xffff), DOMID_SELF]).toEqual([0, 0x7fef, 2 ** 32 - 1, 8, 0xffff, 0x7ff0]);
    expect([gfn(1), mfn(0xfeffen), pfn(2n ** 64n - 1n)]).toEqual([1n, 0xfeffen, 2n ** 64n - 1n]);
  });

  it('refuse a value outside the range with a RangeError naming it', () => {
    expect(() => domId(0x10000)).toThrow(new RangeError('domId: 65536 is not an unsigned 16-bit integer'));
    expect(() => domId(-1)).toThrow(RangeError);
    expect(() => domId(1.5)).toThrow(RangeError);
    expect(() => evtchnPort(2 ** 32)).toThrow(/evtchnPort: 4294967296/);
    expect(() => ioServId(Number.NaN)).toThrow(RangeError);
    expect(() => gfn(-1n)).toThrow(/gfn: -1 is not an unsigned 64-bit integer/);
    expect(() => mfn(2n ** 64n)).toThrow(RangeError);
    expect(() => pfn(2 ** 60)).toThrow(RangeError);
  });

  it('are required by the types: test/types/brands.ts compiles but for each line marked @ts-expect-error', { timeout: 60_000 }, () => {
    const program = ts.createProgram([FIXTURE], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['source'],
      types: [],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === FIXTURE || !d.file);
    const text = diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `brands.ts:${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    // An expected error that does not happen is TS2578, "Unused '@ts-expect-error' directive".
    expect(text, text.join('\n')).toEqual([]);
    const expected = ts.sys.readFile(FIXTURE)!.split('\n').filter((l) => l.startsWith('// @ts-expect-error')).length;
    expect(expected).toBe(11);
  });
});
