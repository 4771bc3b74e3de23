/**
 * `xenabi verify` against Xen's own headers (libxen-dev, Xen 4.17): every record, member,
 * typedef and constant of the registry as Xen 4.17 has it must match what clang computes
 * from /usr/include/xen on x86_32, x86_64, arm32 and arm64, with __XEN_TOOLS__ (every item)
 * and without it (every stable item, in the guest's layout). A registry mutated on purpose
 * must be caught, under the rule that names each change and with Xen's own numbers.
 */
import { describe, expect, it } from 'vitest';
import { formatResult } from '../../generators/src/check/index.js';
import type { CliIo } from '../../generators/src/cli/io.js';
import { main } from '../../generators/src/cli/main.js';
import { locateHeaderTree } from '../../generators/src/headers/tree.js';
import type { AbiModel, ConstantDecl, RecordDecl } from '../../generators/src/model/types.js';
import { verifyHeaders } from '../../generators/src/verify/index.js';
import { loadRepoModel, REPO_ROOT } from '../lib/c-headers.js';
import { CLANG, gate, INSTALLED_XEN_RELEASE, missingPrerequisites, XEN_INCLUDE } from '../lib/toolchain.js';

const prerequisites = gate(missingPrerequisites([CLANG], true));

/** A deep copy of the model with `edit` applied to it. */
function mutated(model: AbiModel, edit: (m: AbiModel) => void): AbiModel {
  const copy = structuredClone(model);
  edit(copy);
  return copy;
}

const record = (m: AbiModel, name: string) => m.records.find((r) => r.name === name) as RecordDecl;
const constant = (m: AbiModel, name: string) => m.constants.find((c) => c.name === name) as ConstantDecl;

describe(`xenabi verify at Xen ${INSTALLED_XEN_RELEASE} against Xen's headers in ${XEN_INCLUDE}`, () => {
  it('has clang and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('agrees on every record, member, typedef and constant, on four architectures, with and without __XEN_TOOLS__', async () => {
    const result = await verifyHeaders(await loadRepoModel(), { tree: locateHeaderTree(XEN_INCLUDE), release: INSTALLED_XEN_RELEASE });
    console.log(result.notes.join('\n'));
    expect(result.runs.map((r) => `${r.arch} ${r.mode}`)).toEqual(['x86_32', 'x86_64', 'arm32', 'arm64'].flatMap((a) => [`${a} tools`, `${a} plain`]));
    for (const run of result.runs) {
      expect(run.observations.length, `${run.arch} ${run.mode}`).toBeGreaterThan(1000);
      expect(run.rejectedIncludes, `${run.arch} ${run.mode}`).toEqual([]);
    }
    expect(result.findings, formatResult(result, 'text', { command: 'xenabi verify' })).toEqual([]);
  });

  it.skipIf(prerequisites.skip)("reports a registry that disagrees, under each change's rule, with Xen's own numbers", async () => {
    const model = mutated(await loadRepoModel(), (m) => {
      constant(m, 'XEN_DMOP_nr_vcpus').value = '21';
      constant(m, 'EVTCHNOP_send').cType = 'unsigned long';
      const unbound = record(m, 'evtchn_alloc_unbound');
      unbound.fields = unbound.fields.map((f) => (f.name === 'remote_dom' ? { ...f, type: { kind: 'scalar', name: 'uint32_t' } } : f));
      const buf = record(m, 'buf_ioreq');
      buf.fields = buf.fields.map((f) => (f.name === 'addr' ? { ...f, bitWidth: 19 } : f));
      const range = record(m, 'xen_dm_op_ioreq_server_range');
      range.fields = range.fields.map((f) => (f.name === 'type' ? { ...f, type: { kind: 'scalar', name: 'int32_t' } } : f));
      record(m, 'evtchn_send').tag = 'evtchn_sent';
      record(m, 'xen_domctl_createdomain').namespace = 'stable';
    });
    const result = await verifyHeaders(model, { tree: locateHeaderTree(XEN_INCLUDE), release: INSTALLED_XEN_RELEASE });
    const shown = result.findings.map((f) => `${f.rule} ${f.item} [${f.archs.join(',')}] ${f.base} → ${f.head}`);
    const all = 'x86_32,x86_64,arm32,arm64';
    expect(shown).toEqual(
      expect.arrayContaining([
        `CONSTANT_VALUE_CHANGED XEN_DMOP_nr_vcpus [${all}] 21 → 20`,
        `CONSTANT_TYPE_CHANGED EVTCHNOP_send [${all}] unsigned long → int`,
        `FIELD_WIDTH_CHANGED evtchn_alloc_unbound.remote_dom [${all}] 4 → 2`,
        `FIELD_OFFSET_CHANGED evtchn_alloc_unbound.remote_dom [${all}] 4 → 2`,
        `FIELD_OFFSET_CHANGED evtchn_alloc_unbound.port [${all}] 8 → 4`,
        `RECORD_SIZE_CHANGED evtchn_alloc_unbound [${all}] 12 → 8`,
        `BITFIELD_CHANGED buf_ioreq.addr [${all}] bit 12, 19 wide → bit 12, 20 wide`,
        `FIELD_SIGNEDNESS_CHANGED xen_dm_op_ioreq_server_range.type [${all}] signed → unsigned`,
        `RECORD_REMOVED evtchn_send [${all}] declared → null`,
        `NAMESPACE_MOVED xen_domctl_createdomain [${all}] stable → tools only`,
      ]),
    );
    expect(result.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(result.summary.result).toBe('fail');
    const located = result.findings.find((f) => f.item === 'XEN_DMOP_nr_vcpus');
    expect(located?.loc.file).toBe('abi/stable/dm_op.ts');
    expect(located?.loc.line).toBeGreaterThan(0);
  });

  it.skipIf(prerequisites.skip)('exits 0 when the tree is the release named, 1 with findings in the format asked when it is not', async () => {
    const run = async (argv: string[]) => {
      let out = '';
      const io: CliIo = { out: (t) => (out += t), err: (t) => (out += t), cwd: REPO_ROOT, isTty: false };
      return { code: await main(argv, io), out };
    };
    const same = await run(['verify', '--xen-headers', XEN_INCLUDE, '--xen-version', INSTALLED_XEN_RELEASE, '--arch', 'x86_64', '--format', 'json']);
    expect(same.code, same.out).toBe(0);
    const doc = JSON.parse(same.out);
    expect(doc).toMatchObject({ format: 'xenabi-check/1', head: { origin: 'headers', label: XEN_INCLUDE, release: INSTALLED_XEN_RELEASE }, summary: { result: 'pass', errors: 0 } });
    const older = await run(['verify', '--xen-headers', XEN_INCLUDE, '--xen-version', '4.16', '--arch', 'arm64', '--format', 'github']);
    expect(older.code, older.out).toBe(1);
    expect(older.out).toMatch(/^::error file=abi\/unstable\/domctl\.ts,line=\d+/m);
    expect(older.out).toContain('xenabi verify: FAIL');
  });
});

