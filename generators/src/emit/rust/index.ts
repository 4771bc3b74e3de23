/**
 * The Rust emitter: the `xenabi` crate under `packages/rust-bindings/`. One module per ABI
 * module (`xenabi::stable::dm_op`), `xenabi::types` for the per-architecture integers and
 * guest handles, the crate root, `Cargo.toml`, the README (also the crate docs) and
 * `tests/layout.rs`. Every record asserts its layout, per architecture, with numbers from the
 * layout engine.
 */
import type { Arch } from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';
import type { Emitter, OutputFile } from '../emitter.js';
import { loadTemplates, templateDir, type Template } from '../templates.js';
import type { Check } from './checks.js';
import { rustContext } from './context.js';
import { CRATE_ROOT, moduleFile } from './names.js';
import { crateView, layoutTestsView, moduleView, namespaceViews, typesView, type ModuleChecks } from './view-model.js';

let templates: Record<string, Template> | undefined;

function template(name: string): Template {
  templates ??= loadTemplates(templateDir(import.meta.url));
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
  emit(model: ReleaseModel): OutputFile[] {
    const ctx = rustContext(model);
    const checks: ModuleChecks[] = [];
    let hasBitfields = false;
    const modules = model.modules.map((m): OutputFile => {
      const { view, checks: moduleChecks } = moduleView(ctx, m);
      checks.push(moduleChecks);
      hasBitfields ||= view.items.some((i) => (i.record?.accessorImpls.length ?? 0) > 0);
      return { path: moduleFile(m.namespace, m.name), content: template('module.rs')(view), sources: [m.loc.file], comment: 'line' };
    });
    const namespaces = namespaceViews(ctx).map((n) => rust(`src/${n.namespace}/mod.rs`, template('mod.rs')(n)));
    const types = typesView(ctx);
    const crate = crateView(ctx, hasBitfields);
    const typeChecks: Map<Arch, Check[]> = types.checks;
    return [
      { path: `${CRATE_ROOT}/Cargo.toml`, content: template('Cargo.toml')(crate), sources: ALL_SOURCES, comment: 'hash' },
      { path: `${CRATE_ROOT}/README.md`, content: template('README.md')(crate), sources: ALL_SOURCES, comment: 'markdown' },
      rust('src/lib.rs', template('lib.rs')(crate)),
      ...(hasBitfields ? [rust('src/bitfield.rs', template('bitfield.rs')({}))] : []),
      rust('src/types.rs', template('types.rs')(types.view)),
      ...namespaces,
      ...modules,
      rust('tests/layout.rs', template('layout.rs')(layoutTestsView(checks, typeChecks))),
    ];
  },
};
