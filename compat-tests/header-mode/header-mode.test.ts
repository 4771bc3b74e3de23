/**
 * `xenabi check` on Xen's own C headers (Debian's libxen-dev, Xen 4.17): every public header
 * compiled with clang on four architectures, read into the checker's form with the registry's
 * knowledge, and checked with the same rules; in a Xen-style git checkout, `--xen-tree .
 * --against REF` compares the working tree's headers with a revision's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi, sideFromLoadedModel } from '../../generators/src/check/index.js';
import { loadHeaderSide } from '../../generators/src/check/side/headers.js';
import type { AbiSide } from '../../generators/src/check/side/types.js';
import type { CliIo } from '../../generators/src/cli/io.js';
import { main } from '../../generators/src/cli/main.js';
import { ARCHES } from '../../generators/src/model/arch.js';
import type { AbiModel } from '../../generators/src/model/types.js';
import { loadRepoModel, REPO_ROOT } from '../lib/c-headers.js';
import { CLANG, gate, INSTALLED_XEN_RELEASE, missingPrerequisites, XEN_INCLUDE } from '../lib/toolchain.js';

const prerequisites = gate(missingPrerequisites([CLANG], true));
const CACHE = mkdtempSync(join(tmpdir(), 'xenabi-header-cache-'));
let registry: AbiModel;
let side: AbiSide;

async function run(argv: string[], cwd: string) {
  let out = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (out += t), cwd, isTty: false };
  return { code: await main(argv, io), out };
}

beforeAll(async () => {
  if (prerequisites.skip) return;
  registry = await loadRepoModel();
  side = await loadHeaderSide({ kind: 'headers', dir: XEN_INCLUDE }, { cwd: REPO_ROOT, release: INSTALLED_XEN_RELEASE, registry, cache: CACHE });
});


/** Members of Xen 4.17's records the registry leaves out at 4.17, each for a reason given where it is used. */
const NOT_DECLARED_AT_4_17 = new Set(['xen_sysctl.u.cpu_policy']);
describe(`xenabi check on Xen ${INSTALLED_XEN_RELEASE}'s headers in ${XEN_INCLUDE}`, () => {
  it('has clang and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('reads every public header on four architectures, placing items the registry knows as it does', () => {
    console.log(`${Object.keys(side.records).length} records, ${Object.keys(side.aliases).length} typedefs, ${Object.keys(side.constants).length} constants, ${Object.keys(side.modules).length} modules`);
    expect(Object.keys(side.records).length).toBeGreaterThan(500);
    expect(Object.keys(side.constants).length).toBeGreaterThan(1500);
    expect(side.records.xen_dm_op).toMatchObject({ namespace: 'stable', module: 'dm_op', loc: { file: `${relative(REPO_ROOT, XEN_INCLUDE)}/hvm/dm_op.h` } });
    expect(side.records.xen_domctl_createdomain).toMatchObject({ namespace: 'unstable', module: 'domctl' });
    expect(side.modules.sysctl).toMatchObject({ namespace: 'unstable', interfaceVersion: 'XEN_SYSCTL_INTERFACE_VERSION' });
    expect(side.records.vcpu_runstate_info).toMatchObject({ namespace: 'stable', module: 'vcpu' });
    for (const arch of ARCHES) expect(side.records.xen_dm_op?.layouts[arch], arch).toMatchObject({ size: 32, align: 8 });
    expect(side.sets.XEN_DMOP?.ops?.length).toBe(20);
    // Macros that are no constant where the compile takes them: empty under C99, a type name.
    // clang numbers such a probe itself; neither is a constant.
    for (const name of ['XEN_FLEX_ARRAY_DIM', 'uint64_aligned_t']) expect(side.constants[name], name).toBeUndefined();
    // String macros are read as the text the compile gives them, per architecture where it differs.
    expect(side.constants.HVM_XS_BIOS).toMatchObject({ value: 'hvmloader/bios', string: true, namespace: 'stable', module: 'hvm_xs_strings' });
    expect(side.constants.XS_WRITE_CREATE_EXCL).toMatchObject({ value: 'CREATE|EXCL', string: true, module: 'xs_wire' });
    // x86 spells the printf length of xen_pfn_t as a string; Arm names <inttypes.h>'s macro, which is no string macro of the tree.
    expect(side.constants.PRI_xen_pfn).toMatchObject({ value: 'lx', string: true, archs: ['x86_32', 'x86_64'] });
    expect(side.constants.XEN_IO_PROTO_ABI_NATIVE).toMatchObject({ string: true, values: { x86_32: 'x86_32-abi', x86_64: 'x86_64-abi', arm32: 'arm-abi', arm64: 'arm-abi' } });
    // The registry's function-like macros, read from the headers' text (a call of another expanded).
    expect(Object.keys(side.macros)).toHaveLength(8);
    expect(side.macros.XENMEMF_exact_node).toMatchObject({ params: ['n'], body: '((n + 1) << 8) | XENMEMF_exact_node_request', module: 'memory', namespace: 'stable' });
  });

  it.skipIf(prerequisites.skip)("agrees with the registry on every record and constant it declares for Xen 4.17, and finds nothing between a tree and itself", () => {
    const ours = sideFromLoadedModel(registry, { release: INSTALLED_XEN_RELEASE });
    const differ: string[] = [];
    // Linux's device interface is not in Xen's headers: compat-tests/linux-headers proves it against Linux's.
    const xens = <T extends { namespace?: string }>(items: Record<string, T>) => Object.entries(items).filter(([, item]) => item.namespace !== 'linux');
    expect(xens(ours.records).length).toBeGreaterThan(80);
    // A ring's page head (blkif_sring) leaves its entries out: Xen 4.17 declares them as ring[1],
    // which sizeof counts; verify and compat-tests/rings prove where the entries go.
    const ringHeads = new Set(registry.records.filter((r) => r.ring).map((r) => r.name));
    for (const [name, r] of xens(ours.records)) {
      if (ringHeads.has(name.split('.')[0] ?? '')) continue;
      for (const arch of ARCHES) {
        const mine = r.layouts[arch];
        // start_info.ts declares the PVH records on every arch for loaders on any host; header mode
        // compiles Xen's arch-x86/ headers on x86 only, so on Arm there is nothing to compare.
        if (arch.startsWith('arm') && registry.modules.find((m) => m.name === r.module)?.xenHeader?.startsWith('arch-x86/')) continue;
        const xen = side.records[name]?.layouts[arch];
        // One anonymous struct declaring two members (`struct { … } get_variable, set_variable;`)
        // is one record in header mode, named after the first; the second member's offset and
        // size are compared in the parent, and verify compiles its members.
        const dot = name.lastIndexOf('.');
        if (!xen && dot > 0 && side.records[name.slice(0, dot)]?.layouts[arch]?.fields.some((f) => f.name === name.slice(dot + 1))) continue;
        // GNU C gives an empty struct (Arm's arch_vcpu_info) size 0; the registry leaves such a member out on that arch.
        // Xen's anonymous unions of one register's names (cpu_user_regs, vcpu_guest_core_regs) are one
        // member in the registry, under the union's first name, which every build of Xen's header has.
        const shown = (f: NonNullable<typeof xen>['fields'][number]) => (f.name === '' && f.record ? (side.records[f.record]?.layouts[arch]?.fields[0]?.name ?? '') : f.name);
        // sysctl.ts declares xen_sysctl_cpu_policy from 4.18 only: Xen renamed its handles in the
        // 4.17.2 point release, so Xen 4.17.0 and Debian's 4.17 disagree, and the union lacks it at 4.17.
        const declared = (f: NonNullable<typeof xen>['fields'][number]) => !NOT_DECLARED_AT_4_17.has(`${name}.${f.name}`);
        const members = (l: NonNullable<typeof xen>) => l.fields.filter((f) => f.size !== 0 && declared(f)).map((f) => `${shown(f)}@${f.offset}:${f.size}`).join();
        // A partial module may leave members of a union out (domctl's xen_domctl.u lacks the three
        // payloads it does not declare yet): each member it has must be Xen's, at Xen's offset and size.
        const partial = registry.modules.find((m) => m.name === r.module)?.coverage === 'partial' && registry.records.find((x) => x.name === name)?.kind === 'union';
        const agree = (a: NonNullable<typeof xen>, b: NonNullable<typeof xen>) => (partial ? members(a).split(',').every((m) => members(b).split(',').includes(m)) : members(a) === members(b));
        if (mine && (mine.size !== xen?.size || mine.align !== xen.align || !agree(mine, xen))) differ.push(`${name} ${arch}`);
      }
    }
    for (const [name, c] of xens(ours.constants)) if (c.value !== undefined && side.constants[name]?.value !== c.value && side.constants[name]?.values === undefined) differ.push(name);
    expect(differ).toEqual([]);
    expect(checkAbi(side, side).findings).toEqual([]);
    // Xen's macros compute what the registry's do, evaluated with each side's own constants.
    expect(checkAbi(ours, side).findings.filter((f) => f.rule.startsWith('MACRO_'))).toEqual([]);
  });

  it.skipIf(prerequisites.skip)('in a Xen checkout, --xen-tree . --against REF reports a renumbered op of the working tree, located in its header', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'xenabi-xen-tree-'));
    const pub = join(repo, 'xen/include/public');
    cpSync(XEN_INCLUDE, pub, { recursive: true, filter: (src) => !/\/(foreign|sys)$|\/(privcmd|evtchn|gntdev|gntalloc)\.h$/.test(src) });
    writeFileSync(join(repo, 'xen/Makefile'), 'export XEN_VERSION       = 4\nexport XEN_SUBVERSION    = 17\n');
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'Xen 4.17 headers');
    const header = join(pub, 'hvm/dm_op.h');
    writeFileSync(header, readFileSync(header, 'utf8').replace(/(#define XEN_DMOP_nr_vcpus\s+)20/, '$121'));
    process.env.XENABI_CACHE_DIR = CACHE;
    const result = await run(['check', '--xen-tree', '.', '--against', 'HEAD', '--format', 'github', '--registry', join(REPO_ROOT, 'abi')], repo);
    delete process.env.XENABI_CACHE_DIR;
    expect(result.code, result.out).toBe(1);
    expect(result.out).toMatch(/^::error file=xen\/include\/public\/hvm\/dm_op\.h,line=\d+,col=\d+,title=OP_RENUMBERED XEN_DMOP_nr_vcpus::/m);
    expect(result.out.match(/^::error /gm)).toHaveLength(1);
  });
});
