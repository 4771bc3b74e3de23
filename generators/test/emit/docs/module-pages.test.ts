/**
 * The docs emitter's module pages say whose header and whose layout rules a module follows:
 * Xen's (the `__XEN_TOOLS__` layout on x86_32) for stable and unstable modules, Linux's for
 * the linux namespace, whose headers have no such subtlety.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { docsEmitter } from '../../../src/emit/docs/index.js';
import { loadAbi } from '../../../src/load/index.js';
import { NEWEST_RELEASE } from '../../../src/model/releases.js';
import { atRelease } from '../../../src/select/release.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/ts-golden', import.meta.url));

describe('docs module pages', () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
    pages = new Map((await docsEmitter.emit(atRelease(model, NEWEST_RELEASE), { history: model })).map((f) => [f.path, f.content]));
  });

  const page = (namespace: string, module: string) => {
    const found = [...pages].find(([path]) => path.endsWith(`reference/${namespace}/${module}.md`));
    if (!found) throw new Error(`no page for ${namespace}/${module} among ${[...pages.keys()].join(', ')}`);
    return found[1];
  };

  it("give a Linux module Linux's header and layout rules, never Xen's x86_32 tools note", () => {
    const linux = page('linux', 'demodev');
    expect(linux).toMatch(/- Linux header: `xen\/demodev\.h`/);
    expect(linux).toMatch(/Layouts are the ones Linux's headers have in user space on each architecture/);
    expect(linux).not.toMatch(/__XEN_TOOLS__/);
  });

  it("give a stable module Xen's header and the __XEN_TOOLS__ note", () => {
    const stable = page('stable', 'widget');
    expect(stable).toMatch(/- Xen header: /);
    expect(stable).toMatch(/Layouts follow the `__XEN_TOOLS__` layout on x86_32/);
  });
});
