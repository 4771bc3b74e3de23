/**
 * `lifetime`: every `since` and `until` is a Xen release xenabi knows, `until` comes after
 * `since`, and what lives inside something lives within it: a member or a declared hole
 * within its record, an inline record within its parent, a constant's value changes within
 * the constant.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { XEN_RELEASES } from '../../model/releases.js';
import type { AbiModel, RecordDecl, SourceLocation } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { isKnownRelease } from '../scope.js';

const RULE = 'lifetime';
const KNOWN = `${XEN_RELEASES[0]} to ${XEN_RELEASES.at(-1)}`;

interface Span {
  since?: string;
  until?: string;
}

export const lifetime: ValidationPass = {
  id: RULE,
  description: 'since/until are known Xen releases, until is after since, and members live within their record.',
  run(model) {
    return [...items(model), ...model.records.flatMap(recordMembers(model)), ...model.constants.flatMap(constantHistory)];
  },
};

function order(release: string): number {
  return (XEN_RELEASES as readonly string[]).indexOf(release);
}

/** Unknown releases, and an `until` not after `since`. */
function own(span: Span, what: string, item: string, loc: SourceLocation, sinceRequired: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (span.since !== undefined || sinceRequired) {
    if (!isKnownRelease(span.since ?? '')) out.push(error(RULE, loc, item, `${what}since ${JSON.stringify(span.since ?? '')} is not a Xen release xenabi knows (${KNOWN})`));
  }
  if (span.until !== undefined && !isKnownRelease(span.until)) {
    out.push(error(RULE, loc, item, `${what}until ${JSON.stringify(span.until)} is not a Xen release xenabi knows (${KNOWN})`));
  }
  if (out.length === 0 && span.since && span.until && order(span.until) <= order(span.since)) {
    out.push(error(RULE, loc, item, `${what}until ${span.until} is not after since ${span.since}, so it exists in no release`));
  }
  return out;
}

function items(model: AbiModel): Diagnostic[] {
  const all = [...model.records, ...model.aliases, ...model.constants, ...model.sets];
  const gated = [...all, ...model.modules];
  return [
    ...all.flatMap((item) => own(item, '', item.name, item.loc, true)),
    ...gated.flatMap((item) => (item.gates ?? []).flatMap((g) => own(g, `gate ${g.name}: `, item.name, item.loc, true))),
  ];
}

/** `inner` (known releases) must start no earlier and end no later than `outer`. */
function within(inner: Span, outer: Span, what: string, outerName: string, item: string, loc: SourceLocation): Diagnostic[] {
  const valid = (r?: string) => r === undefined || isKnownRelease(r);
  if (![inner.since, inner.until, outer.since, outer.until].every(valid) || !outer.since) return [];
  const out: Diagnostic[] = [];
  if (inner.since && order(inner.since) < order(outer.since)) {
    out.push(error(RULE, loc, item, `${what}since ${inner.since} is before ${outerName}'s since ${outer.since}`));
  }
  if (outer.until && inner.since && order(inner.since) >= order(outer.until)) {
    out.push(error(RULE, loc, item, `${what}since ${inner.since} is not before ${outerName}'s until ${outer.until}, so it exists in no release`));
  }
  if (outer.until && inner.until && order(inner.until) > order(outer.until)) {
    out.push(error(RULE, loc, item, `${what}until ${inner.until} is after ${outerName}'s until ${outer.until}`));
  }
  return out;
}

function recordMembers(model: AbiModel) {
  return (record: RecordDecl): Diagnostic[] => {
    const out: Diagnostic[] = [];
    for (const f of record.fields) {
      const item = f.name ? `${record.name}.${f.name}` : record.name;
      const problems = own(f, 'member ', item, f.loc, false);
      out.push(...problems);
      if (problems.length === 0) out.push(...within(f, record, 'member ', record.name, item, f.loc));
    }
    for (const h of record.holes ?? []) {
      const what = `hole after \`${h.after}\`: `;
      const problems = own(h, what, record.name, record.loc, false);
      out.push(...problems);
      if (problems.length === 0) out.push(...within(h, record, what, record.name, record.name, record.loc));
    }
    const parent = record.parent ? model.records.find((r) => r.name === record.parent) : undefined;
    if (parent) out.push(...within(record, parent, 'inline record ', parent.name, record.name, record.loc));
    return out;
  };
}

function constantHistory(constant: AbiModel['constants'][number]): Diagnostic[] {
  let previous = constant.since;
  return (constant.history ?? []).flatMap((h) => {
    const what = `value change to ${h.value}: `;
    const problems = own({ since: h.since }, what, constant.name, constant.loc, true);
    if (problems.length) return problems;
    const out = within({ since: h.since }, constant, what, constant.name, constant.name, constant.loc);
    if (out.length === 0 && isKnownRelease(previous) && order(h.since) <= order(previous)) {
      out.push(error(RULE, constant.loc, constant.name, `${what}since ${h.since} is not after ${previous}; list value changes oldest first, after the constant's since`));
    }
    previous = h.since;
    return out;
  });
}
