/**
 * `string-constant`: a string constant (`cType` `string`) holds printable ASCII only (space to
 * `~`), in every value it takes: its value, its per-architecture values and its history. Such
 * text is written into C, Rust and JavaScript string literals and compared byte for byte with
 * Xen's macros; a control character, a bidirectional control or a non-ASCII letter would make
 * a literal that reads otherwise than it compiles, or whose bytes depend on the source
 * encoding. Xen's own string macros (xenstore paths, protocol names) are all printable ASCII.
 *
 * It also keeps the two kinds of constant apart: a string constant is none of the integer
 * things (a set member, an ioctl number, a ring's entry count, a flag mask, a value for older
 * guest interfaces, a hex or shift spelling), and an integer constant's values are decimals.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ConstantDecl } from '../../model/types.js';
import { describeCharacter, firstUnsafe } from '../../names/text.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';

const RULE = 'string-constant';

export const stringConstant: ValidationPass = {
  id: RULE,
  description: 'String constants hold printable ASCII and nothing an integer constant has; integer constants hold decimals.',
  run(model) {
    const out: Diagnostic[] = [];
    for (const c of model.constants) {
      const report = (message: string) => out.push(error(RULE, c.loc, c.name, message));
      if (c.cType === 'string') {
        for (const [where, text] of valuesOf(c)) {
          const problem = textProblem(text);
          if (problem) report(`${where} holds ${problem}: a string constant is printable ASCII only (space to ~), so every language writes it as the same bytes`);
        }
        for (const what of integerOnly(c)) report(`a string constant cannot have ${what}`);
      } else {
        for (const [where, text] of valuesOf(c)) if (!/^-?[0-9]+$/.test(text)) report(`${where} ${JSON.stringify(text)} is not a decimal integer; declare text with stringConstant()`);
      }
    }
    return out;
  },
};

/** Every value a constant takes, with where it is written (`value`, `values.arm64`, `history[0].value`). */
function valuesOf(c: ConstantDecl): [string, string][] {
  return [
    ['value', c.value],
    ...Object.entries(c.values ?? {}).map(([arch, v]): [string, string] => [`values.${arch}`, v ?? '']),
    ...(c.history ?? []).map((h, i): [string, string] => [`history[${i}].value`, h.value]),
  ];
}

/** What makes `text` no printable ASCII: its first offending character, described; undefined when it is. */
export function textProblem(text: string): string | undefined {
  const at = [...text].findIndex((ch) => !/^[\x20-\x7e]$/.test(ch));
  if (at < 0) return undefined;
  const codePoint = [...text][at]?.codePointAt(0) ?? 0;
  const unsafe = firstUnsafe(String.fromCodePoint(codePoint)) || codePoint === 0x09 || codePoint === 0x0a;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${unsafe ? describeCharacter(codePoint) : codePoint > 0x7f ? `${hex} (not ASCII)` : `${hex} (a control character)`} at character ${at + 1}`;
}

/** The integer-only properties a constant has. */
function integerOnly(c: ConstantDecl): string[] {
  return [
    c.set ? `a set (${c.set}): sets group integer values` : '',
    c.ioctl ? 'an ioctl encoding' : '',
    c.ringEntries ? 'a ring entry count' : '',
    c.bitConstant ? 'a bit constant' : '',
    c.legacyValue ? 'a legacy value' : '',
    c.spelling !== 'dec' ? `the spelling ${c.spelling}` : '',
    (c.history ?? []).some((h) => h.cType) ? 'a C type change in its history' : '',
  ].filter(Boolean);
}
