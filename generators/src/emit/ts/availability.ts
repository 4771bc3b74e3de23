/**
 * `src/availability.ts`: which Xen releases every item of the history exists in, and the
 * build, boot or domain settings (gates) it needs. Built from the whole model, not the
 * release the other files describe, so items Xen removed are listed too.
 */
import { XEN_RELEASES, compareReleases } from '../../model/releases.js';
import type { AbiModel, Gate, ModuleDecl, RecordDecl } from '../../model/types.js';
import { str } from './names.js';
import { doc, type TsFile } from './view-model.js';

export const AVAILABILITY_PATH = 'src/availability.ts';

/** The names the availability module exports (re-exported at the package root). */
export const AVAILABILITY_VALUES = ['XEN_RELEASES', 'AVAILABILITY', 'existsIn', 'existsInLinux', 'gatesOf'];
export const AVAILABILITY_TYPES = ['XenRelease', 'LinuxRelease', 'ItemName', 'ItemGate', 'ItemAvailability'];

interface Entry {
  since: string;
  until?: string;
  /** Runs of releases inside [since, until) that lack the item (Xen removed a name and later brought it back). */
  gaps: { since: string; until: string }[];
  linuxSince?: string;
  linuxUntil?: string;
  gates: Gate[];
}

/** Every item of the history with its lifetime and gates (the module's, the set's, the enclosing record's and its own). */
function entries(history: AbiModel): Map<string, Entry> {
  const modules = new Map<string, ModuleDecl>(history.modules.map((m) => [`${m.namespace}/${m.name}`, m]));
  const moduleGates = (item: { namespace: string; module: string }) => modules.get(`${item.namespace}/${item.module}`)?.gates ?? [];
  const records = new Map<string, RecordDecl>(history.records.map((r) => [r.name, r]));
  const recordGates = (r: RecordDecl): Gate[] => [...(r.parent && records.get(r.parent) ? recordGates(records.get(r.parent)!) : []), ...(r.gates ?? [])];
  const sets = new Map(history.sets.map((s) => [s.name, s]));
  const out = new Map<string, Entry>();
  // An item redeclared from a release on (a constant whose spelling changed) has back-to-back lifetimes: one entry spans them.
  // One Xen removed and later brought back has two runs: the entry spans both and lists the releases between as a gap.
  const add = (name: string, item: { since: string; until?: string; linuxSince?: string; linuxUntil?: string }, own: Gate[]) => {
    const before = out.get(name);
    let { since, until } = item;
    let gaps: Entry['gaps'] = [];
    // A typedef spelled per architecture has one spelling per architecture, each with the same lifetime.
    const sameLifetime = before && before.since === since && before.until === until;
    if (before && !sameLifetime) ({ since, until, gaps } = joinRuns(name, before, item));
    else if (before) gaps = before.gaps;
    const gates = [...(before?.gates ?? []), ...own];
    const unique = gates.filter((g, i) => gates.findIndex((x) => x.kind === g.kind && x.name === g.name) === i);
    const linux = { ...(item.linuxSince ? { linuxSince: item.linuxSince } : {}), ...(item.linuxUntil ? { linuxUntil: item.linuxUntil } : {}) };
    out.set(name, { since, ...(until ? { until } : {}), ...linux, gates: unique, gaps });
  };
  for (const r of history.records) add(r.name, r, [...moduleGates(r), ...recordGates(r)]);
  for (const a of history.aliases) add(a.name, a, [...moduleGates(a), ...(a.gates ?? [])]);
  for (const c of history.constants) add(c.name, c, [...moduleGates(c), ...((c.set && sets.get(c.set)?.gates) || []), ...(c.gates ?? [])]);
  for (const m of history.macros ?? []) add(m.name, m, moduleGates(m));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The span of an entry and one more run of the same name: back to back they merge; apart, the
 * releases between become a gap. Validation (`lifetime`) has already refused overlapping runs.
 */
function joinRuns(name: string, entry: Entry, run: { since: string; until?: string }): Pick<Entry, 'since' | 'until' | 'gaps'> {
  const runs = [...entryRuns(entry), { since: run.since, until: run.until }].sort((a, b) => compareReleases(a.since, b.since));
  const gaps: Entry['gaps'] = [];
  for (let i = 1; i < runs.length; i++) {
    const end = runs[i - 1]!.until;
    if (end === undefined || compareReleases(end, runs[i]!.since) > 0) throw new Error(`ts emitter: ${name} has overlapping lifetimes in the history`);
    if (end !== runs[i]!.since) gaps.push({ since: end, until: runs[i]!.since });
  }
  return { since: runs[0]!.since, until: runs.at(-1)!.until, gaps };
}

/** The runs of releases an entry stands for: its span without its gaps. */
function entryRuns(entry: Entry): { since: string; until?: string }[] {
  const runs: { since: string; until?: string }[] = [];
  let since = entry.since;
  for (const g of entry.gaps) {
    runs.push({ since, until: g.since });
    since = g.until;
  }
  runs.push({ since, until: entry.until });
  return runs;
}

function gateLiteral(g: Gate): string {
  const parts = [`kind: ${str(g.kind)}`, `name: ${str(g.name)}`, `since: ${str(g.since)}`, ...(g.until ? [`until: ${str(g.until)}`] : []), `doc: ${str(g.doc)}`];
  return `{ ${parts.join(', ')} }`;
}

function entryLiteral(name: string, e: Entry): string {
  const parts = [
    `since: ${str(e.since)}`,
    ...(e.until ? [`until: ${str(e.until)}`] : []),
    ...(e.linuxSince ? [`linuxSince: ${str(e.linuxSince)}`] : []),
    ...(e.linuxUntil ? [`linuxUntil: ${str(e.linuxUntil)}`] : []),
  ];
  if (e.gaps.length) parts.push(`gaps: [${e.gaps.map((g) => `{ since: ${str(g.since)}, until: ${str(g.until)} }`).join(', ')}]`);
  if (e.gates.length) parts.push(`gates: [${e.gates.map(gateLiteral).join(', ')}]`);
  // A quoted `'__proto__'` key would set the table's prototype; computed, it is a property.
  return `  ${name === '__proto__' ? `['__proto__']` : str(name)}: { ${parts.join(', ')} },`;
}

/** The availability module as view-model data. */
export function availabilityFile(history: AbiModel): TsFile {
  const table = entries(history);
  return {
    path: AVAILABILITY_PATH,
    sources: ['abi/'],
    header: 'Which Xen releases every item (record, typedef, constant, function-like macro) exists in, and the settings it needs.',
    imports: [],
    decls: [
      {
        kind: 'const',
        name: 'XEN_RELEASES',
        init: `[${XEN_RELEASES.map(str).join(', ')}] as const`,
        exported: true,
        doc: doc('The Xen releases xenabi knows, oldest first.'),
      },
      { kind: 'type', name: 'XenRelease', type: '(typeof XEN_RELEASES)[number]', doc: doc('A Xen release as `major.minor`, e.g. `4.15`.') },
      {
        kind: 'type',
        name: 'LinuxRelease',
        type: '`${number}.${number}` | `${number}.${number}.${number}`',
        doc: doc('A Linux release as `major.minor` (`2.6.N` before 3.0), e.g. `6.1`; a kernel release string\'s leading numbers (`6.1.0-37-amd64` is 6.1).'),
      },
      {
        kind: 'interface',
        name: 'ItemGate',
        props: [
          { name: 'kind', type: "'build' | 'boot' | 'domain'", readonly: true, doc: doc('`build`: a Kconfig option; `boot`: a command-line option; `domain`: a creation flag.') },
          { name: 'name', type: 'string', readonly: true, doc: doc('The setting as a user writes it (`CONFIG_ARGO`, `argo=1`).') },
          { name: 'since', type: 'XenRelease', readonly: true, doc: doc('First release the gate applies in.') },
          { name: 'until', type: 'XenRelease', optional: true, readonly: true, doc: doc('First release it no longer applies in.') },
          { name: 'doc', type: 'string', readonly: true, doc: doc('What the setting enables and what happens without it.') },
        ],
        methods: [],
        doc: doc('A build, boot or domain setting an item needs in order to work; it never changes a layout or a value.'),
      },
      {
        kind: 'interface',
        name: 'ItemAvailability',
        props: [
          { name: 'since', type: 'XenRelease', readonly: true, doc: doc('First release that has the item.') },
          { name: 'until', type: 'XenRelease', optional: true, readonly: true, doc: doc('First release that no longer has it; absent while it still exists.') },
          {
            name: 'gaps',
            type: 'readonly { readonly since: XenRelease; readonly until: XenRelease }[]',
            optional: true,
            readonly: true,
            doc: doc('Releases between `since` and `until` that lack the item, each run from `since` up to but not including `until`: Xen removed the name and later brought it back, maybe with another value or layout. Absent when there is none.'),
          },
          { name: 'gates', type: 'readonly ItemGate[]', optional: true, readonly: true, doc: doc('Settings the item needs, including its module\'s, set\'s and enclosing record\'s.') },
          {
            name: 'linuxSince',
            type: 'string',
            optional: true,
            readonly: true,
            doc: doc("For Linux's device interface (the `linux` namespace): the Linux release that added the item. Xen releases do not version such items, so `since` is then the oldest Xen release."),
          },
          { name: 'linuxUntil', type: 'string', optional: true, readonly: true, doc: doc('For the `linux` namespace: the first Linux release without the item.') },
        ],
        methods: [],
        doc: doc('The releases an item exists in, from `since` up to but not including `until` except its `gaps`, and its gates; for Linux\'s interface, also the Linux releases.'),
      },
      {
        kind: 'const',
        name: 'AVAILABILITY',
        init: `{\n${[...table].map(([name, e]) => entryLiteral(name, e)).join('\n')}\n} as const satisfies Readonly<Record<string, ItemAvailability>>`,
        exported: true,
        doc: doc('Every record (inline ones as `parent.member`), typedef, constant and function-like macro of every release, by Xen\'s name.'),
      },
      { kind: 'type', name: 'ItemName', type: 'keyof typeof AVAILABILITY', doc: doc('The name of a record, typedef, constant or function-like macro of any release.') },
      {
        kind: 'function',
        name: 'availabilityOf',
        params: [{ name: 'item', type: 'unknown' }],
        returnType: 'ItemAvailability',
        body: [
          // Own properties only: `toString` or `constructor` are no items, whatever the prototype has.
          "if (typeof item === 'string' && Object.hasOwn(AVAILABILITY, item)) return AVAILABILITY[item as ItemName];",
          "throw new RangeError(`xenabi availability: ${typeof item === 'string' ? JSON.stringify(item) : typeof item} is not a record, typedef or constant of any release`);",
        ],
        exported: false,
        doc: doc('The availability of `item`; a `RangeError` for a name no release has.'),
      },
      {
        kind: 'function',
        name: 'releaseIndex',
        params: [{ name: 'release', type: 'unknown' }],
        returnType: 'number',
        body: [
          'const at = XEN_RELEASES.indexOf(release as XenRelease);',
          "if (at < 0) throw new RangeError(`xenabi availability: ${typeof release === 'string' ? JSON.stringify(release) : typeof release} is not a Xen release xenabi knows (${XEN_RELEASES[0]} to ${XEN_RELEASES[XEN_RELEASES.length - 1]})`);",
          'return at;',
        ],
        exported: false,
        doc: doc('Where `release` is in `XEN_RELEASES`; a `RangeError` for one xenabi does not know.'),
      },
      {
        kind: 'function',
        name: 'existsIn',
        params: [
          { name: 'item', type: 'ItemName' },
          { name: 'release', type: 'XenRelease' },
        ],
        returnType: 'boolean',
        body: [
          'const a = availabilityOf(item);',
          'const at = releaseIndex(release);',
          'const within = (since: XenRelease, until?: XenRelease): boolean => at >= XEN_RELEASES.indexOf(since) && (until === undefined || at < XEN_RELEASES.indexOf(until));',
          'return within(a.since, a.until) && !(a.gaps ?? []).some((g) => within(g.since, g.until));',
        ],
        exported: true,
        doc: doc('Whether `item` exists in `release`; a `RangeError` for an item or release xenabi does not know.', [{ tag: 'example', text: "`existsIn('XEN_DMOP_nr_vcpus', '4.15') === true`" }]),
      },
      {
        kind: 'function',
        name: 'existsInLinux',
        params: [
          { name: 'item', type: 'ItemName' },
          { name: 'release', type: 'LinuxRelease | string' },
        ],
        returnType: 'boolean',
        body: [
          'const a: ItemAvailability = AVAILABILITY[item];',
          'const code = (r: string): number => { const [x = 0, y = 0, z = 0] = r.split(/[^0-9]/).map(Number); return x * 65536 + y * 256 + (x < 3 ? z : 0); };',
          'const at = code(release);',
          'return (a.linuxSince === undefined || at >= code(a.linuxSince)) && (a.linuxUntil === undefined || at < code(a.linuxUntil));',
        ],
        exported: true,
        doc: doc(
          'Whether `item` exists in Linux `release` (`6.1`, or a kernel release string such as `6.1.0-37-amd64`). Items of Xen\'s ABI carry no Linux release and exist in every one.',
          [{ tag: 'example', text: "`existsInLinux('IOCTL_PRIVCMD_IRQFD', '6.1') === false`" }],
        ),
      },
      {
        kind: 'function',
        name: 'gatesOf',
        params: [{ name: 'item', type: 'ItemName' }],
        returnType: 'readonly ItemGate[]',
        body: ['return availabilityOf(item).gates ?? [];'],
        exported: true,
        doc: doc('The build, boot or domain settings `item` needs; empty when it needs none; a `RangeError` for an item xenabi does not know.'),
      },
    ],
  };
}
