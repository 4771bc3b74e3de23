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
const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** The tokens of the preprocessed text, as parallel lists: each token's text, line, and file (an index into `files`). */
interface Tokens {
  text: string[];
  line: number[];
  file: number[];
  files: string[];
}

export function readPreprocessed(text: string): Defined {
  const macros = new Set<string>();
  const macroFiles = new Map<string, string>();
  const tokens: Tokens = { text: [], line: [], file: [], files: [] };
  const fileIndex = new Map<string, number>();
  let file = '';
  let fileId = -1;
  let line = 0;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (text.charCodeAt(from) === 35 /* # */) {
      const out = text.slice(from, to);
      const marker = MARKER.exec(out);
      if (marker) {
        line = Number(marker[1]);
        file = posix.normalize((marker[2] ?? '').replace(/\\(.)/g, '$1'));
        fileId = -1;
        from = to + 1;
        continue;
      }
      const define = /^#define ([A-Za-z_]\w*)/.exec(out);
      const undef = /^#undef ([A-Za-z_]\w*)/.exec(out);
      if (define?.[1]) {
        macros.add(define[1]);
        macroFiles.set(define[1], file);
      } else if (undef?.[1]) macros.delete(undef[1]);
    } else if (to > from) {
      if (fileId < 0) {
        fileId = fileIndex.get(file) ?? tokens.files.push(file) - 1;
        fileIndex.set(file, fileId);
      }
      TOKEN.lastIndex = from;
      for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
        if (m.index + m[0].length > to) {
          // A literal the line leaves open: read as the line alone would have it.
          for (const rest of text.slice(m.index, to).matchAll(TOKEN)) push(tokens, rest[0], line, fileId);
          break;
        }
        push(tokens, m[0], line, fileId);
      }
    }
    line += 1;
    from = to + 1;
  }
  return { ...declarations(tokens), macros, macroFiles };
}

function push(tokens: Tokens, text: string, line: number, file: number): void {
  tokens.text.push(text);
  tokens.line.push(line);
  tokens.file.push(file);
}

type Places = Map<string, { file: string; line: number }>;

/** Record, typedef and enumerator definitions among the tokens of preprocessed C. */
function declarations(tokens: Tokens): Omit<Defined, 'macros' | 'macroFiles'> {
  const records: Places = new Map();
  const typedefs: Places = new Map();
  const enumerators: Places = new Map();
  const texts = tokens.text;
  let depth = 0;
  let statementStart = 0;
  /** Brace depths at which an enum's body is open. */
  const enumBodies: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    const next = texts[i + 1];
    if ((t === 'struct' || t === 'union') && /^\w/.test(next ?? '') && texts[i + 2] === '{') records.set(`${t} ${next}`, at(tokens, i + 1));
    if (t === 'enum') {
      const open = next === '{' ? i + 1 : texts[i + 2] === '{' ? i + 2 : -1;
      if (open > 0) enumBodies.push(depth + 1);
    }
    if (t === '{') {
      depth += 1;
      if (enumBodies.at(-1) === depth) readEnumerator(tokens, i + 1, enumerators);
      continue;
    }
    if (t === '}') {
      if (enumBodies.at(-1) === depth) enumBodies.pop();
      depth -= 1;
      continue;
    }
    if (t === ',' && enumBodies.at(-1) === depth) readEnumerator(tokens, i + 1, enumerators);
    if (t === ';' && depth === 0) {
      if (texts[statementStart] === 'typedef') typedefName(tokens, statementStart, i, typedefs);
      statementStart = i + 1;
    }
  }
  return { records, typedefs, enumerators };
}

function at(tokens: Tokens, i: number): { file: string; line: number } {
  return { file: tokens.files[tokens.file[i] as number] as string, line: tokens.line[i] as number };
}

function readEnumerator(tokens: Tokens, i: number, into: Places): void {
  const t = tokens.text[i];
  if (t !== undefined && IDENTIFIER.test(t)) into.set(t, at(tokens, i));
}

/** The name a typedef statement declares: the last identifier at its own level, before any array dimension. */
function typedefName(tokens: Tokens, start: number, end: number, into: Places): void {
  let depth = 0;
  let name = -1;
  for (let i = start + 1; i < end; i++) {
    const t = tokens.text[i] as string;
    if (t === '{' || t === '(' || t === '[') depth += 1;
    else if (t === '}' || t === ')' || t === ']') depth -= 1;
    else if (depth === 0 && IDENTIFIER.test(t) && t !== '__attribute__') name = i;
  }
  if (name >= 0) into.set(tokens.text[name] as string, at(tokens, name));
}
