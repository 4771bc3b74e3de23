/**
 * One specialised implementation per record and architecture, with architectures whose code
 * comes out identical sharing one: `xen_dm_op$enc0` serves every architecture where
 * `xen_dm_op` has the same offsets. Variants are made on demand, nested records first, so a
 * record's code can name the functions of the records it contains.
 */
import { ArchLayout, type RecordLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import type { Arch, RecordDecl } from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';
import { isPerArchAlias } from '../../model/aliases.js';
import { newCtx } from './access.js';
import { implName, type TsNames } from './names.js';
import { encodeBody } from './encode-code.js';
import { checkBody, decodeBody, members, SELF, type Member, type RecordEnv } from './record-code.js';
import { ShapeResolver } from './shapes.js';
import { viewClass, type ViewClassPlan } from './view-code.js';

export interface RecordVariant {
  record: string;
  index: number;
  archs: Arch[];
  enc: string[];
  dec: string[];
  /** Empty when a strict decode has nothing to check. */
  chk: string[];
  view: ViewClassPlan;
  /** Runtime helpers the functions and the class call. */
  helpers: Set<string>;
  /** Runtime types the functions name (brands). */
  types: Set<string>;
  /** Identifiers of other records' functions and classes the code names, with their record. */
  refs: Map<string, string>;
  flex: boolean;
}

/** Every record's variants, and per architecture which variant applies. */
export class Variants {
  readonly layouts: Map<Arch, ArchLayout>;
  readonly resolvers: Map<Arch, ShapeResolver>;
  private readonly byRecord = new Map<string, RecordVariant[]>();
  private readonly chosen = new Map<string, RecordVariant>();
  private readonly decls = new Map<string, RecordDecl>();
  private readonly signatures = new Map<RecordVariant, string>();

  constructor(readonly model: ReleaseModel, readonly names: TsNames) {
    this.layouts = new Map(ARCHES.map((a) => [a, new ArchLayout(model, a)]));
    this.resolvers = new Map(ARCHES.map((a) => [a, new ShapeResolver(model.aliases, this.layouts.get(a)!)]));
    for (const r of model.records) this.decls.set(r.name, r);
  }

  decl(record: string): RecordDecl {
    const d = this.decls.get(record);
    if (!d) throw new Error(`ts emitter: no record ${record}`);
    return d;
  }

  /** The architectures a record exists on. */
  archs(record: string): Arch[] {
    return ARCHES.filter((a) => this.layouts.get(a)!.has(record));
  }

  layout(record: string, arch: Arch): RecordLayout {
    return this.layouts.get(arch)!.record(record);
  }

  members(record: string, arch: Arch): Member[] {
    return members(this.decl(record), this.layout(record, arch), this.resolvers.get(arch)!);
  }

  /** The variant of `record` on `arch`. */
  variant(record: string, arch: Arch): RecordVariant {
    const key = `${record}@${arch}`;
    const known = this.chosen.get(key);
    if (known) return known;
    const made = this.make(record, arch);
    const list = this.byRecord.get(record) ?? [];
    const signature = fingerprint(made);
    let variant = list.find((v) => this.signatures.get(v) === signature);
    if (variant) variant.archs.push(arch);
    else {
      const index = list.length;
      variant = { ...withSelf(made, (part) => implName(this.names.record(record), part, index)), index, archs: [arch] };
      this.signatures.set(variant, signature);
      list.push(variant);
      this.byRecord.set(record, list);
    }
    this.chosen.set(key, variant);
    return variant;
  }

  /** Every variant of a record, on every architecture it exists on. */
  all(record: string): RecordVariant[] {
    for (const arch of this.archs(record)) this.variant(record, arch);
    return this.byRecord.get(record) ?? [];
  }

  /** The environment record code runs in on `arch`; names of other records' code are noted in `refs`. */
  env(arch: Arch, refs: Map<string, string>): RecordEnv {
    return {
      resolver: this.resolvers.get(arch)!,
      nested: (record, part) => {
        const id = implName(this.names.record(record), part, this.variant(record, arch).index);
        refs.set(id, record);
        return id;
      },
      nestedChecks: (record) => this.variant(record, arch).chk.length > 0,
      isUnion: (record) => this.decl(record).kind === 'union',
      retyped: (record, member) => this.retyped(record, member),
      members: (record) => this.members(record, arch),
      layout: (record) => this.layout(record, arch),
      self: '',
    };
  }

  /**
   * Whether a member's type differs per architecture: it is declared once per architecture
   * with other types, or its typedef is spelled per architecture (`xen_callback_t`).
   */
  retyped(record: string, member: string): boolean {
    const types = this.decl(record).fields.filter((f) => f.name === member).map((f) => f.type);
    if (new Set(types.map((t) => JSON.stringify(t))).size > 1) return true;
    return types.some((t) => t.kind === 'alias' && isPerArchAlias(this.model.aliases.filter((a) => a.name === t.name)));
  }

  private make(record: string, arch: Arch): Omit<RecordVariant, 'index' | 'archs'> {
    const decl = this.decl(record);
    const layout = this.layout(record, arch);
    const all = this.members(record, arch);
    const refs = new Map<string, string>();
    const env = this.env(arch, refs);
    const enc = newCtx();
    const dec = newCtx();
    const chk = newCtx();
    const encLines = encodeBody(enc, { ...env, self: record }, decl, layout);
    const decLines = decodeBody(dec, env, decl, layout, all);
    const chkLines = checkBody(chk, env, decl, layout, all);
    const view = viewClass(env, this.names, decl, layout, all);
    const helpers = new Set([...enc.helpers, ...dec.helpers, ...chk.helpers, ...view.ctx.helpers]);
    const words = (lines: string[], used: boolean) => (used ? ['const w8 = alignedWords(w, b);', ...lines] : lines);
    if (enc.words || dec.words) helpers.add('alignedWords');
    return {
      record,
      enc: words(encLines, enc.words),
      dec: words(decLines, dec.words),
      chk: chkLines,
      view,
      helpers,
      types: new Set([...enc.types, ...dec.types, ...chk.types]),
      refs,
      flex: all.some((m) => m.layout.flexibleArray),
    };
  }
}

/** The variant's code with the placeholders of its own functions replaced by their names. */
function withSelf<T extends { enc: string[]; dec: string[] }>(made: T, name: (part: keyof typeof SELF) => string): T {
  const fill = (lines: string[]) => lines.map((l) => (Object.keys(SELF) as (keyof typeof SELF)[]).reduce((t, part) => t.replaceAll(SELF[part], name(part)), l));
  return { ...made, enc: fill(made.enc), dec: fill(made.dec) };
}

function fingerprint(v: Omit<RecordVariant, 'index' | 'archs'>): string {
  const { view } = v;
  return JSON.stringify([v.enc, v.dec, v.chk, view.accessors, view.methods, view.cached, view.size]);
}
