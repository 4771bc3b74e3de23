/**
 * Checker 2: the same C program built against Xen's real headers (Debian's libxen-dev, Xen
 * 4.17, with `-D__XEN_TOOLS__ -include stdint.h`), for the records and members Xen 4.17 has
 * at the same place (the model at 4.17 says which), on all four architectures.
 */
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { gate, INSTALLED_XEN_RELEASE, missingPrerequisites } from '../lib/toolchain.js';
import { casesInRelease, checkSide, toolsFor, type Excluded } from './c-check.js';
import { casesOf, counts, loadHistory, newestModel, type Case } from './catalog.js';
import { mismatchTable } from './report.js';

const prerequisites = gate(missingPrerequisites(ARCHES.flatMap(toolsFor), true));

describe(`shared vectors: C with Xen ${INSTALLED_XEN_RELEASE}'s headers`, () => {
  it('has gcc, the cross compilers, qemu-user and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(`builds every vector Xen ${INSTALLED_XEN_RELEASE} can hold to the same bytes on all four architectures`, async () => {
    const [model, history] = [await newestModel(), await loadHistory()];
    const perArch = new Map<(typeof ARCHES)[number], Case[]>();
    const excluded: Excluded[] = [];
    for (const arch of ARCHES) {
      const subset = casesInRelease(history, INSTALLED_XEN_RELEASE, arch, casesOf(model, arch));
      perArch.set(arch, subset.kept);
      excluded.push(...subset.excluded);
    }
    const outcomes = await checkSide('xen', model, perArch);
    for (const o of outcomes) {
      const n = counts(o.cases);
      console.log(`C Xen ${INSTALLED_XEN_RELEASE} ${o.arch} (${o.runner || 'not run'}): ${n.records} records, ${n.vectors} vectors, ${o.bytes} bytes compared: ${o.error || o.mismatches.length ? 'FAILED' : 'ok'}`);
    }
    for (const e of excluded) console.log(`  not checked against Xen ${INSTALLED_XEN_RELEASE} on ${e.arch}: ${e.record} (${e.reason})`);
    const errors = outcomes.filter((o) => o.error).map((o) => `${o.arch}:\n${o.error}`);
    const rows = outcomes.flatMap((o) => o.mismatches);
    const report = [...errors, rows.length ? `Xen ${INSTALLED_XEN_RELEASE}'s headers give other bytes:\n${mismatchTable(rows)}` : ''].filter(Boolean).join('\n\n');
    expect(report, report).toBe('');
    expect(outcomes.every((o) => o.cases.length > 0)).toBe(true);
  });
});
