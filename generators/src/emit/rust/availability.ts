/**
 * When an item can be used, as the crate states it: the cargo feature that declares it
 * (`xen-4-15`), its first release as data (`SINCE` on records, the `since` module of each ABI
 * module), and the settings beyond the release it needs (`GATES` on records, the `gates`
 * module). The data is declared with its module even when an item's own feature is off, like
 * C's `XENABI_SINCE_` macros, so a program can compare it with the release it runs on. Also
 * the release facts of the README and `lib.rs`, and `tests/availability.rs`.
 */
import { ARCHES } from '../../model/arch.js';
import { existsIn } from '../../model/releases.js';
import type { Arch, ConstantDecl, Gate, ModuleDecl, Namespace, RecordDecl } from '../../model/types.js';
import type { TestLine } from './checks.js';
import { itemArchs, moduleArchs, modulePresence, recordArchs, type RustContext } from './context.js';
import { allOf, archPredicate, code, docParagraphs, featureName, featurePredicate, ident, linuxReleaseLiteral, recordName, releaseLiteral, stringLiteral, TARGET_ARCH } from './names.js';
import { releasePredicate, releaseSpan } from './releases.js';

/** Whether declaring something of `namespace` since `release` takes a feature: stable items newer than the oldest release. */
export function needsFeature(ctx: RustContext, namespace: Namespace, release: string): boolean {
  return namespace === 'stable' && release !== ctx.releases.known[0];
}

/** `Since Xen 4.15: cargo feature `xen-4-15`.`, or `Since Xen 4.6.` when no feature is needed; `Since Linux 4.11.` for Linux's interface. */
export function sinceNote(ctx: RustContext, item: { namespace: Namespace; since: string; linuxSince?: string }): string {
  if (item.namespace === 'linux') return item.linuxSince ? `Since Linux ${item.linuxSince}.` : '';
  return `Since Xen ${item.since}${needsFeature(ctx, item.namespace, item.since) ? `: cargo feature ${code(featureName(item.since))}` : ''}.`;
}

/** `pub const SINCE: crate::XenRelease = crate::XenRelease::new(4, 15);` and `GATES` for a record's `impl`. */
export function recordConsts(ctx: RustContext, module: ModuleDecl, record: RecordDecl): { docs: string[]; line: string }[] {
  if (record.namespace === 'linux') {
    return record.linuxSince ? [{ docs: [`The first Linux release with this ${record.kind}.`], line: `pub const LINUX_SINCE: crate::LinuxRelease = ${linuxReleaseLiteral(record.linuxSince, 'crate::')};` }] : [];
  }
  const feature = needsFeature(ctx, record.namespace, record.since) ? ` (cargo feature ${code(featureName(record.since))})` : '';
  const xenSince = ctx.narrowed.get(record.name);
  const since = {
    docs: [xenSince ? `The first Xen release the crate declares this ${record.kind} for${feature}; Xen has it since ${xenSince}, laid out otherwise before.` : `The first Xen release with this ${record.kind}${feature}.`],
    line: `pub const SINCE: crate::XenRelease = ${releaseLiteral(record.since, 'crate::')};`,
  };
  if (itemGates(ctx, module, record).length === 0) return [since];
  return [
    since,
    {
      docs: ['What calls with it need beyond the release: how Xen was built or booted, or how the domain was created.'],
      line: `pub const GATES: &'static [crate::Gate] = gates::${recordName(record)};`,
    },
  ];
}

/** The gates an item needs in any release it is declared in: its module's and its own, each once. */
export function itemGates(ctx: RustContext, module: ModuleDecl, item: { namespace: Namespace; since: string; until?: string; gates?: Gate[] }): Gate[] {
  const releases = ctx.releases.itemReleases(item);
  const live = [...(module.gates ?? []), ...(item.gates ?? [])].filter((g) => releases.some((r) => existsIn(g, r)));
  return live.filter((g, i) => live.findIndex((x) => x.kind === g.kind && x.name === g.name) === i);
}

export interface ConstLine {
  docs: string[];
  line: string;
}

/** The `since` module: the first release of every item the module declares in the newest release. */
export interface SinceModuleView {
  docs: string[];
  /** The type of the entries: `XenRelease`, or `LinuxRelease` for Linux's interface. */
  release: 'XenRelease' | 'LinuxRelease';
  entries: ConstLine[];
}

export function sinceModule(ctx: RustContext, module: ModuleDecl): SinceModuleView | undefined {
  if (module.namespace === 'linux') return linuxSinceModule(ctx, module);
  const entries = moduleItems(ctx, module).map(({ rust, item }) => ({ docs: [], line: `pub const ${rust}: XenRelease = ${releaseLiteral(item.since)};` }));
  if (entries.length === 0) return undefined;
  return {
    docs: docParagraphs(
      'The first Xen release of each item of this module, declared even when the item\'s own feature is off, to compare with the release the hypervisor reports (`XenRelease::from_xenver_version`).',
      module.namespace === 'stable' ? 'The item itself is declared when the feature of that release is on (`xen-4-15` for 4.15).' : 'The module itself follows the newest release only.',
    ),
    release: 'XenRelease',
    entries,
  };
}

/** A linux module's `since` module: the Linux release of each item, to compare with the kernel's (`LinuxRelease::from_uname`). */
function linuxSinceModule(ctx: RustContext, module: ModuleDecl): SinceModuleView | undefined {
  const entries = moduleItems(ctx, module).flatMap(({ rust, item }) => (item.linuxSince ? [{ docs: [], line: `pub const ${rust}: LinuxRelease = ${linuxReleaseLiteral(item.linuxSince)};` }] : []));
  if (entries.length === 0) return undefined;
  return {
    docs: docParagraphs(
      'The first Linux release of each item of this module, to compare with the kernel the program runs on (`LinuxRelease::from_uname`): an older kernel refuses the ioctl (`ENOTTY`) or lacks the device. Xen releases do not change this interface, so no cargo feature selects its items.',
    ),
    release: 'LinuxRelease',
    entries,
  };
}

/** The `gates` module: every gate the module's items need, once, and per item the list it needs. */
export interface GatesModuleView {
  docs: string[];
  /** `const BUILD_CONFIG_ARGO: Gate = Gate {`, its field lines, `};`. */
  gates: { head: string; fields: string[] }[];
  /** `blank`: an empty line before it (the first, and around documented ones). */
  lists: (ConstLine & { blank: boolean })[];
}

export function gatesModule(ctx: RustContext, module: ModuleDecl): GatesModuleView | undefined {
  const items = [...moduleItems(ctx, module), ...inlineRecords(ctx, module)]
    .map(({ rust, item }) => ({ rust, gates: itemGates(ctx, module, item) }))
    .filter((i) => i.gates.length > 0);
  if (items.length === 0) return undefined;
  const names = new Map<Gate, string>();
  const taken = new Set<string>();
  const nameOf = (g: Gate): string => {
    for (const [known, n] of names) if (known.kind === g.kind && known.name === g.name) return n;
    const base = `${g.kind}_${g.name}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    let n = base;
    for (let i = 2; taken.has(n); i++) n = `${base}_${i}`;
    taken.add(n);
    names.set(g, n);
    return n;
  };
  const moduleList = (module.gates ?? []).map(nameOf);
  const lists = items.map(({ rust, gates }) => {
    const own = gates.map(nameOf);
    const same = moduleList.length > 0 && own.join(' ') === moduleList.join(' ');
    return { docs: [], line: `pub const ${rust}: &[Gate] = ${same ? 'MODULE' : `&[${own.join(', ')}]`};` };
  });
  return {
    docs: docParagraphs(
      'What the items of this module need beyond the release: how Xen was built (`GateKind::Build`, a Kconfig option) or booted (`GateKind::Boot`, a command-line option), or how the domain was created (`GateKind::Domain`, a creation flag). Without it a call fails even on a release that has the item.',
      'One list per item (records also have it as `GATES`), with every gate the item needs in any release; `Gate::applies_to` says whether one applies to the release Xen reports.',
    ),
    gates: [...names].map(([g, n]) => ({ head: `const ${n}: Gate = Gate {`, fields: gateFields(g) })),
    lists: [...(moduleList.length ? [{ docs: ['What every item of the module needs.'], line: `pub const MODULE: &[Gate] = &[${moduleList.join(', ')}];` }] : []), ...lists].map((l, i, all) => ({
      ...l,
      blank: i === 0 || l.docs.length > 0 || all[i - 1]!.docs.length > 0,
    })),
  };
}

/** The fields of a `Gate` literal, one per line. */
function gateFields(g: Gate): string[] {
  return [
    `kind: GateKind::${g.kind[0]!.toUpperCase()}${g.kind.slice(1)},`,
    `name: ${stringLiteral(g.name)},`,
    `since: ${releaseLiteral(g.since)},`,
    `until: ${g.until ? `Some(${releaseLiteral(g.until)})` : 'None'},`,
    `doc: ${stringLiteral(g.doc)},`,
  ];
}

type Item = { namespace: Namespace; since: string; until?: string; linuxSince?: string; gates?: Gate[] };

/**
 * The items of the module's order, by Rust name, each once: records, typedefs and constants;
 * then its function-like macros, which are not in the order (each language writes them after
 * the other items).
 */
function moduleItems(ctx: RustContext, module: ModuleDecl): { rust: string; item: Item }[] {
  const out = new Map<string, { rust: string; item: Item; what: string }>();
  const add = (found: { rust: string; item: Item; what: string } | undefined) => {
    if (!found) return;
    const other = out.get(found.rust);
    if (other && other.what !== found.what) throw new Error(`rust emitter: ${found.what} and ${other.what} would share ${found.rust} in ${module.name}::since`);
    out.set(found.rust, found);
  };
  for (const name of module.order) {
    const record = ctx.records.get(name);
    const alias = ctx.aliases.get(name);
    const constant = ctx.constants.get(name);
    add(
      record?.module === module.name && !record.parent
        ? { rust: recordName(record), item: record as Item, what: `record ${name}` }
        : alias?.module === module.name
          ? { rust: ident(alias.name), item: alias as Item, what: `typedef ${name}` }
          : constant?.module === module.name
            ? { rust: ident(constant.name), item: constant as Item, what: `constant ${name}` }
            : undefined,
    );
  }
  for (const m of ctx.model.macros ?? []) {
    if (m.module === module.name && m.namespace === module.namespace) add({ rust: ident(m.name), item: m, what: `macro ${m.name}` });
  }
  return [...out.values()];
}

/** The module's inline records, by Rust name (their `GATES` refer to the `gates` module too). */
function inlineRecords(ctx: RustContext, module: ModuleDecl): { rust: string; item: Item }[] {
  return ctx.model.records.filter((r) => r.module === module.name && r.parent).map((r) => ({ rust: recordName(r), item: r }));
}

// ---- the README and lib.rs ------------------------------------------------------------------

/** Comparing the release Xen reports with the first release of the newest stable constant of a module every feature set declares, when one came after the oldest. */
export function sinceExample(ctx: RustContext): string[] {
  const known = ctx.releases.known;
  const everywhere = (module: string) => {
    const where = modulePresence(ctx, ctx.modules.get(module)!);
    return where.size === ARCHES.length && [...where.values()].every((releases) => releases.length === known.length);
  };
  const late = ctx.model.constants.filter((c) => c.namespace === 'stable' && c.since !== known[0] && everywhere(c.module));
  const constant = late.reduce<ConstantDecl | undefined>((best, c) => (!best || known.indexOf(c.since) > known.indexOf(best.since) ? c : best), undefined);
  if (!constant) return [];
  const before = known[known.indexOf(constant.since) - 1]!;
  const [major, minor] = before.split('.').map(Number);
  const hex = `0x${((major! << 16) | minor!).toString(16).padStart(8, '0').replace(/^(.{4})/, '$1_')}`;
  return [
    'use xenabi::XenRelease;',
    `use xenabi::${constant.namespace}::${ident(constant.module)}::since;`,
    '',
    `// What XENVER_version returned: Xen ${before}, which predates ${constant.name}.`,
    `let running = XenRelease::from_xenver_version(${hex});`,
    `assert!(running < since::${ident(constant.name)});`,
  ];
}

/** A growable record and its size per run of releases, on x86_64 or its first architecture. */
export function growableSizes(ctx: RustContext, record: RecordDecl): string {
  const archs = recordArchs(ctx, record);
  const arch = archs.includes('x86_64') ? 'x86_64' : archs[0]!;
  const runs = ctx.releases.segments(record.name, ctx.releases.itemReleases(record));
  const sizes = runs.map((run) => `${ctx.releases.layouts(run.at(-1)!).get(arch)!.record(record.name).size} bytes for ${releaseSpan(run, ctx.releases.known)}`);
  return `${code(recordName(record))} is ${sizes.join(', ')} (on ${TARGET_ARCH[arch]}); its ${code(record.growable!.versionField)} says which members Xen wrote`;
}

/** `XEN_MIN_RELEASE`'s initialiser: the newest release whose feature is on. */
export function minReleaseLines(known: readonly string[]): string[] {
  const newestFirst = [...known].reverse();
  if (newestFirst.length === 1) return [`${releaseLiteral(newestFirst[0]!)};`];
  return newestFirst.flatMap((r, i) => {
    if (i === newestFirst.length - 1) return ['} else {', `    ${releaseLiteral(r)}`, '};'];
    return [`${i === 0 ? 'if' : '} else if'} cfg!(${featurePredicate(r)}) {`, `    ${releaseLiteral(r)}`];
  });
}

/** Stable items the history has that the newest release dropped, each once: `` `GNTMAP_can_fail` (`grant_table`, Xen 4.6 to 4.15) ``. */
export function removedItems(ctx: RustContext): string[] {
  const known = ctx.releases.known;
  const key = (i: { module: string; name: string }) => `${i.module}/${i.name}`;
  const alive = new Set([...ctx.model.records, ...ctx.model.aliases, ...ctx.model.constants].map(key));
  const removed = new Map<string, { name: string; module: string; releases: string[] }>();
  for (const i of [...ctx.releases.history.records, ...ctx.releases.history.aliases, ...ctx.releases.history.constants]) {
    const gone = i.namespace === 'stable' && !('parent' in i && i.parent) && i.until && known.includes(i.until) && !alive.has(key(i));
    if (gone && !removed.has(key(i))) removed.set(key(i), { name: i.name, module: i.module, releases: known.filter((r) => existsIn(i, r)) });
  }
  return [...removed.values()].map((i) => `${code(i.name)} (${code(i.module)}, ${releaseSpan(i.releases, [])})`);
}

// ---- tests/availability.rs ------------------------------------------------------------------

export interface AvailabilityTestsView {
  /** Assertions that `XEN_MIN_RELEASE` is the newest release whose feature is on. */
  features: string[];
  modules: { cfg: string; name: string; path: string; lines: TestLine[] }[];
}

/**
 * Per module, a line per item that needs it declared, under the feature of its `since` (read
 * from the model, not from the `cfg` the crate computed), and checks that its first release is
 * no later than `XEN_MIN_RELEASE`.
 */
export function availabilityTestsView(ctx: RustContext): AvailabilityTestsView {
  const known = ctx.releases.known;
  const modules = [...ctx.model.modules].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return {
    features: known.slice(1).map((r) => `assert_eq!(XEN_MIN_RELEASE >= ${releaseLiteral(r)}, cfg!(${featurePredicate(r)}), ${JSON.stringify(featureName(r))});`),
    modules: modules
      .map((m) => {
        const archs = moduleArchs(ctx, m.name);
        const moduleReleases = [...([...modulePresence(ctx, m).values()][0] ?? [])];
        const unstable = m.namespace === 'unstable';
        const itemCfg = (item: { since: string }, itemArchList: readonly Arch[]) => {
          const predicate = allOf([unstable || item.since === moduleReleases[0] ? '' : featurePredicate(item.since), itemArchList.length < archs.length ? archPredicate(itemArchList) : '']);
          return predicate ? `#[cfg(${predicate})]` : '';
        };
        const lines: TestLine[] = [];
        const seen = new Set<string>();
        for (const name of m.order) {
          if (seen.has(name)) continue;
          seen.add(name);
          const record = ctx.records.get(name);
          const alias = ctx.aliases.get(name);
          const constant = ctx.constants.get(name);
          if (m.namespace === 'linux') {
            if (record?.module === m.name && !record.parent) lines.push({ cfg: '', line: `assert!(${recordName(record)}::LINUX_SINCE == since::${recordName(record)});` });
            continue;
          }
          if (record?.module === m.name && !record.parent) {
            const r = recordName(record);
            lines.push({ cfg: itemCfg(record, recordArchs(ctx, record)), line: `assert!(${r}::SINCE <= XEN_MIN_RELEASE && ${r}::SINCE == since::${r});` });
          } else if (alias?.module === m.name) {
            lines.push({ cfg: itemCfg(alias, itemArchs(ctx, alias)), line: `assert!(since::${ident(alias.name)} <= XEN_MIN_RELEASE, "{}", size_of::<${ident(alias.name)}>());` });
          } else if (constant?.module === m.name) {
            lines.push({ cfg: itemCfg(constant, itemArchs(ctx, constant)), line: `assert!(since::${ident(constant.name)} <= XEN_MIN_RELEASE, "{}", ${ident(constant.name)});` });
          }
        }
        const predicate = allOf([releasePredicate(moduleReleases, known, known), archs.length < ARCHES.length ? archPredicate(archs) : '']);
        return { cfg: predicate ? `#[cfg(${predicate})]` : '', name: `${m.namespace}_${m.name}`, path: `xenabi::${m.namespace}::${ident(m.name)}`, lines };
      })
      .filter((m) => m.lines.length > 0),
  };
}

export { recordArchs };
