/**
 * `duplicate-name`: a name that means two things. Records (by name, tag and typedef),
 * typedefs, constants and sets share one namespace across every module, because C puts
 * typedefs and macros in one scope and Rust and TypeScript put every generated item in one
 * crate or package. Module names are unique too. Two declarations clash only where both
 * exist: the same name on disjoint arches or releases is one item per release and arch.
 * In a record, member names are unique, counting the members of C11 anonymous members; and
 * no member is named as a constant is, since C's macro would replace the member's name.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AbiModel, Field, RecordDecl, SourceLocation } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error, where } from '../report.js';
import { archsOf, directRecord, EMPTY, fieldPath, formatScope, type ModelIndex, type Scope, type Scopes, scopesOf, spanScope } from '../scope.js';

const RULE = 'duplicate-name';

interface Declaration {
  name: string;
  what: string;
  item: string;
  loc: SourceLocation;
  scope: Scope;
}

export const duplicateName: ValidationPass = {
  id: RULE,
  description: 'Every name (record, tag, typedef, constant, set, module, record member) is declared once where it exists.',
  run(model) {
    const scopes = scopesOf(model);
    return [
      ...clashes(declarations(model, scopes)),
      ...moduleClashes(model),
      ...model.records.flatMap((r) => memberClashes(r, scopes.index)),
      ...macroClashes(model),
    ];
  },
};

function declarations(model: AbiModel, scopes: Scopes): Declaration[] {
  const records = model.records.flatMap((r) => {
    const scope = scopes.record(r.name);
    const names = new Set([...(r.parent ? [] : [r.name]), ...(r.tag ? [r.tag] : []), ...(r.typedef ? [r.typedef] : [])]);
    return [...names].map((name) => ({ name, what: r.kind, item: r.name, loc: r.loc, scope }));
  });
  const others = [
    ...model.aliases.map((a) => ({ decl: a, what: 'typedef' })),
    ...model.constants.map((c) => ({ decl: c, what: 'constant' })),
    ...model.sets.map((s) => ({ decl: s, what: `${s.kind} set` })),
  ].map(({ decl, what }) => ({ name: decl.name, what, item: decl.name, loc: decl.loc, scope: scopes.item(decl) }));
  // The later declaration, by file and line, is the one reported.
  return [...records, ...others].sort((a, b) => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line));
}

/** Each later declaration that overlaps an earlier one of the same name. */
function clashes(declarations: Declaration[]): Diagnostic[] {
  const seen = new Map<string, Declaration[]>();
  const diagnostics: Diagnostic[] = [];
  for (const d of declarations) {
    const earlier = seen.get(d.name) ?? [];
    // A record declared again under its own name is the `record-runs` rule's to report: records'
    // scopes are known by name, so the overlap said here would not be the declarations' own.
    const first = earlier.find((e) => (e.scope & d.scope) !== EMPTY && !(e.item === d.item && isRecord(e) && isRecord(d)));
    if (first) {
      const both = formatScope(first.scope & d.scope);
      diagnostics.push(error(RULE, d.loc, d.item, `\`${d.name}\` is declared twice: this ${d.what} and the ${first.what} at ${where(first.loc)} (both exist ${both})`));
    }
    seen.set(d.name, [...earlier, d]);
  }
  return diagnostics;
}

function isRecord(d: Declaration): boolean {
  return d.what === 'struct' || d.what === 'union';
}

function moduleClashes(model: AbiModel): Diagnostic[] {
  return model.modules.flatMap((m, i) => {
    const first = model.modules.findIndex((o) => o.name === m.name);
    const other = model.modules[first];
    return first < i && other ? [error(RULE, m.loc, m.name, `module \`${m.name}\` is declared twice: here and at ${where(other.loc)}`)] : [];
  });
}

/** Members that share a name where both exist, anonymous members' members included. */
function memberClashes(record: RecordDecl, index: ModelIndex): Diagnostic[] {
  const members = memberNames(record, index, new Set());
  const diagnostics: Diagnostic[] = [];
  members.forEach((m, i) => {
    const first = members.slice(0, i).find((o) => o.field.name === m.field.name && (o.scope & m.scope) !== EMPTY);
    // Two members of the same anonymous member clash inside its own record, reported there.
    if (!first || (first.via !== undefined && first.via === m.via)) return;
    const via = m.via ? ` (through the anonymous member ${m.via})` : '';
    const both = formatScope(first.scope & m.scope);
    diagnostics.push(
      error(RULE, m.field.loc, `${record.name}.${m.field.name}`, `member \`${m.field.name}\` is declared twice in ${record.name}${via}: first at ${where(first.field.loc)} (both exist ${both})`),
    );
  });
  return diagnostics;
}

/**
 * Members named as a constant is: the constant is a C macro, which replaces the member's name
 * in every header that declares both, whatever module, namespace or release each is in.
 */
function macroClashes(model: AbiModel): Diagnostic[] {
  const constants = new Map(model.constants.map((c) => [c.name, c]));
  return model.records.flatMap((r) =>
    r.fields.flatMap((f) => {
      const macro = f.name ? constants.get(f.name) : undefined;
      if (!macro) return [];
      return [error(RULE, f.loc, fieldPath(r, f), `member \`${f.name}\` has the name of the constant at ${where(macro.loc)}, a C macro that would replace it wherever a header declares both; rename one of them`)];
    }),
  );
}

interface Member {
  field: Field;
  scope: Scope;
  via?: string;
}

function memberNames(record: RecordDecl, index: ModelIndex, seen: Set<string>): Member[] {
  if (seen.has(record.name)) return [];
  seen.add(record.name);
  return record.fields.flatMap((field): Member[] => {
    const scope = spanScope(field, archsOf(field.archs));
    if (field.name) return [{ field, scope }];
    const inner = index.records.get(directRecord(field.type) ?? '');
    if (!inner) return [];
    return memberNames(inner, index, seen).map((m) => ({ ...m, scope: m.scope & scope, via: m.via ?? fieldPath(record, field) }));
  });
}
