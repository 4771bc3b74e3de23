/**
 * `record-runs`: a record, or a typedef, is declared once under its name (a typedef spelled per
 * architecture once per architecture, each over the same releases). Constants may be declared
 * once per run of releases, as Xen removes a name and brings it back (XEN_SYSCTL_coverage_op:
 * 4.6–4.8 and from 4.11), and every emitter shows the runs and the gap between them. Records and
 * typedefs cannot: the model, the layout engine and the emitters know each by its name with one
 * lifetime, and a record's layout history is its members' since/until. Refused here, with a
 * located error, rather than reported as a clash it is not or mis-laid out further on.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AbiModel, SourceLocation } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error, where } from '../report.js';

const RULE = 'record-runs';

interface Named {
  name: string;
  since?: string;
  until?: string;
  loc: SourceLocation;
}

export const recordRuns: ValidationPass = {
  id: RULE,
  description: 'A record or a typedef is declared once under its name (constants alone may be declared once per run of releases).',
  run(model) {
    return [...repeats(model.records.filter((r) => !r.parent), 'record', () => true), ...repeats(model.aliases, 'typedef', (a, b) => a.since !== b.since || a.until !== b.until)];
  },
};

/** Each later declaration of a name an earlier one has, where `differs` says the two are not one item. */
function repeats<T extends Named>(items: readonly T[], what: string, differs: (a: T, b: T) => boolean): Diagnostic[] {
  const first = new Map<string, T>();
  const out: Diagnostic[] = [];
  for (const item of items) {
    const earlier = first.get(item.name);
    if (!earlier) first.set(item.name, item);
    else if (differs(earlier, item)) out.push(error(RULE, item.loc, item.name, message(what, item, earlier)));
  }
  return out;
}

function message(what: string, item: Named, earlier: Named): string {
  const span = (i: Named) => `since ${i.since ?? '?'}${i.until ? ` until ${i.until}` : ''}`;
  return (
    `${what} \`${item.name}\` is declared again (${span(item)}; first at ${where(earlier.loc)}, ${span(earlier)}): a ${what} has one declaration, ` +
    `its changes told by its members' since/until; only a constant may be declared once per run of releases`
  );
}
