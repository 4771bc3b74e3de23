/**
 * Checker 1: the C program built from xenabi's generated headers (packages/c-headers) for each
 * architecture — gcc for x86_64, i686-linux-gnu-gcc, and aarch64/armhf cross GCC run under
 * qemu-user — fills every record member by member and must print each vector's bytes.
 */
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { gate, missingPrerequisites } from '../lib/toolchain.js';
import { checkSide, toolsFor } from './c-check.js';
import { casesOf, counts, newestModel } from './catalog.js';
import { mismatchTable } from './report.js';

const prerequisites = gate(missingPrerequisites(ARCHES.flatMap(toolsFor)));

describe("shared vectors: C with xenabi's headers", () => {
  it('has gcc, the cross compilers and qemu-user', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('builds every vector member by member to its bytes on all four architectures', async () => {
    const model = await newestModel();
    const outcomes = await checkSide('xenabi', model, new Map(ARCHES.map((a) => [a, casesOf(model, a)])));
    for (const o of outcomes) {
      const n = counts(o.cases);
      console.log(`C xenabi ${o.arch} (${o.runner || 'not run'}): ${n.records} records, ${n.vectors} vectors, ${o.bytes} bytes compared: ${o.error || o.mismatches.length ? 'FAILED' : 'ok'}`);
    }
    const errors = outcomes.filter((o) => o.error).map((o) => `${o.arch}:\n${o.error}`);
    const rows = outcomes.flatMap((o) => o.mismatches);
    const report = [...errors, rows.length ? `bytes differ from the vectors:\n${mismatchTable(rows)}` : ''].filter(Boolean).join('\n\n');
    expect(report, report).toBe('');
  });
});
