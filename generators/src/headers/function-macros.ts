/**
 * The function-like macros of a header tree that the registry declares (`MacroDecl`), read
 * from the headers' text: each `#define NAME(a, b) body`, its parameters, and its body as
 * xenabi's DSL normalises it when the body is the pure arithmetic the DSL has (otherwise
 * empty, and only the name and the number of parameters are compared). Header mode thereby
 * treats macros as registry mode does: by name, by arity, and by the values the bodies give,
 * evaluated with the constants the compiler found in the same tree.
 */
import { MacroSyntaxError, parseMacroBody, printMacroBody } from '../model/macros.js';
import type { HeaderFile } from './roots.js';

export interface FunctionMacroFact {
  name: string;
  params: string[];
  /** Normalised body; "" when the header's body is not pure arithmetic over parameters, literals and names. */
  body: string;
  file: string;
  line: number;
}

const DEFINE = /^\s*#\s*define\s+([A-Za-z_]\w*)\(([^)]*)\)(.*)$/;

/** The first definition of each function-like macro `wanted` names, in file and line order. */
export function functionMacros(files: readonly HeaderFile[], wanted: ReadonlySet<string>): FunctionMacroFact[] {
  const out = new Map<string, FunctionMacroFact & { raw: string }>();
  for (const f of files) {
    const lines = f.text.split('\n');
    lines.forEach((first, i) => {
      const m = DEFINE.exec(first);
      const name = m?.[1];
      if (!m || !name || !wanted.has(name) || out.has(name)) return;
      let body = m[3] ?? '';
      for (let next = i + 1; body.endsWith('\\') && next < lines.length; next++) body = `${body.slice(0, -1)} ${lines[next]}`;
      body = body.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').trim();
      const params = (m[2] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
      out.set(name, { name, params, raw: body, body: '', file: f.path, line: i + 1 });
    });
  }
  // A body may call another of the macros (`XENMEMF_exact_node(n)` is `XENMEMF_node(n) | …`): expanded first.
  const raw = new Map([...out.values()].map((m) => [m.name, m]));
  return [...out.values()].map(({ raw: text, ...m }) => ({ ...m, body: normalised(expand(text, raw), m.params) }));
}

/** `text` with calls of the macros in `defs` replaced by their bodies, arguments parenthesised; a few levels deep. */
function expand(text: string, defs: ReadonlyMap<string, { params: string[]; raw: string }>): string {
  let out = text;
  for (let depth = 0; depth < 4; depth++) {
    let changed = false;
    for (const [name, def] of defs) {
      out = out.replace(new RegExp(`\\b${name}\\s*\\(([^()]*)\\)`, 'g'), (_call, args: string) => {
        const values = args.split(',').map((a) => a.trim());
        if (values.length !== def.params.length) return _call;
        changed = true;
        return `(${def.params.reduce((body, p, i) => body.replace(new RegExp(`\\b${p}\\b`, 'g'), `(${values[i]})`), def.raw)})`;
      });
    }
    if (!changed) break;
  }
  return out;
}

function normalised(body: string, params: readonly string[]): string {
  try {
    return printMacroBody(parseMacroBody(body, params));
  } catch (error) {
    if (error instanceof MacroSyntaxError) return '';
    throw error;
  }
}
