/**
 * The Rust emitter: the `xenabi` crate under `packages/rust-bindings/`. One module per ABI
 * module (`xenabi::stable::dm_op`), `xenabi::types` for the per-architecture integers and
 * guest handles, `xenabi::release` (`XenRelease`, `Gate`), the crate root, `Cargo.toml`, the
 * README (also the crate docs), `tests/layout.rs` and `tests/availability.rs`. Every record
 * asserts its layout, per architecture, with numbers from the layout engine. One cargo feature
 * per release (`xen-4-12`) selects the oldest Xen the program supports, so the emitter reads
 * the whole history (`context.history`), not only the release emitted.
 */
import type { ReleaseModel } from '../../select/release.js';
import type { EmitContext, Emitter, OutputFile } from '../emitter.js';
import { loadTemplates, templateDir, type Template } from '../templates.js';
import { PRECOMPILED } from './templates/precompiled.js';
import { rustContext } from './context.js';
import { CRATE_ROOT, modulePath, moduleFile } from './names.js';
import { opsTestView, type ArgOpsView, type OpsTestView } from './ops.js';
import type { SetTypeTestView } from './sets.js';
import { idsView } from './ids.js';
import { selectedTestView, type SelectedTestView } from './selected.js';
import { PresenceSet } from './releases.js';
import { RING_ORIGIN, ringFile } from './rings.js';
import { availabilityTestsView } from './availability.js';
import { crateView, layoutTestsView, moduleView, namespaceCfg, namespaceViews, typesView, type ModuleChecks, type ModuleView, type NamespaceView } from './view-model.js';
import type { ModuleDecl } from '../../model/types.js';
import { ident } from './names.js';

let templates: Record<string, Template> | undefined;

function template(name: string): Template {
  templates ??= loadTemplates(templateDir(import.meta.url), PRECOMPILED);
  const t = templates[name];
  if (!t) throw new Error(`rust emitter: no template ${name}.hbs`);
  return t;
}

const ALL_SOURCES = ['abi/'];

function rust(path: string, content: string, sources: string[] = ALL_SOURCES): OutputFile {
  return { path: `${CRATE_ROOT}/${path}`, content, sources, comment: 'line' };
}

export const rustEmitter: Emitter = {
  id: 'rust',
  emit(model: ReleaseModel, context?: EmitContext): OutputFile[] {
    const ctx = rustContext(model, context?.history);
    const checks: ModuleChecks[] = [];
    const bitfields = new PresenceSet();
    const namespaces = namespaceViews(ctx);
    const opsTests: OpsTestView[] = [];
    const argOpsTests: ArgOpsTestView[] = [];
    const taggedTests: SelectedTestView[] = [];
    const setTests: SetTypeTestView[] = [];
    const byteValued: ByteValuedTestView[] = [];
    const famTests: (ByteValuedTestView & { counted: boolean })[] = [];
    const modules = model.modules.map((m): OutputFile => {
      const { view, checks: moduleChecks } = moduleView(ctx, m);
      checks.push(moduleChecks);
      opsTests.push(...typedOpsTests(m, view.items, namespaces));
      argOpsTests.push(...argOpsTestsOf(m, view.items, namespaces));
      taggedTests.push(...selectedTestsOf(m, view.items, namespaces, namespaceCfg(ctx, m.namespace)));
      setTests.push(...setTypeTestsOf(m, view.items, namespaces, namespaceCfg(ctx, m.namespace)));
      byteValued.push(...byteValuedTestsOf(m, view.items, namespaces, namespaceCfg(ctx, m.namespace)));
      famTests.push(...famTestsOf(m, view.items, namespaces, namespaceCfg(ctx, m.namespace)));
      for (const i of view.items) for (const impl of i.record?.accessorImpls ?? []) for (const [a, releases] of impl.where) bitfields.add([a], releases);
      return { path: moduleFile(m.namespace, m.name), content: template('module.rs')(view), sources: [m.loc.file], comment: 'line' };
    });
    const namespaceFiles = namespaces.map((n) => rust(`src/${n.namespace}/mod.rs`, template('mod.rs')(n)));
    const types = typesView(ctx);
    const ids = idsView(ctx);
    const crate = crateView(ctx, bitfields.empty ? undefined : bitfields.presence(ctx.releases.known), context?.versions?.rust);
    return [
      { path: `${CRATE_ROOT}/Cargo.toml`, content: template('Cargo.toml')(crate), sources: ALL_SOURCES, comment: 'hash' },
      { path: `${CRATE_ROOT}/README.md`, content: template('README.md')(crate), sources: ALL_SOURCES, comment: 'markdown' },
      rust('src/lib.rs', template('lib.rs')(crate)),
      ...(bitfields.empty ? [] : [rust('src/bitfield.rs', template('bitfield.rs')({}))]),
      ...(crate.hasRings ? [rust('src/ring.rs', ringFile(ctx), ['abi/', RING_ORIGIN])] : []),
      rust('src/release.rs', template('release.rs')(crate)),
      rust('src/tagged.rs', template('tagged.rs')({})),
      rust('src/fam.rs', template('fam.rs')({})),
      rust('src/types.rs', template('types.rs')(types.view)),
      rust('src/ids.rs', template('ids.rs')(ids)),
      ...namespaceFiles,
      ...modules,
      ...(opsTests.length || argOpsTests.length ? [rust('tests/ops.rs', template('ops.rs')({ sets: opsTests, argSets: argOpsTests }))] : []),
      ...(taggedTests.length ? [rust('tests/tagged.rs', template('tagged.test.rs')({ records: taggedTests }))] : []),
      ...(setTests.length ? [rust('tests/sets.rs', template('sets.rs')({ sets: setTests }))] : []),
      ...(byteValued.length ? [rust('tests/vm_memory.rs', template('vm_memory.rs')({ records: byteValued }))] : []),
      ...(famTests.length ? [rust('tests/fam.rs', template('fam.test.rs')({ records: famTests }))] : []),
      rust('tests/availability.rs', template('availability.rs')(availabilityTestsView(ctx))),
      rust('tests/ids.rs', template('ids.test.rs')(ids)),
      rust('tests/layout.rs', template('layout.rs')(layoutTestsView(ctx, checks, types.checks))),
    ];
  },
};

/** The `tests/ops.rs` entries of one module: each record with a typed op layer, under the `cfg`s of its namespace, module and own. */
function typedOpsTests(m: ModuleDecl, items: ModuleView['items'], namespaces: NamespaceView[]): OpsTestView[] {
  const moduleCfg = namespaces.find((n) => n.namespace === m.namespace)?.modules.find((x) => x.name === ident(m.name))?.cfg ?? '';
  return items.flatMap((item) => {
    const record = item.record;
    if (!record?.typedOps) return [];
    const testModule = `${m.namespace}_${m.name}_${record.name}`;
    return [opsTestView(modulePath(m.namespace, m.name), testModule, [moduleCfg, record.cfg], record.typedOps)];
  });
}

/** The `tests/tagged.rs` entries of one module: each record with a typed form (`selected.ts`). */
function selectedTestsOf(m: ModuleDecl, items: ModuleView['items'], namespaces: NamespaceView[], namespaceCfg: string): SelectedTestView[] {
  const moduleCfg = namespaces.find((n) => n.namespace === m.namespace)?.modules.find((x) => x.name === ident(m.name))?.cfg ?? '';
  return items.flatMap((item) => {
    const record = item.record;
    if (!record?.selected) return [];
    return [selectedTestView(modulePath(m.namespace, m.name), `${m.namespace}_${m.name}_${record.name}`, [namespaceCfg, moduleCfg, record.cfg], record.selected)];
  });
}

interface ArgOpsTestView {
  cfgs: string[];
  testModule: string;
  path: string;
  ops: ArgOpsView;
}

/** The `tests/ops.rs` entries of the op sets of one module whose op number travels apart from the record. */
function argOpsTestsOf(m: ModuleDecl, items: ModuleView['items'], namespaces: NamespaceView[]): ArgOpsTestView[] {
  const moduleCfg = namespaces.find((n) => n.namespace === m.namespace)?.modules.find((x) => x.name === ident(m.name))?.cfg ?? '';
  return items.flatMap((item) => {
    if (!item.argOps) return [];
    const path = modulePath(m.namespace, m.name).replace(/^crate::/, 'xenabi::');
    return [{ cfgs: [moduleCfg, item.argOps.cfg].filter(Boolean), testModule: `${m.namespace}_${m.name}_${item.argOps.setName.toLowerCase()}`, path, ops: item.argOps }];
  });
}

/** The `tests/sets.rs` entries of one module: each value or flag set with a type of its own. */
function setTypeTestsOf(m: ModuleDecl, items: ModuleView['items'], namespaces: NamespaceView[], namespaceCfg: string): SetTypeTestView[] {
  const moduleCfg = namespaces.find((n) => n.namespace === m.namespace)?.modules.find((x) => x.name === ident(m.name))?.cfg ?? '';
  return items.flatMap((item) => {
    if (!item.setType) return [];
    const path = modulePath(m.namespace, m.name).replace(/^crate::/, 'xenabi::');
    return [{ cfgs: [namespaceCfg, moduleCfg, item.setType.cfg].filter(Boolean), testName: `${m.namespace}_${m.name}_${item.setType.setName.toLowerCase()}`.replace(/_+/g, '_'), path, type: item.setType }];
  });
}

interface ByteValuedTestView {
  cfgs: string[];
  path: string;
  name: string;
}

/** The `tests/vm_memory.rs` entries of one module: each record that is `ByteValued`, under its `cfg`s. */
/** The `tests/fam.rs` entries of one module: each record that is a `FamStruct`, and whether it counts its elements. */
function famTestsOf(m: ModuleDecl, items: ModuleView['items'], namespaces: NamespaceView[], namespaceCfg: string): (ByteValuedTestView & { counted: boolean })[] {
  const moduleCfg = namespaces.find((n) => n.namespace === m.namespace)?.modules.find((x) => x.name === ident(m.name))?.cfg ?? '';
  const path = modulePath(m.namespace, m.name).replace(/^crate::/, 'xenabi::');
  return items.flatMap((item) => {
    const record = item.record;
    if (!record?.fam) return [];
    return [{ cfgs: [namespaceCfg, moduleCfg, record.cfg].filter(Boolean), path: `${path}::${record.name}`, name: record.name, counted: !!record.fam.count }];
  });
}

function byteValuedTestsOf(m: ModuleDecl, items: ModuleView['items'], namespaces: NamespaceView[], namespaceCfg: string): ByteValuedTestView[] {
  const moduleCfg = namespaces.find((n) => n.namespace === m.namespace)?.modules.find((x) => x.name === ident(m.name))?.cfg ?? '';
  const path = modulePath(m.namespace, m.name).replace(/^crate::/, 'xenabi::');
  return items.flatMap((item) => {
    const record = item.record;
    if (!record?.byteValued) return [];
    return [{ cfgs: [namespaceCfg, moduleCfg, record.cfg].filter(Boolean), path: `${path}::${record.name}`, name: record.name }];
  });
}
