/**
 * `xenabi import` on Xen's own headers (Debian's libxen-dev, Xen 4.17), with a fixture
 * proposal added the way a patch would add it: the never-merged per-domain opt-in to FIFO
 * event channels, a creation flag of domctl.h. The draft of domctl.h must carry the new flag
 * in its flag set, declare what it needs from other headers, type-check and load with xenabi
 * (validation passes included) as it is: only its docs are left to a person.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../generators/src/cli/io.js';
import { main } from '../../generators/src/cli/main.js';
import { locateHeaderTree } from '../../generators/src/headers/tree.js';
import { importHeaders, type ImportResult } from '../../generators/src/import/index.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { REPO_ROOT } from '../lib/c-headers.js';
import { CLANG, gate, INSTALLED_XEN_RELEASE, missingPrerequisites, XEN_INCLUDE } from '../lib/toolchain.js';

const prerequisites = gate(missingPrerequisites([CLANG], true));
const BUILD = join(REPO_ROOT, 'compat-tests/import/build');
const TREE = join(BUILD, 'xen');
const DRAFT = join(BUILD, 'draft');

/** The fixture, in our words: a creation flag asking for FIFO event channels, after the last flag Xen 4.17 has. */
function addFifoOptIn(domctl: string): string {
  const last = /^#define XEN_DOMCTL_CDF_vpmu\b.*$/m;
  if (!last.test(domctl)) throw new Error('domctl.h has no XEN_DOMCTL_CDF_vpmu to add the fixture after');
  return domctl.replace(last, (line) => `${line}\n/* Fixture: the domain opts in to FIFO event channels. */\n#define _XEN_DOMCTL_CDF_evtchn_fifo 8\n#define XEN_DOMCTL_CDF_evtchn_fifo (1U << _XEN_DOMCTL_CDF_evtchn_fifo)`);
}

let result: ImportResult;

beforeAll(async () => {
  if (prerequisites.skip) return;
  rmSync(BUILD, { recursive: true, force: true });
  cpSync(XEN_INCLUDE, TREE, { recursive: true });
  writeFileSync(join(TREE, 'domctl.h'), addFifoOptIn(readFileSync(join(TREE, 'domctl.h'), 'utf8')));
  result = await importHeaders(locateHeaderTree(TREE), { headers: ['domctl.h'], release: INSTALLED_XEN_RELEASE, cache: false });
  for (const f of result.files) {
    mkdirSync(join(DRAFT, f.path, '..'), { recursive: true });
    writeFileSync(join(DRAFT, f.path), f.text);
  }
});

describe(`xenabi import of Xen ${INSTALLED_XEN_RELEASE}'s domctl.h with a proposed creation flag`, () => {
  it('has clang and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)('drafts the flag into the XEN_DOMCTL_CDF flag set, with its bit constant, in the unstable domctl module', () => {
    const domctl = result.files.find((f) => f.path === 'unstable/domctl.ts')?.text ?? '';
    expect(domctl).toContain("export const XEN_DOMCTL_CDF = flagSet('XEN_DOMCTL_CDF', {");
    expect(domctl).toContain("    flag('XEN_DOMCTL_CDF_vpmu', 7, { since: '4.17', doc: 'TODO' }),\n    flag('XEN_DOMCTL_CDF_evtchn_fifo', 8, { since: '4.17', bitConstant: '_XEN_DOMCTL_CDF_evtchn_fifo', doc: 'TODO' }),");
    expect(domctl).toContain('interfaceVersion: XEN_DOMCTL_INTERFACE_VERSION,');
    expect(domctl).toMatch(/xenOrigin: \[\{ header: 'xen\.h', guard: '__XEN_PUBLIC_XEN_H__', tools: true \}\]/);
    expect(result.problems).toEqual([]);
    expect(domctl).not.toMatch(/doc: '(?!TODO)/);
    expect(domctl).not.toContain('Fixture');
  });

  it.skipIf(prerequisites.skip)('type-checks and loads with xenabi as drafted: the new flag is in the model, at bit 8', async () => {
    writeFileSync(join(DRAFT, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.base.json', compilerOptions: { noEmit: true, customConditions: ['source'], allowImportingTsExtensions: true }, include: ['**/*.ts'] }));
    execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['-p', join(DRAFT, 'tsconfig.json')], { stdio: 'pipe' });
    const { model } = await loadAbi(DRAFT, BUILD);
    const set = model.sets.find((s) => s.name === 'XEN_DOMCTL_CDF');
    expect(set?.flags?.find((f) => f.mask === 'XEN_DOMCTL_CDF_evtchn_fifo')).toEqual({ mask: 'XEN_DOMCTL_CDF_evtchn_fifo', bit: 8, bitConstant: '_XEN_DOMCTL_CDF_evtchn_fifo' });
    expect(model.modules.find((m) => m.name === 'domctl')).toMatchObject({ namespace: 'unstable', xenHeader: 'domctl.h', interfaceVersion: { constant: 'XEN_DOMCTL_INTERFACE_VERSION' } });
    expect(model.records.length).toBeGreaterThan(50);
  });

  it.skipIf(prerequisites.skip)('is a command: it writes the drafts and says what it wrote; a header the tree lacks is bad input', async () => {
    let out = '';
    const io: CliIo = { out: (t) => (out += t), err: (t) => (out += t), cwd: BUILD, isTty: false };
    process.env.XENABI_CACHE_DIR = join(BUILD, 'cache');
    expect(await main(['import', '--xen-headers', 'xen', '--xen-version', '4.17', '--header', 'hvm/dm_op.h', '--out', 'cli'], io)).toBe(0);
    expect(out).toContain('wrote cli/stable/dm_op.ts');
    expect(readFileSync(join(BUILD, 'cli/stable/dm_op.ts'), 'utf8')).toContain("export const XEN_DMOP = opSet('XEN_DMOP', {");
    out = '';
    expect(await main(['import', '--xen-headers', 'xen', '--xen-version', '4.17', '--header', 'hvm/nothing.h'], io)).toBe(2);
    expect(out).toContain('xenabi import: xen has no hvm/nothing.h');
    delete process.env.XENABI_CACHE_DIR;
  });
});

describe(`xenabi import of Xen ${INSTALLED_XEN_RELEASE}'s vm_event.h`, () => {
  const VM_EVENT_DRAFT = join(BUILD, 'vm_event-draft');
  it.skipIf(prerequisites.skip)('drafts one unstable module versioned by VM_EVENT_INTERFACE_VERSION, with the sets the registry declares, that loads as drafted', async () => {
    const drafted = await importHeaders(locateHeaderTree(TREE), { headers: ['vm_event.h'], release: INSTALLED_XEN_RELEASE, cache: false });
    expect(drafted.files.map((f) => f.path)).toEqual(['unstable/vm_event.ts']);
    expect(drafted.problems).toEqual([]);
    for (const f of drafted.files) {
      mkdirSync(join(VM_EVENT_DRAFT, f.path, '..'), { recursive: true });
      writeFileSync(join(VM_EVENT_DRAFT, f.path), f.text);
    }
    const { model } = await loadAbi(VM_EVENT_DRAFT, BUILD);
    const registry = (await loadAbi(join(REPO_ROOT, 'abi'))).model;
    expect(model.modules.find((m) => m.name === 'vm_event')).toMatchObject({ namespace: 'unstable', interfaceVersion: { constant: 'VM_EVENT_INTERFACE_VERSION' } });
    // Every set the registry declares for vm_event.h, with the members Xen's 4.17 header has.
    const inRelease = new Set(model.constants.map((c) => c.name));
    const shape = (m: typeof model, name: string) => {
      const s = m.sets.find((x) => x.name === name);
      return { kind: s?.kind, members: [...(s?.flags?.map((f) => f.mask) ?? []), ...(s?.values ?? [])].filter((c) => inRelease.has(c)) };
    };
    const names = registry.sets.filter((s) => s.module === 'vm_event').map((s) => s.name);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(shape(model, name), name).toEqual(shape(registry, name));
  });
});
