/**
 * Preprocessor output (`clang -E -dD`) read for what it defines. Header mode preprocesses a
 * tree once without `__XEN_TOOLS__`: a record tag, typedef, enumerator or macro defined there
 * is one Xen shows to guests. The line markers say where each definition is after macro
 * expansion (`DEFINE_RING_TYPES(blkif, …)` defines `blkif_sring` in io/blkif.h, not in
 * io/ring.h, where the AST's spelling locations put it).
 */
import { posix } from 'node:path';

export interface Defined {
  /** `struct tag` / `union tag` of every record definition, with where it is. */
  records: Map<string, { file: string; line: number }>;
  typedefs: Map<string, { file: string; line: number }>;
  enumerators: Map<string, { file: string; line: number }>;
  /** Macros defined (and not undefined again). */
  macros: Set<string>;
  /** The file each macro was last defined in. */
  macroFiles: Map<string, string>;
}

const MARKER = /^# (\d+) "((?:[^"\\]|\\.)*)"/;
const TOKEN = /[A-Za-z_]\w*|\d\w*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S/g;

interface Token {
  text: string;
  file: string;
  line: number;
}

export function readPreprocessed(text: string): Defined {
  const macros = new Set<string>();
  const macroFiles = new Map<string, string>();
  const tokens: Token[] = [];
  let file = '';
  let line = 0;
  for (const out of text.split('\n')) {
    const marker = MARKER.exec(out);
    if (marker) {
      line = Number(marker[1]);
      file = posix.normalize((marker[2] ?? '').replace(/\\(.)/g, '$1'));
      continue;
    }
    const define = /^#define ([A-Za-z_]\w*)/.exec(out);
    const undef = /^#undef ([A-Za-z_]\w*)/.exec(out);
    if (define?.[1]) {
      macros.add(define[1]);
      macroFiles.set(define[1], file);
    }
    else if (undef?.[1]) macros.delete(undef[1]);
    else if (!out.startsWith('#')) for (const m of out.matchAll(TOKEN)) tokens.push({ text: m[0], file, line });
    line += 1;
  }
  return { ...declarations(tokens), macros, macroFiles };
}

/** Record, typedef and enumerator definitions among the tokens of preprocessed C. */
function declarations(tokens: readonly Token[]): Omit<Defined, 'macros' | 'macroFiles'> {
  const records = new Map<string, { file: string; line: number }>();
  const typedefs = new Map<string, { file: string; line: number }>();
  const enumerators = new Map<string, { file: string; line: number }>();
  const at = (t: Token) => ({ file: t.file, line: t.line });
  let depth = 0;
  let statementStart = 0;
  /** Brace depths at which an enum's body is open. */
  const enumBodies: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1]?.text;
    if ((t.text === 'struct' || t.text === 'union') && /^\w/.test(next ?? '') && tokens[i + 2]?.text === '{') records.set(`${t.text} ${next}`, at(tokens[i + 1] as Token));
    if (t.text === 'enum') {
      const open = next === '{' ? i + 1 : tokens[i + 2]?.text === '{' ? i + 2 : -1;
      if (open > 0) enumBodies.push(depth + 1);
    }
    if (t.text === '{') {
      depth += 1;
      if (enumBodies.at(-1) === depth) readEnumerator(tokens, i + 1, enumerators);
      continue;
    }
    if (t.text === '}') {
      if (enumBodies.at(-1) === depth) enumBodies.pop();
      depth -= 1;
      continue;
    }
    if (t.text === ',' && enumBodies.at(-1) === depth) readEnumerator(tokens, i + 1, enumerators);
    if (t.text === ';' && depth === 0) {
      if (tokens[statementStart]?.text === 'typedef') typedefName(tokens, statementStart, i, typedefs);
      statementStart = i + 1;
    }
  }
  return { records, typedefs, enumerators };
}

function readEnumerator(tokens: readonly Token[], i: number, into: Map<string, { file: string; line: number }>): void {
  const t = tokens[i];
  if (t && /^[A-Za-z_]\w*$/.test(t.text)) into.set(t.text, { file: t.file, line: t.line });
}

/** The name a typedef statement declares: the last identifier at its own level, before any array dimension. */
function typedefName(tokens: readonly Token[], start: number, end: number, into: Map<string, { file: string; line: number }>): void {
  let depth = 0;
  let name: Token | undefined;
  for (let i = start + 1; i < end; i++) {
    const t = tokens[i] as Token;
    if (t.text === '{' || t.text === '(' || t.text === '[') depth += 1;
    else if (t.text === '}' || t.text === ')' || t.text === ']') depth -= 1;
    else if (depth === 0 && /^[A-Za-z_]\w*$/.test(t.text) && !/^__attribute__$/.test(t.text)) name = t;
  }
  if (name) into.set(name.text, { file: name.file, line: name.line });
}
