/**
 * The mutation proof of header mode, on Xen's own headers (Debian's libxen-dev, Xen 4.17): the
 * stable headers the registry declares, with what they include, mutated mechanically — a
 * `#define` given another value or removed, a member renamed, removed, widened, made signed,
 * an array or bit-field resized, two members swapped; and, as controls, a value respelled, a
 * comment, a new constant, a new record. Every break must be an error on its target, every
 * control must raise nothing. A sample with every kind runs here; bench/headers-vs-abidiff.ts
 * runs them all beside abidiff.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRepoModel, REPO_ROOT } from '../lib/c-headers.js';
import { CLANG, gate, missingPrerequisites, XEN_INCLUDE } from '../lib/toolchain.js';
import { headerMutations, sample, type HeaderMutation } from './lib/mutations.js';
import { runHeaderMutations, visibility, type MutationRun } from './lib/run.js';
import { registryTree } from './lib/tree.js';

const prerequisites = gate(missingPrerequisites([CLANG], true));
/** Mutations per kind here: enough to see every kind work, few enough for CI. */
const PER_KIND = 2;
let all: HeaderMutation[];
let run: MutationRun;

beforeAll(async () => {
  if (prerequisites.skip) return;
  const registry = await loadRepoModel();
  const files = registryTree(XEN_INCLUDE, registry);
  const stable = new Set(registry.modules.filter((m) => m.namespace === 'stable').map((m) => m.xenHeader));
  all = headerMutations(files, stable);
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-header-mutants-'));
  run = await runHeaderMutations(files, sample(all, PER_KIND), registry, { dir, repoRoot: REPO_ROOT, cache: join(dir, 'cache') });
}, 600_000);

describe("xenabi check on mutants of Xen 4.17's stable headers", () => {
  it('has clang and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('generates every kind of mutation from the real header lines', () => {
    const kinds = [...new Set(all.map((m) => m.kind))].sort();
    expect(kinds).toEqual(['add.define', 'add.struct', 'comment', 'define.remove', 'define.respell', 'define.value', 'field.array-longer', 'field.bits-narrower', 'field.remove', 'field.rename', 'field.signedness', 'field.swap', 'field.widen']);
    expect(all.length).toBeGreaterThan(500);
  });

  it.skipIf(prerequisites.skip)('leaves out only the edits of lines in branches the compile does not take', () => {
    // vcpu_time_info's layout for guests asking for an interface version up to 4.6 (header
    // mode compiles the newest). XEN_FLEX_ARRAY_DIM's other branches are no edit of a constant:
    // the compile takes its empty C99 definition.
    const untaken = all.filter((m) => visibility(m, run.base) === 'untaken line').map((m) => m.id);
    expect(untaken.sort()).toEqual(['field.array-longer:xen.h:670', 'field.remove:xen.h:670', 'field.signedness:xen.h:670', 'field.widen:xen.h:670']);
    expect(all.filter((m) => m.target === 'XEN_FLEX_ARRAY_DIM').map((m) => visibility(m, run.base))).toEqual(['not stable', 'not stable', 'not stable', 'not stable']);
  });

  it.skipIf(prerequisites.skip)('catches every breaking mutation as an error on its target, and raises nothing on the controls', () => {
    const byKind = new Map<string, { n: number; ok: number }>();
    for (const v of run.verdicts) {
      const k = byKind.get(v.mutation.kind) ?? { n: 0, ok: 0 };
      byKind.set(v.mutation.kind, { n: k.n + 1, ok: k.ok + (v.ok ? 1 : 0) });
    }
    console.log([...byKind].sort().map(([k, c]) => `${k}: ${c.ok}/${c.n}`).join('\n'));
    const failed = run.verdicts.filter((v) => !v.ok).map((v) => `${v.mutation.id} (${v.mutation.description}, ${v.mutation.verdict}): ${v.evidence.join('; ') || 'no finding'}`);
    expect(failed).toEqual([]);
    expect(new Set(run.verdicts.map((v) => v.mutation.kind)).size).toBe(13);
    expect(run.verdicts.filter((v) => v.mutation.verdict === 'compatible').length).toBe(8);
  });
});
