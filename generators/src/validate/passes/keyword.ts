/**
 * `keyword`: a name that some output language cannot spell. C and C++ cannot escape a
 * keyword, and the C headers must compile as both; Rust escapes keywords as raw identifiers
 * (`type` → `r#type`, which Xen uses everywhere) except `self`, `Self`, `super` and
 * `crate`. TypeScript can spell every name (see `names/keywords.ts`). Module names become
 * Rust modules and file names, so only Rust binds them.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceLocation } from '../../model/types.js';
import { identifierProblems, type Language, type NamePosition } from '../../names/keywords.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';

const RULE = 'keyword';

export const keyword: ValidationPass = {
  id: RULE,
  description: 'Names must be spellable in C, C++, Rust and TypeScript; C/C++ keywords and Rust self/Self/super/crate are not.',
  run(model) {
    const diagnostics: Diagnostic[] = [];
    const check = (name: string | undefined, what: string, position: NamePosition, item: string, loc: SourceLocation, languages?: Language[]) => {
      if (!name) return;
      const problems = identifierProblems(name, position, languages);
      if (problems.length === 0) return;
      const reasons = problems.map((p) => p.reason).join('; ');
      diagnostics.push(error(RULE, loc, item, `${what} \`${name}\` cannot be used: ${reasons}; rename it`));
    };
    for (const m of model.modules) check(m.name, 'module name', 'top-level', m.name, m.loc, ['rust']);
    for (const r of model.records) {
      check(r.tag, `${r.kind} tag`, 'top-level', r.name, r.loc);
      if (r.typedef !== r.tag) check(r.typedef, 'typedef name', 'top-level', r.name, r.loc);
      check(r.legacyName?.name, `legacy ${r.kind} tag`, 'top-level', r.name, r.loc);
      check(r.legacyName?.typedef, 'legacy typedef name', 'top-level', r.name, r.loc);
      for (const f of r.fields) check(f.name, 'member name', 'member', `${r.name}.${f.name}`, f.loc);
    }
    for (const a of model.aliases) check(a.name, 'typedef name', 'top-level', a.name, a.loc);
    for (const c of model.constants) check(c.name, 'constant name', 'top-level', c.name, c.loc);
    for (const s of model.sets) check(s.name, 'set name', 'top-level', s.name, s.loc);
    return diagnostics;
  },
};
