/**
 * The bad-input corpus: each folder under `test/fixtures/bad/` is a small `abi/` tree that
 * must fail to load, and says inside itself, on `// expect:` lines, which diagnostics the
 * loader must report (file, line, rule, item and a substring of the message).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AbiInputError, formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadAbi } from '../../src/load/index.js';
import { PASSES } from '../../src/validate/passes/index.js';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const EXPECT = /^\s*\/\/\s*expect:\s*(\S+?):(\d+): (error|warning) \[([^\]]+)\] (\S+): (.+)$/;
/** A fixture that must hit the loader's time limit says how short it may be: `// load-timeout-ms: 500`. */
const TIMEOUT = /^\s*\/\/\s*load-timeout-ms:\s*(\d+)\s*$/m;

interface Expected {
  file: string;
  line: number;
  severity: string;
  rule: string;
  item: string;
  message: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectations(caseDir: string): Expected[] {
  return filesUnder(caseDir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .map((line) => EXPECT.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map(([, file, line, severity, rule, item, message]) => ({ file: file!, line: Number(line), severity: severity!, rule: rule!, item: item!, message: message! }));
}

function loadTimeout(caseDir: string): number | undefined {
  const found = filesUnder(caseDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => TIMEOUT.exec(readFileSync(f, 'utf8'))?.[1])
    .find((v) => v !== undefined);
  return found === undefined ? undefined : Number(found);
}

function matches(d: Diagnostic, e: Expected): boolean {
  return d.loc.file === e.file && d.loc.line === e.line && d.severity === e.severity && d.rule === e.rule && d.item === e.item && d.message.includes(e.message);
}

const cases = readdirSync(BAD).filter((name) => statSync(join(BAD, name)).isDirectory()).sort();

describe('bad inputs', () => {
  it.each(cases)('%s', async (name) => {
    const dir = join(BAD, name);
    const expected = expectations(dir);
    expect(expected.length, `${relative(process.cwd(), dir)} has no // expect: line`).toBeGreaterThan(0);
    const timeoutMs = loadTimeout(dir);
    const error = await loadAbi(join(dir, 'abi'), dir, timeoutMs === undefined ? {} : { timeoutMs }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${name} loaded without error`).toBeInstanceOf(AbiInputError);
    const diagnostics = (error as AbiInputError).diagnostics;
    const reported = diagnostics.map(formatDiagnostic).join('\n');
    for (const e of expected) {
      const wanted = `${e.file}:${e.line}: ${e.severity} [${e.rule}] ${e.item}: …${e.message}…`;
      expect(diagnostics.some((d) => matches(d, e)), `expected\n  ${wanted}\namong\n  ${reported.replace(/\n/g, '\n  ')}`).toBe(true);
    }
  });

  it('covers every semantic rule and the schema', () => {
    const rules = new Set(cases.flatMap((name) => expectations(join(BAD, name)).map((e) => e.rule)));
    const wanted = ['schema', 'typescript', 'evaluation', 'import-cycle', 'module-export', 'unknown-item', 'unknown-field', 'unknown-type', ...PASSES.map((p) => p.id)];
    expect(wanted.filter((rule) => !rules.has(rule))).toEqual([]);
  });
});
