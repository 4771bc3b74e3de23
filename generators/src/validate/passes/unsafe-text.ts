/**
 * `unsafe-text`: no text of the model — docs, hole reasons, gate names and docs, header paths,
 * every other string a module declares — holds a control character other than tab and
 * newline, a bidirectional formatting character or a Unicode line or paragraph separator.
 * Such text would reach comments and Markdown, where it cannot be escaped: it would make
 * the generated code read differently from how it compiles (names/text.ts says which
 * characters and why). Every string is checked, so text added to the model later is too.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ConstantDecl, SourceLocation } from '../../model/types.js';
import { describeCharacter, firstUnsafe } from '../../names/text.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { fieldPath } from '../scope.js';

const RULE = 'unsafe-text';

export const unsafeText: ValidationPass = {
  id: RULE,
  description: 'Text holds no control characters (but tab and newline), no bidirectional controls, no line or paragraph separators.',
  run(model) {
    const out: Diagnostic[] = [];
    const check = (value: unknown, loc: SourceLocation, item: string) => {
      for (const [path, text] of strings(value, '')) {
        const bad = firstUnsafe(text);
        if (!bad) continue;
        out.push(
          error(RULE, loc, item, `${path || 'the name'} holds ${describeCharacter(bad.codePoint)} at character ${bad.index + 1}: text reaches comments and Markdown, where such a character makes the code read otherwise than it compiles; remove it`),
        );
      }
    };
    for (const m of model.modules) check(m, m.loc, m.name);
    for (const r of model.records) {
      const { fields, ...rest } = r;
      check(rest, r.loc, r.name);
      for (const f of fields) check(f, f.loc, fieldPath(r, f));
    }
    for (const item of [...model.aliases, ...model.sets]) check(item, item.loc, item.name);
    // A string constant's values are the `string-constant` pass's: printable ASCII only.
    for (const c of model.constants) check(c.cType === 'string' ? withoutValues(c) : c, c.loc, c.name);
    return out;
  },
};

function withoutValues(c: ConstantDecl): Omit<ConstantDecl, 'value' | 'values' | 'history'> {
  const { value: _value, values: _values, history: _history, ...rest } = c;
  return rest;
}

/** Every string in a model object with its property path (`doc`, `gates[0].doc`); locations are skipped. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key !== 'loc') yield* strings(v, path ? `${path}.${key}` : key);
  }
}
