/**
 * The proof for `xenabi check`: every applicable mutation of the stable ABI at the newest
 * release (lib/generate.ts), each run through the checker against the unmutated ABI. Every
 * breaking mutation must be reported as an error under its expected rule, and no compatible
 * one may raise an error (or, unless it is padding given meaning, a warning). The counts by
 * mutation kind are printed; misses and false alarms are listed when the test fails.
 *
 * The checks are independent, so they run in one process per core (shard.ts, bundled with
 * esbuild into build/ with the sources it imports; the model is handed over as JSON).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi, type Finding } from '../../generators/src/check/index.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import type { AbiModel } from '../../generators/src/model/types.js';
import { atRelease } from '../../generators/src/select/release.js';
import type { View } from './lib/edit.js';
import { ALL_KINDS, generateMutations, perKindFromEnv, selectMutations } from './lib/generate.js';
import { judge, sideOfView } from './lib/judge.js';
import { BUILD_DIR, REPO_ROOT, SHARD_ENTRY } from './lib/paths.js';
import type { ShardResult } from './lib/shard.js';
import type { Mutation } from './lib/types.js';

let view: View;
let every: Mutation[];
let mutations: Mutation[];
let results: Map<string, ShardResult>;
let seconds = 0;

const SHARD_BUNDLE = join(BUILD_DIR, 'shard.mjs');
const MODEL_FILE = join(BUILD_DIR, 'model.json');

/** The shard entry and the sources it imports, as one ES module (packages stay external, found in node_modules). */
async function bundleShard(): Promise<void> {
  mkdirSync(BUILD_DIR, { recursive: true });
  await build({ entryPoints: [SHARD_ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: SHARD_BUNDLE, logLevel: 'error' });
}

function runShardProcess(index: number, count: number): Promise<ShardResult[]> {
  return new Promise((resolve, reject) => {
    // A larger young generation: a shard allocates a side per mutant, and scavenges dominate otherwise.
    const argv = ['--max-semi-space-size=32', SHARD_BUNDLE, MODEL_FILE, String(index), String(count)];
    const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ShardResult[]) : reject(new Error(`shard ${index}/${count} exited ${code}:\n${err}`))));
  });
}

beforeAll(async () => {
  // Only Xen's ABI is mutated; Linux's interface, which nothing of Xen's refers to, would only slow every check.
  const model = withoutLinux((await loadAbi(`${REPO_ROOT}/abi`, REPO_ROOT)).model);
  view = atRelease(model, NEWEST_RELEASE);
  every = (await generateYielding(view)).flat();
  mutations = selectMutations(every);
  const started = performance.now();
  await bundleShard();
  writeFileSync(MODEL_FILE, JSON.stringify(model));
  const count = Math.max(1, Math.min(4, availableParallelism()));
  const shards = await Promise.all(Array.from({ length: count }, (_, i) => runShardProcess(i, count)));
  seconds = (performance.now() - started) / 1000;
  results = new Map(shards.flat().map((r) => [r.id, r]));
  // A guard against a hung shard, not a speed check: the machine running it may be shared.
}, 900_000);

/** Lets the event loop run, so the worker stays responsive in long synchronous work. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Every mutation, generated a kind at a time (each by `generateMutations`, in its order),
 * yielding between kinds: generating all 29,000 in one synchronous call took past the 60 s in
 * which vitest's worker must answer its runner on a machine at load average 30-45. The ids are
 * unique across kinds too: the first test asserts it.
 */
async function generateYielding(of: View): Promise<Mutation[][]> {
  const lists: Mutation[][] = [];
  for (const kind of ALL_KINDS) {
    lists.push(generateMutations(of, [kind]));
    await tick();
  }
  return lists;
}

function withoutLinux(model: AbiModel): AbiModel {
  const xen = <T extends { namespace: string }>(items: T[]) => items.filter((i) => i.namespace !== 'linux');
  return { ...model, modules: xen(model.modules), records: xen(model.records), aliases: xen(model.aliases), constants: xen(model.constants), sets: xen(model.sets) };
}

interface Row {
  kind: string;
  total: number;
  breaking: number;
  caught: number;
  review: number;
  warned: number;
  compatible: number;
  clean: number;
}

function table(rows: Row[]): string {
  const head = ['kind', 'total', 'breaking', 'caught', 'review', 'warned', 'compatible', 'clean'];
  const lines = [head, ...rows.map((r) => [r.kind, r.total, r.breaking, r.caught, r.review, r.warned, r.compatible, r.clean].map(String))];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => (l[i] as string).length)));
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')).join('\n');
}

describe('xenabi check against every mutation of the stable ABI', () => {
  it('generates every mutation mechanically and deterministically, each kind at least once', async () => {
    const lists = await generateYielding(view);
    const again = selectMutations(lists.flat()).map((m) => `${m.id} ${m.verdict} ${JSON.stringify(m.expect)}`);
    expect(again).toEqual(mutations.map((m) => `${m.id} ${m.verdict} ${JSON.stringify(m.expect)}`));
    expect(new Set(every.map((m) => m.id)).size).toBe(every.length);
    await tick();
    const kinds = lists.map((list) => list.length);
    expect(kinds.every((n) => n > 0)).toBe(true);
    // The selection keeps every kind, and all of a kind that has no more than the budget.
    const perKind = perKindFromEnv();
    for (const kind of new Set(every.map((m) => m.kind))) {
      const all = every.filter((m) => m.kind === kind).length;
      const kept = mutations.filter((m) => m.kind === kind).length;
      expect(kept, kind).toBe(perKind === 'all' ? all : Math.min(all, perKind));
    }
    // Mutations never modify the view they are applied to: checked on the selection, which has
    // every kind (and all of each kind under XENABI_MUTATIONS=all). Each apply copies the view,
    // about 3 ms, so all 29,000 would take 90 s; the loop yields now and then, as vitest's
    // worker must answer its runner within 60 s.
    const before = JSON.stringify(view);
    for (const [i, m] of mutations.entries()) {
      m.apply(view);
      if (i % 100 === 99) await tick();
    }
    expect(JSON.stringify(view)).toBe(before);
  }, 600_000);

  it('has sound controls: the unmutated ABI checks clean, and the judge rejects misses and false alarms', () => {
    expect(checkAbi(sideOfView(view, 'base'), sideOfView(view, 'head')).findings).toEqual([]);
    const breakingOne = mutations.find((m) => m.verdict === 'breaking') as Mutation;
    const compatibleOne = mutations.find((m) => m.verdict === 'compatible' && m.expect.length) as Mutation;
    const expected = breakingOne.expect[0] as { rule: string; item?: string };
    const error = { rule: expected.rule, item: expected.item ?? 'x', severity: 'error' } as Finding;
    expect(judge(breakingOne, []).ok).toBe(false);
    expect(judge(breakingOne, [{ ...error, severity: 'warning' }]).ok).toBe(false);
    expect(judge(breakingOne, [error]).ok).toBe(breakingOne.expect.length === 1);
    const note = { rule: compatibleOne.expect[0]?.rule, item: compatibleOne.expect[0]?.item ?? 'x', severity: 'note' } as Finding;
    expect(judge(compatibleOne, [note]).ok).toBe(true);
    expect(judge(compatibleOne, []).ok).toBe(false);
    expect(judge(compatibleOne, [note, error]).ok).toBe(false);
    expect(judge(compatibleOne, [note, { ...error, severity: 'warning' }]).ok).toBe(false);
    expect(judge(compatibleOne, [note, { ...error, waived: { reason: 'accepted' } }]).ok).toBe(true);
  });

  it('catches every breaking mutation under its rule and raises no alarm on a compatible one', () => {
    const rows = new Map<string, Row>();
    const failures: string[] = [];
    for (const m of mutations) {
      const r = results.get(m.id);
      const row = rows.get(m.kind) ?? { kind: m.kind, total: 0, breaking: 0, caught: 0, review: 0, warned: 0, compatible: 0, clean: 0 };
      row.total++;
      row[m.verdict === 'breaking' ? 'breaking' : m.verdict]++;
      if (r?.ok) row[m.verdict === 'breaking' ? 'caught' : m.verdict === 'review' ? 'warned' : 'clean']++;
      else failures.push(`${m.id} (${m.verdict}): ${r?.problem ?? 'not run'}${r?.reported.length ? `; reported ${r.reported.join(', ')}` : ''}${m.why ? ` [${m.why}]` : ''}`);
      rows.set(m.kind, row);
    }
    const all = [...rows.values()];
    const sum = (k: keyof Omit<Row, 'kind'>) => all.reduce((n, r) => n + r[k], 0);
    const total: Row = { kind: 'all', total: sum('total'), breaking: sum('breaking'), caught: sum('caught'), review: sum('review'), warned: sum('warned'), compatible: sum('compatible'), clean: sum('clean') };
    console.log(
      `${table([...all, total])}\n\n${total.total} of ${every.length} mutations of the stable ABI at Xen ${NEWEST_RELEASE} (XENABI_MUTATIONS=${process.env.XENABI_MUTATIONS || 'unset'}): ${total.caught}/${total.breaking} breaking caught under the expected rule, ` +
        `${total.warned}/${total.review} padding-given-meaning warned (no error), ${total.clean}/${total.compatible} compatible clean; ` +
        `${results.size} checks in ${seconds.toFixed(1)} s on ${Math.max(1, Math.min(4, availableParallelism()))} process(es)`,
    );
    expect(failures, `misses and false alarms:\n${failures.join('\n')}`).toEqual([]);
    expect(results.size).toBe(mutations.length);
  });
});
