/**
 * Docs view-model: the model and the layout engine's tables turned into the strings the
 * Markdown templates print. No layout arithmetic happens here; offsets and sizes are read.
 */
import { ArchLayout, type FieldLayout, type RecordLayout } from '../../layout/engine.js';
import { spellType } from '../../layout/spell.js';
import { ARCHES } from '../../model/arch.js';
import { printMacroBody } from '../../model/macros.js';
import type { AliasDecl, ConstantDecl, ConstantSetDecl, MacroDecl, ModuleDecl, RecordDecl } from '../../model/types.js';
import { aliasOn, aliasSpellings } from '../../model/aliases.js';
import type { ReleaseModel } from '../../select/release.js';
import { code, modulePage, paragraph, tableCell } from './names.js';
import { directedDoc } from '../../model/directions.js';

export interface DocsRecord {
  anchor: string;
  title: string;
  /** `Since Xen 4.9.` or, for Linux's interface, `Since Linux 4.11.` */
  since: string;
  doc: string;
  archHeader: string;
  archRule: string;
  rows: string[];
  sizeRow: string;
  holes: string[];
}

export interface DocsModule {
  title: string;
  doc: string;
  header: string;
  /** `Xen header` or `Linux header`. */
  headerLabel: string;
  xenHeader: string;
  namespace: string;
  interfaceVersion: string;
  /** Whose layout rules the tables follow: Xen's tools layout, or Linux's user-space ABI. */
  layoutNote: string;
  records: DocsRecord[];
  /** One row per typedef name: its target on each architecture (`—` where it is absent). */
  typedefs: string[];
  constants: string[];
  /** One row per function-like macro: its call, what it computes, since, meaning. */
  macros: string[];
  sets: string[];
}

export function moduleView(model: ReleaseModel, module: ModuleDecl, layouts: ArchLayout[]): DocsModule {
  const records = model.records.filter((r) => r.module === module.name);
  const constants = model.constants.filter((c) => c.module === module.name);
  return {
    title: `${module.name} (${module.namespace})`,
    doc: paragraph(module.doc),
    header: `packages/c-headers/include/xenabi/${module.namespace}/${module.name}.h`,
    headerLabel: module.namespace === 'linux' ? 'Linux header' : 'Xen header',
    xenHeader: module.xenHeader,
    namespace: module.namespace,
    interfaceVersion: module.interfaceVersion ? `Unstable: versioned by ${code(module.interfaceVersion.constant)}.` : '',
    layoutNote: layoutNote(module),
    records: records.map((r) => recordView(r, layouts)),
    typedefs: [...aliasSpellings(model.aliases.filter((a) => a.module === module.name && a.namespace === module.namespace)).values()].map((s) => typedefRow(model, s)),
    constants: constants.map(constantRow),
    macros: (model.macros ?? []).filter((m) => m.module === module.name && m.namespace === module.namespace).map(macroRow),
    sets: model.sets.filter((s) => s.module === module.name).map(setLine),
  };
}

/** Xen's x86_32 subtlety concerns Xen's headers only; Linux's follow the C ABI of each architecture. */
function layoutNote(module: ModuleDecl): string {
  if (module.namespace === 'linux') return "Layouts are the ones Linux's headers have in user space on each architecture, proven against Debian's `linux-libc-dev` (see [linux.md](../../linux.md)).";
  return 'Layouts follow the `__XEN_TOOLS__` layout on x86_32 (see [layout.md](../../layout.md)).';
}

function recordView(record: RecordDecl, layouts: ArchLayout[]): DocsRecord {
  const present = layouts.filter((l) => l.has(record.name));
  const tables = new Map(present.map((l) => [l.arch, l.record(record.name)]));
  const names = [...new Set([...tables.values()].flatMap((t) => t.fields.map((f) => f.name)))];
  return {
    anchor: record.name.replace(/[^A-Za-z0-9_]/g, '-'),
    title: `${record.kind} ${record.name}${record.typedef && record.typedef !== record.name ? ` (${record.typedef})` : ''}`,
    since: sinceText(record),
    doc: tableCell(record.doc),
    archHeader: ['field', 'type', ...ARCHES, 'meaning'].join(' | '),
    archRule: ['---', '---', ...ARCHES.map(() => '---:'), '---'].join(' | '),
    rows: names.map((name) => fieldRow(name, record, tables)),
    sizeRow: ['**size / align**', '', ...ARCHES.map((a) => sizeCell(tables.get(a))), ''].join(' | '),
    holes: holeLines(tables),
  };
}

function fieldRow(name: string, record: RecordDecl, tables: Map<string, RecordLayout>): string {
  const decl = record.fields.find((f) => f.name === name);
  const any = [...tables.values()].map((t) => t.fields.find((f) => f.name === name)).find(Boolean);
  const cells = ARCHES.map((arch) => {
    const f = tables.get(arch)?.fields.find((x) => x.name === name);
    return f ? offsetCell(f) : '—';
  });
  const label = name === '' ? '*(anonymous)*' : code(name);
  const meaning = [decl?.padding ? 'padding, must be zero.' : '', tableCell(decl ? directedDoc(decl) : undefined), decl?.since && decl.since !== record.since ? `Since ${decl.since}.` : '']
    .filter(Boolean)
    .join(' ');
  return [label, any ? code(any.type) : '', ...cells, meaning].join(' | ');
}

function offsetCell(f: FieldLayout): string {
  if (f.bitOffset !== undefined) return `${f.offset}, bits ${f.bitOffset % 8}+${f.bitWidth}`;
  return f.flexibleArray ? `${f.offset}, flexible` : `${f.offset} (${f.size})`;
}

function sizeCell(t: RecordLayout | undefined): string {
  return t ? `${t.size} / ${t.align}` : '—';
}

/** One line per distinct hole, naming every architecture that has it. */
function holeLines(tables: Map<string, RecordLayout>): string[] {
  const byHole = new Map<string, string[]>();
  for (const [arch, t] of tables) {
    for (const h of t.holes) {
      const size = h.bits % 8 ? `${h.bits} bits` : `${h.bits / 8} bytes`;
      const key = `${size} after ${code(h.after)} at offset ${h.offset}${h.tail ? ' (tail padding)' : ''}`;
      byHole.set(key, [...(byHole.get(key) ?? []), arch]);
    }
  }
  return [...byHole].map(([key, arches]) => `${key} on ${arches.join(', ')}`);
}

/**
 * A typedef's row: its target per architecture, so one spelled per architecture
 * (`xen_callback_t`: a record on x86_32, an integer elsewhere) shows each spelling.
 */
function typedefRow(model: ReleaseModel, spellings: readonly AliasDecl[]): string {
  const first = spellings[0]!;
  const kindOf = (name: string) => model.records.find((r) => r.name === name)?.kind ?? 'struct';
  const cells = ARCHES.map((arch) => {
    const on = aliasOn(spellings, arch);
    return on ? code(spellType(on.type, kindOf)) : '—';
  });
  const docs = [...new Set(spellings.map((a) => tableCell(a.doc)).filter(Boolean))];
  return [code(first.name), ...cells, first.linuxSince ? `Linux ${first.linuxSince}` : first.since, docs.join(' ')].join(' | ');
}

function constantRow(c: ConstantDecl): string {
  const show = (v: string) => (c.cType === 'string' ? stringCell(v) : c.ioctl ? `0x${BigInt(v).toString(16)}` : v);
  const value = c.values ? ARCHES.filter((a) => c.values?.[a]).map((a) => `${a}: ${show(c.values?.[a] ?? '')}`).join(', ') : show(c.value);
  const meaning = [tableCell(c.doc), c.ioctl ? code(ioctlSpelling(c.ioctl)) : ''].filter(Boolean).join(' ');
  return [code(c.name), value, c.linuxSince ? `Linux ${c.linuxSince}` : c.since, meaning].join(' | ');
}

/** `XENMEMF_node(x)` | `(x + 1) << 8` (32-bit) | since | meaning. */
function macroRow(m: MacroDecl): string {
  const body = code(printMacroBody(m.body)).replace(/\|/g, '\\|');
  const archs = m.archs ? ` Only on ${m.archs.join(', ')}.` : '';
  return [code(`${m.name}(${m.params.join(', ')})`), `${body} (${m.width}-bit)`, m.since, `${tableCell(m.doc)}${archs}`.trim()].join(' | ');
}

/** A string constant's text in a table cell: quoted, as code, with `|` escaped so it stays in its cell (`"CREATE|EXCL"`). */
export function stringCell(text: string): string {
  return code(`"${text}"`).replace(/\|/g, '\\|');
}

/** `Since Xen 4.9.`, or `Since Linux 4.11.` for an item of Linux's interface. */
function sinceText(item: { since: string; linuxSince?: string }): string {
  return item.linuxSince ? `Since Linux ${item.linuxSince}.` : `Since Xen ${item.since}.`;
}

/** How Linux's header makes the number: `_IOC(_IOC_NONE, 'P', 5, sizeof(struct privcmd_dm_op))`. */
function ioctlSpelling(ioctl: NonNullable<ConstantDecl['ioctl']>): string {
  const dir = { none: '_IOC_NONE', write: '_IOC_WRITE', read: '_IOC_READ', readwrite: '_IOC_READ|_IOC_WRITE' }[ioctl.direction];
  const size = ioctl.argument ? `sizeof(${spellType(ioctl.argument, () => 'struct')})` : '0';
  return `_IOC(${dir}, '${ioctl.type}', ${ioctl.nr}, ${size})`;
}

function setLine(s: ConstantSetDecl): string {
  const members =
    s.kind === 'flags'
      ? (s.flags ?? []).map((f) => `${code(f.mask)} (bit ${f.bit})`)
      : s.kind === 'values'
        ? (s.values ?? []).map(code)
        : (s.ops ?? []).map((o) => `${code(o.constant)} → ${o.member ? code(`${s.dispatch?.payloadField ?? ''}.${o.member}`) : ''}${o.record ? ` ${code(o.record)}` : ''}`);
  const kind = s.kind === 'ops' ? 'Op set' : s.kind === 'flags' ? 'Flag set' : 'Value set';
  return `**${kind} ${code(s.name)}**${s.field ? ` (in ${code(s.field)})` : ''}${s.dispatch ? ` (dispatched through ${code(`${s.dispatch.record}.${s.dispatch.opField}`)})` : ''}: ${members.join(', ')}`;
}

export function indexLines(model: ReleaseModel): string[] {
  return [...model.modules]
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((m) => `| [${m.name}](${modulePage(m.namespace, m.name)}) | ${m.namespace} | ${code(m.xenHeader)} | ${tableCell(m.doc)} |`);
}
