/**
 * `macro-body`: a function-like macro computes what every language can compute alike. Its
 * parameters have distinct names and each is used; the constants it names are integer
 * constants of its own module that live as long as it does, on its architectures; a literal
 * shift is less than its width; and it names no other item (a macro of the same name as a
 * constant, typedef or record would clash in C).
 */
import { existsIn, XEN_RELEASES } from '../../model/releases.js';
import { literalShifts, macroNames } from '../../model/macros.js';
import type { AbiModel, MacroDecl } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';

const RULE = 'macro-body';

export const macroBody: ValidationPass = {
  id: RULE,
  description: "A function-like macro's body names its parameters and its module's integer constants, and shifts by less than its width.",
  run(model) {
    return (model.macros ?? []).flatMap((m) => problems(model, m).map((message) => error(RULE, m.loc, m.name, message)));
  },
};

function problems(model: AbiModel, m: MacroDecl): string[] {
  const out: string[] = [];
  const { params, constants } = macroNames(m.body);
  if (new Set(m.params).size !== m.params.length) out.push('two parameters share a name');
  for (const p of m.params.filter((p) => !params.includes(p))) out.push(`parameter \`${p}\` is not used in the body`);
  for (const name of constants) {
    const found = model.constants.filter((c) => c.name === name && c.module === m.module && c.namespace === m.namespace && c.cType !== 'string');
    if (found.length === 0) out.push(`\`${name}\` is neither a parameter nor an integer constant of module ${m.module}`);
    else if (!releasesOf(m).every((r) => found.some((c) => existsIn(c, r)))) out.push(`constant \`${name}\` does not exist in every release the macro does`);
    else if (found.some((c) => c.values)) out.push(`constant \`${name}\` has a value per architecture, which a macro cannot use yet`);
  }
  for (const shift of literalShifts(m.body)) if (shift >= BigInt(m.width)) out.push(`shifts by ${shift}, not less than its width of ${m.width} bits`);
  for (const args of m.samples) if (args.length !== m.params.length) out.push(`a sample gives ${args.length} arguments for ${m.params.length} parameters`);
  if (m.samples.length === 0) out.push('gives no sample arguments for xenabi verify to check it with');
  const clash = [...model.constants, ...model.aliases, ...model.records, ...model.sets].find((i) => i.name === m.name);
  if (clash || (model.macros ?? []).filter((o) => o.name === m.name).length > 1) out.push(`\`${m.name}\` is declared as another item too`);
  return out;
}

/** The Xen releases a macro exists in. */
function releasesOf(m: MacroDecl): string[] {
  return XEN_RELEASES.filter((r) => existsIn(m, r));
}
