/**
 * Names JavaScript gives meaning to — `__proto__`, `constructor`, `toString`,
 * `hasOwnProperty`, `valueOf` and the other members of `Object.prototype` — are names like any
 * other wherever a table is keyed by name: in the export, in the checker's sides (from an
 * abi/ tree, an export document or a baseline), in the baseline's grammar and in the
 * generated outputs. A plain `{}` lost such an item (`__proto__` set the prototype) or
 * invented one (`constructor` answered with `Object`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/engine.js';
import { CheckContext } from '../../src/check/context.js';
import { sideFromBaseline } from '../../src/check/side/from-baseline.js';
import { exportProblems, sideFromExport } from '../../src/check/side/from-export.js';
import { loadSide } from '../../src/check/side/load.js';
import { emptySide, type AbiSide } from '../../src/check/side/types.js';
import { parseFact, positionalCount } from '../../src/emit/baseline/names.js';
import { exportAbi, type ExportDocument } from '../../src/export/abi-json.js';
import { renderAll } from '../../src/generate/index.js';
import { loadAbi } from '../../src/load/index.js';
import { NEWEST_RELEASE } from '../../src/model/releases.js';
import { dict } from '../../src/names/dict.js';
import { atRelease } from '../../src/select/release.js';

const ROOT = new URL('../fixtures/hostile-names/', import.meta.url).pathname;
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

const own = (table: object) => Object.getOwnPropertyNames(table).sort();

let rendered: ReturnType<typeof renderAll> | undefined;
/** Every output of the fixture, rendered once (the TypeScript package type-checked). */
const outputs = () => (rendered ??= renderAll(ROOT, undefined, NEWEST_RELEASE, { typecheck: true }));

async function hostileExport(): Promise<ExportDocument> {
  const { model } = await loadAbi(join(ROOT, 'abi'), ROOT);
  // Through JSON text, as `xenabi export` prints it and `check --base` reads it.
  return JSON.parse(JSON.stringify(exportAbi(atRelease(model, '4.22')))) as ExportDocument;
}

/** A base export holding one item of each kind under `name`, valid by the export schema. */
function exportNaming(name: string): ExportDocument {
  const item = { namespace: 'stable', module: 'm', since: '4.17' } as const;
  const layout = { size: 4, align: 4, fields: [{ name, offset: 0, size: 4, type: 'uint32_t' }] };
  const doc = {
    format: 'xenabi-abi/1',
    xenVersion: '4.22',
    namespace: 'stable',
    includes: ['aliases', 'sets', 'modules', name],
    records: { [name]: { kind: 'struct', ...item, layouts: { x86_64: layout } } },
    constants: { [name]: { value: '7', ...item } },
    aliases: { [name]: { type: 'uint32_t', ...item } },
    sets: { [name]: { kind: 'values', ...item, values: [name] } },
    modules: { m: { namespace: 'stable', xenHeader: 'm.h' } },
  };
  // Through JSON text, as `check --base` reads it (the computed keys above are own keys, `__proto__` too).
  return JSON.parse(JSON.stringify(doc)) as ExportDocument;
}

describe('names that Object.prototype has', () => {
  it('are all in the export, each with its own data', async () => {
    const doc = await hostileExport();
    expect(own(doc.constants)).toEqual(['__lookupGetter__', '__proto__', 'constructor', 'propertyIsEnumerable']);
    expect(doc.constants.__proto__).toMatchObject({ value: '1', module: 'names' });
    expect(doc.constants.constructor).toMatchObject({ value: '2', module: 'names' });
    expect(own(doc.records)).toEqual(['hasOwnProperty', 'valueOf']);
    expect(doc.records.valueOf?.layouts.x86_64?.fields.map((f) => f.name)).toEqual(['hasOwnProperty', 'toString', 'valueOf', '__defineSetter__', 'handle']);
    expect(doc.records.hasOwnProperty?.layouts.x86_64?.fields.map((f) => f.name)).toEqual(['isPrototypeOf', '__lookupSetter__']);
    expect(own(doc.aliases ?? {})).toEqual(['toString']);
    expect(own(doc.sets ?? {})).toEqual(['__defineGetter__', 'toLocaleString']);
  });

  it.each(HOSTILE)('%s: a base export naming a record, constant, typedef and set so is read, and their removal reported', (name) => {
    const doc = exportNaming(name);
    expect(exportProblems(doc)).toEqual([]);
    const base = sideFromExport(doc, 'base.json');
    expect(own(base.records)).toEqual([name]);
    expect(own(base.constants)).toEqual([name]);
    expect(own(base.aliases)).toEqual([name]);
    expect(own(base.sets)).toEqual([name]);
    // `includes` naming a key of Object.prototype is no capability.
    expect(base.has).toEqual(['aliases', 'modules', 'sets']);
    const head = emptySide('export', 'head.json', '4.22', base.has, ['stable']);
    head.modules.m = { name: 'm', namespace: 'stable' };
    const removed = checkAbi(base, head).findings.map((f) => `${f.rule} ${f.item}`).sort();
    expect(removed).toEqual([`CONSTANT_REMOVED ${name}`, `RECORD_REMOVED ${name}`, `TYPEDEF_REMOVED ${name}`]);
    const added = checkAbi(head, base).findings.map((f) => `${f.rule} ${f.item}`).sort();
    expect(added).toEqual([`CONSTANT_ADDED ${name}`, `RECORD_ADDED ${name}`, `TYPEDEF_ADDED ${name}`]);
    expect(checkAbi(base, sideFromExport(exportNaming(name), 'same.json')).findings).toEqual([]);
  });

  it('compare equal to themselves from every kind of side, and removed ones are reported', async () => {
    const doc = await hostileExport();
    const dir = mkdtempSync(join(tmpdir(), 'xenabi-hostile-'));
    const file = join(dir, 'base.json');
    writeFileSync(file, JSON.stringify(doc));
    const fromAbi = await loadSide({ kind: 'abi', dir: join(ROOT, 'abi'), repoRoot: ROOT });
    const fromExport = await loadSide({ kind: 'export', file });
    expect(checkAbi(fromExport, fromAbi).findings).toEqual([]);
    const { files } = await outputs();
    const baseline = files.find((f) => f.path === 'abi/baseline/stable.abi.md');
    const fromBaseline = sideFromBaseline([{ path: 'abi/baseline/stable.abi.md', text: baseline?.content ?? '' }]);
    expect(checkAbi(fromBaseline, fromAbi).findings).toEqual([]);
    const emptied: AbiSide = { ...fromExport, records: dict(), constants: dict() };
    const gone = checkAbi(fromBaseline, emptied).findings.map((f) => `${f.rule} ${f.item}`);
    expect(gone).toEqual(expect.arrayContaining(['CONSTANT_REMOVED __proto__', 'CONSTANT_REMOVED constructor', 'RECORD_REMOVED valueOf', 'RECORD_REMOVED hasOwnProperty']));
  });

  it('generate C that compiles, and TypeScript that type-checks, with every item in its tables', async () => {
    const { files } = await outputs();
    const text = (path: string) => files.find((f) => f.path === path)?.content ?? '';
    const availability = text('packages/ts-bindings/src/availability.ts');
    expect(availability).toContain("  ['__proto__']: { since: '4.17' },");
    expect(availability).toContain("  'constructor': { since: '4.17' },");
    expect(availability).toMatch(/Object.hasOwn\(AVAILABILITY, item\)[^\n]*\n *throw new RangeError/);
    // A handle to the typedef `toString` points to that typedef, not to Object's method.
    expect(text('packages/rust-bindings/src/types.rs')).toContain('pub fn new(ptr: *mut toString) -> Self');
    const include = mkdtempSync(join(tmpdir(), 'xenabi-hostile-c-'));
    for (const f of files.filter((f) => f.path.startsWith('packages/c-headers/include/'))) {
      const path = join(include, f.path.slice('packages/c-headers/include/'.length));
      execFileSync('mkdir', ['-p', join(path, '..')]);
      writeFileSync(path, f.content);
    }
    execFileSync('gcc', ['-fsyntax-only', '-Werror', '-I', include, '-x', 'c', '-'], { input: '#include <xenabi/stable/names.h>\n' });
  });
});

describe('the tables the checker and the baseline look names up in', () => {
  it('answer a name Object.prototype has with nothing', () => {
    const ctx = new CheckContext(emptySide('export', 'b', '4.22', [], ['stable']), emptySide('export', 'h', '4.22', [], ['stable']));
    for (const name of HOSTILE) expect(ctx.resolve('base', name)).toBe(name);
    for (const name of HOSTILE) expect(positionalCount(name)).toBe(0);
    const fact = parseFact('record constructor struct __proto__=1 toString since=4.17');
    expect(own(fact.keys)).toEqual(['__proto__', 'since', 'toString']);
    expect(Object.getPrototypeOf(fact.keys)).toBe(null);
  });
});
