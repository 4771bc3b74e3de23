/**
 * The package as consumers see it: the exports map names every namespace and module, every
 * entry resolves, the sources use no Node-only API, and the examples of the README work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDmOp, encodeDmOp, xen_dm_op, xen_dm_op_ioreq_server_range, XEN_DMOP_IO_RANGE_MEMORY } from '@xenabi/ts-bindings/stable/dm_op';
import { unstable } from '@xenabi/ts-bindings';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; dependencies?: object };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('@xenabi/ts-bindings', () => {
  it('has no runtime dependencies', () => {
    expect(pkg.dependencies).toBeUndefined();
  });

  it('exports the root, every namespace and every module', () => {
    const modules = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'internal')
      .flatMap((ns) => [`./${ns.name}`, ...readdirSync(join(ROOT, 'src', ns.name)).filter((f) => f !== 'index.ts').map((f) => `./${ns.name}/${f.replace(/\.ts$/, '')}`)]);
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './availability', './package.json', ...modules].sort());
  });

  it.each(Object.keys(pkg.exports).filter((k) => k !== './package.json'))('resolves %s', async (entry) => {
    const mod = (await import(`@xenabi/ts-bindings${entry.slice(1)}`)) as object;
    expect(mod).toBeTypeOf("object");
  });

  it('uses no Node-only API in its sources', () => {
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from 'node:|require\(|\bBuffer\b|\bprocess\./);
    }
  });

  it('encodes and decodes a dm_op as the README shows', () => {
    const bytes = encodeDmOp({ op: 'map_io_range_to_ioreq_server', id: 1, type: XEN_DMOP_IO_RANGE_MEMORY, start: 0xf0000000n, end: 0xf0ffffffn }, { arch: 'x86_64' });
    expect(bytes.length).toBe(xen_dm_op.size('x86_64'));
    expect(decodeDmOp(bytes, { arch: 'x86_64', strict: true })).toEqual({ op: 'map_io_range_to_ioreq_server', id: 1, type: 1, start: 0xf0000000n, end: 0xf0ffffffn });
    const range = xen_dm_op_ioreq_server_range.view(bytes, { arch: 'x86_64', offset: 8 });
    range.end = 0xf0000fffn;
    expect(range.endAsNumber).toBe(0xf0000fff);
    expect(() => (range.id = 70000)).toThrow(new RangeError('xen_dm_op_ioreq_server_range.id: 70000 is not an integer from 0 to 65535 (uint16_t)'));
    bytes[4] = 1;
    expect(() => decodeDmOp(bytes, { arch: 'x86_64', strict: true })).toThrow(/xen_dm_op.pad: padding is not zero/);
  });

  it('keeps unstable modules under `unstable`', () => {
    expect(unstable.xen_domctl_createdomain.name).toBe('xen_domctl_createdomain');
  });
});
