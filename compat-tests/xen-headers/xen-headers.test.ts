/**
 * Xen's own headers (libxen-dev, Xen 4.17) must reproduce every number of xenabi's layout
 * engine for the model as Xen 4.17 has it: sizes, alignments, member offsets and sizes of
 * every covered record, and every covered constant, on x86_64, x86_32, arm64 and arm32.
 * The unstable domctl records are included (Xen's domctl.h needs __XEN_TOOLS__).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { atRelease } from '../../generators/src/select/release.js';
import { loadRepoModel, REPO_ROOT } from '../lib/c-headers.js';
import { CLANG, gate, INSTALLED_XEN_RELEASE, missingPrerequisites } from '../lib/toolchain.js';
import { checkArch, probe } from './diagnose.js';
import { mismatchTable, xenChecks } from './xen-checks.js';

const BUILD = join(REPO_ROOT, 'compat-tests/xen-headers/build');
const prerequisites = gate(missingPrerequisites([CLANG], true));

describe(`xenabi at Xen ${INSTALLED_XEN_RELEASE} against Xen's headers in /usr/include/xen`, () => {
  it('has clang and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('agree on every record layout and constant, on all four architectures', async () => {
    const model = atRelease(await loadRepoModel(), INSTALLED_XEN_RELEASE);
    const outcomes = await Promise.all(ARCHES.map((arch) => checkArch(xenChecks(model, arch), INSTALLED_XEN_RELEASE, BUILD)));
    for (const o of outcomes) {
      const c = o.set.counts;
      console.log(`${o.set.arch}: ${o.set.checks.length} checks (${c.records} records, ${c.members} members, ${c.constants} constants): ${o.ok ? 'ok' : 'FAILED'}`);
    }
    const rows = outcomes.flatMap((o) => o.mismatches);
    const unexplained = outcomes.filter((o) => o.unexplained).map((o) => `${o.set.arch}:\n${o.unexplained}`);
    const report = [rows.length ? `xenabi and Xen ${INSTALLED_XEN_RELEASE} disagree:\n${mismatchTable(rows)}` : '', ...unexplained].filter(Boolean).join('\n\n');
    expect(report, report).toBe('');
  });

  it.skipIf(prerequisites.skip)('prints Xen\'s numbers when a check fails', async () => {
    const model = atRelease(await loadRepoModel(), INSTALLED_XEN_RELEASE);
    const set = xenChecks(model, 'x86_64');
    const record = set.checks.findIndex((c) => c.what === 'size');
    const wrong = { ...set, checks: set.checks.map((c, i) => (i === record ? { ...c, expected: c.expected + 1n } : c)) };
    wrong.checks.push({ item: 'xenabi_no_such_constant', field: '', what: 'value', expr: 'XENABI_NO_SUCH_CONSTANT', expected: 1n });
    const outcome = await checkArch(wrong, INSTALLED_XEN_RELEASE, join(BUILD, 'self-test'));
    const target = set.checks[record];
    expect(outcome.ok).toBe(false);
    expect(outcome.mismatches).toEqual([
      { item: target?.item, field: '(size)', arch: 'x86_64', ours: String((target?.expected ?? 0n) + 1n), xen: String(target?.expected) },
      { item: 'xenabi_no_such_constant', field: '(value)', arch: 'x86_64', ours: '1', xen: 'absent' },
    ]);
    expect(mismatchTable(outcome.mismatches)).toContain("| Xen's");
  });

  it.skipIf(prerequisites.skip)('reads back, from the assembly of every target, the numbers the compiler confirmed', async () => {
    const model = atRelease(await loadRepoModel(), INSTALLED_XEN_RELEASE);
    for (const arch of ARCHES) {
      const set = xenChecks(model, arch);
      const outcome = await checkArch(set, INSTALLED_XEN_RELEASE, join(BUILD, 'self-test'));
      const probed = await probe(set, INSTALLED_XEN_RELEASE, join(BUILD, 'self-test', arch));
      expect(probed.error).toBe('');
      expect(probed.values).toHaveLength(set.checks.length);
      if (outcome.ok) expect(probed.values?.map(String)).toEqual(set.checks.map((c) => String(BigInt.asUintN(64, c.expected))));
    }
  });
});
