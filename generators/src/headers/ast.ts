/**
 * clang's AST (`-Xclang -ast-dump`, the text form: a sixth the size of the JSON form and
 * read in a fraction of its time) read for what header mode needs: records with their
 * members, typedefs, enumerators with their values (the probe's among them, each a macro
 * the compiler evaluated, with its C type), and where each is declared.
 *
 *     |-RecordDecl 0x… <line:447:1, line:472:1> line:447:8 struct xen_dm_op definition
 *     | |-FieldDecl 0x… <line:448:5, col:14> col:14 op 'uint32_t':'unsigned int'
 *     | `-FieldDecl 0x… <line:450:5, line:471:7> col:7 u 'union (unnamed union at …/hvm/dm_op.h:450:5)':'…'
 *     |-EnumConstantDecl 0x… <col:8, …> col:8 __xenabi_macro_100 'int'
 *     |   `-ConstantExpr 0x… <col:40, col:48> 'unsigned int'
 *     |     |-value: Int 2
 *
 * Locations are written as `FILE:LINE:COL`, or `line:LINE:COL` and `col:COL` when the file
 * (and line) are those of the location written before: they are read in the order written.
 */

import { cStringBytes } from './assembly.js';

/** Where a declaration is, as clang names its file (`<scratch space>` for pasted tokens). */
export interface AstLoc {
  file: string;
  line: number;
  col: number;
}

export interface AstField {
  /** "" for an anonymous member. */
  name: string;
  /** The type as written, and with typedefs removed (the same when clang shows one). */
  qualType: string;
  desugared: string;
  bitWidth?: number;
  /** `__attribute__((aligned(N)))` on the member: how Xen spells `uint64_aligned_t` on x86. */
  alignedTo?: number;
  loc: AstLoc;
}

export interface AstRecord {
  id: string;
  kind: 'struct' | 'union';
  /** The tag; undefined for an untagged record. */
  tag?: string;
  loc: AstLoc;
  fields: AstField[];
  /** The record this one is defined inside, by id. */
  parentId?: string;
  /** Inside a record: how many of the enclosing record's members come before this definition. */
  fieldIndex?: number;
}

export interface AstTypedef {
  name: string;
  qualType: string;
  desugared: string;
  /** The record it names directly (`typedef struct x x_t;`), by id. */
  recordId?: string;
  loc: AstLoc;
}

export interface AstConstant {
  name: string;
  value: string;
  /** The enumerator's own C type (`int` unless its value does not fit). */
  cType: string;
  /** The C type of its initialiser, when it has one: for the probe's enumerators, the macro's type. */
  exprType?: string;
  loc: AstLoc;
}

/** A `char` array initialised with a string literal, and the literal's text. */
export interface AstText {
  name: string;
  value: string;
  loc: AstLoc;
}

export interface AstFacts {
  records: AstRecord[];
  typedefs: AstTypedef[];
  enumerators: AstConstant[];
  /** File-scope variables initialised with a string literal (the probe's string macros). */
  texts: AstText[];
}

interface Node {
  kind: string;
  id: string;
  /** The text after the address and locations: flags, name, types. */
  rest: string;
  loc?: AstLoc;
  /** The first location of the node's range that is in a real file (for pasted-token declarations). */
  rangeFile?: AstLoc;
  children: Node[];
}

const LOC = /(?:line:(\d+):(\d+)|col:(\d+)|<invalid sloc>|((?:<[^>]*>|[^\s<>,])+?):(\d+):(\d+))/y;

/**
 * The location clang printed last, which an elided location continues, read straight from
 * the dump (no line or token is cut out of it): `read(at)` takes the location token at
 * `at` and leaves the carried file and line as clang left them.
 */
class Locations {
  file = '';
  line = 0;
  /** The column of the last token read; -1 when it was no location (`<invalid sloc>`, or none at all). */
  col = -1;
  constructor(private readonly text: string) {}

  /** Reads the location token at `at` (ending by `limit`); returns the index after it, `at` when there is none. */
  read(at: number, limit: number): number {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === 99 /* c */ && t.startsWith('col:', at)) {
      const end = this.digits(at + 4, limit);
      if (end > at + 4) {
        this.col = this.number;
        return end;
      }
    } else if (c === 108 /* l */ && t.startsWith('line:', at)) {
      const colon = this.digits(at + 5, limit);
      const line = this.number;
      if (colon > at + 5 && t.charCodeAt(colon) === 58) {
        const end = this.digits(colon + 1, limit);
        if (end > colon + 1) {
          this.line = line;
          this.col = this.number;
          return end;
        }
      }
    } else if (c === 47 /* / */) {
      return this.path(at, limit);
    }
    return this.slow(at, limit);
  }

  /**
   * `/FILE:LINE:COL`, the file up to the first `:LINE:COL` (as the pattern's lazy file takes
   * it); the carried file's string is kept when the name is the same, as it mostly is.
   */
  private path(at: number, limit: number): number {
    const t = this.text;
    for (let i = at + 1; i < limit; i++) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9 || c === 60 || c === 62 || c === 44) break;
      if (c !== 58) continue;
      const colon = this.digits(i + 1, limit);
      const line = this.number;
      if (colon === i + 1 || t.charCodeAt(colon) !== 58) continue;
      const end = this.digits(colon + 1, limit);
      if (end === colon + 1) continue;
      if (this.file.length !== i - at || !t.startsWith(this.file, at)) this.file = t.slice(at, i);
      this.line = line;
      this.col = this.number;
      return end;
    }
    return this.slow(at, limit);
  }

  /** Every other form (a file named in full, `<scratch space>`, `<invalid sloc>`), as the pattern says. */
  private slow(at: number, limit: number): number {
    LOC.lastIndex = at;
    const m = LOC.exec(this.text);
    this.col = -1;
    if (!m || at + m[0].length > limit) return at;
    if (m[1] !== undefined) this.line = Number(m[1]);
    if (m[4] !== undefined) {
      this.file = m[4];
      this.line = Number(m[5]);
    }
    if (m[0] !== '<invalid sloc>') this.col = Number(m[2] ?? m[3] ?? m[6]);
    return at + m[0].length;
  }

  private number = 0;
  /** Reads decimal digits from `at` into `number`; returns the index after them. */
  private digits(at: number, limit: number): number {
    let n = 0;
    let i = at;
    for (; i < limit; i++) {
      const d = this.text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    this.number = n;
    return i;
  }

  /** The location last read, as a value. */
  get loc(): AstLoc | undefined {
    return this.col < 0 ? undefined : { file: this.file, line: this.line, col: this.col };
  }
}

/** Kinds read in full (and every attribute, so a constant inside one stays there); every other line only moves the carried location. */
const KEPT = new Set(['RecordDecl', 'FieldDecl', 'TypedefDecl', 'EnumDecl', 'EnumConstantDecl', 'ConstantExpr', 'value', 'Record', 'VarDecl', 'StringLiteral']);

/** Character codes of the tree-drawing prefix of a dump line: `|`, space, backquote, `-`. */
const isTreeChar = (c: number): boolean => c === 124 || c === 32 || c === 96 || c === 45;
const isSpace = (c: number): boolean => c === 32 || c === 9;

/**
 * The text dump as a tree of the nodes header mode reads, locations resolved. A node's kept
 * descendants hang below it even when nodes between are not kept (a bit-field width's
 * ConstantExpr below an implicit cast), which is all the readers below need. One pass over
 * the text: a line is cut out only for what a kept node keeps.
 */
export function parseTextAst(text: string): Node {
  const root: Node = { kind: 'TranslationUnitDecl', id: '', rest: '', children: [] };
  const nodes: Node[] = [root];
  const depths: number[] = [0];
  const locs = new Locations(text);
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let i = from;
    while (i < to && isTreeChar(text.charCodeAt(i))) i++;
    if (i > from) {
      let space = text.indexOf(' ', i);
      if (space < 0 || space > to) space = -1;
      const kindEnd = space < 0 ? to : space;
      const kind = text.slice(i, text.charCodeAt(kindEnd - 1) === 58 ? kindEnd - 1 : kindEnd);
      const kept = KEPT.has(kind) || kind.endsWith('Attr');
      const node = readNode(kind, text, space < 0 ? to : space + 1, to, locs, kept);
      if (node) {
        const depth = (i - from) / 2;
        while ((depths.at(-1) ?? 0) >= depth && depths.length > 1) {
          depths.pop();
          nodes.pop();
        }
        (nodes.at(-1) ?? root).children.push(node);
        nodes.push(node);
        depths.push(depth);
      }
    }
    from = to + 1;
  }
  return root;
}

/**
 * Reads the line's body from `at` to `end`: its address, then every location of its range
 * and, for a declaration, its own location, moving the carried location as clang did. Returns
 * the node when `keep`.
 */
function readNode(kind: string, text: string, at: number, end: number, locs: Locations, keep: boolean): Node | undefined {
  let p = hexAt(text, at, end);
  if (p === at) return keep ? { kind, id: '', rest: text.slice(at, end), children: [] } : undefined;
  const id = keep ? text.slice(at, p) : '';
  p = skipSpace(text, p, end);
  for (let q = parentOrPrev(text, p, end); q > p; q = parentOrPrev(text, p, end)) p = q;
  let rangeFile: AstLoc | undefined;
  if (text.charCodeAt(p) === 60 /* < */) {
    const close = rangeEnd(text, p, end);
    for (let part = p + 1; part < close; ) {
      const next = text.indexOf(', ', part);
      const partEnd = next < 0 || next > close ? close : next;
      locs.read(part, partEnd);
      if (keep && !rangeFile && locs.col >= 0 && !locs.file.startsWith('<')) rangeFile = locs.loc;
      part = partEnd + 2;
    }
    p = skipSpace(text, Math.min(close + 1, end), end);
  }
  let loc: AstLoc | undefined;
  if (kind.endsWith('Decl')) {
    const after = locs.read(p, end);
    if (after > p) loc = locs.loc;
    p = skipSpace(text, after, end);
  }
  if (!keep) return undefined;
  return { kind, id, rest: text.slice(p, end), ...(loc ? { loc } : {}), ...(rangeFile ? { rangeFile } : {}), children: [] };
}

/** The index after `0x` and hex digits at `at`, or `at` when there are none. */
function hexAt(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 48 || text.charCodeAt(at + 1) !== 120) return at;
  let i = at + 2;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) break;
  }
  return i > at + 2 ? i : at;
}

/** The index after `parent 0x…` or `prev 0x…` and spaces at `at`, or `at`. */
function parentOrPrev(text: string, at: number, end: number): number {
  const word = text.startsWith('parent ', at) ? 7 : text.startsWith('prev ', at) ? 5 : 0;
  if (!word) return at;
  const hex = hexAt(text, at + word, end);
  return hex > at + word ? skipSpace(text, hex, end) : at;
}

function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index of the `>` closing a range that opens at `at` (ranges may hold `<scratch space>`); `end` when none does. */
function rangeEnd(text: string, at: number, end: number): number {
  let depth = 0;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 60) depth += 1;
    else if (c === 62 && --depth === 0) return i;
  }
  return end;
}

const TYPES = /'([^']*)'(?::'([^']*)')?/;
/**
 * Clang's flags before a declaration's name. `implicit` marks an anonymous member, which has no
 * name: every flag word after it is a flag too (`implicit referenced`, when Xen's header reads
 * the member, as hvm/save.h's inline functions read hvm_hw_cpu's). Elsewhere a flag word right
 * before the quoted type is the name (a member called `unused`).
 */
const FLAGS = /^(?:implicit(?:\s+(?:referenced|used|invalid|unused|imported|hidden))*\s+|(?:referenced|used|invalid|unused|imported|hidden)\s+(?=[^'\s]))*/;

/** Records, typedefs and enumerators of the dump. */
export function readAst(text: string): AstFacts {
  const facts: AstFacts = { records: [], typedefs: [], enumerators: [], texts: [] };
  const nested = new Map<Node, number>();
  const visit = (node: Node, parent: string | undefined): void => {
    if (node.kind === 'RecordDecl' && / definition$/.test(node.rest) && node.loc) {
      const index = nested.get(node);
      facts.records.push({ ...recordOf(node, parent), ...(index !== undefined ? { fieldIndex: index } : {}) });
      let fields = 0;
      for (const c of node.children) {
        if (c.kind === 'FieldDecl') fields += 1;
        else if (c.kind === 'RecordDecl') nested.set(c, fields);
        if (c.kind !== 'FieldDecl') visit(c, node.id);
      }
      return;
    }
    if (node.kind === 'TypedefDecl' && node.loc) facts.typedefs.push(typedefOf(node));
    if (node.kind === 'EnumDecl') facts.enumerators.push(...enumeratorsOf(node));
    if (node.kind === 'VarDecl' && parent === undefined) {
      const text = textOf(node);
      if (text) facts.texts.push(text);
    }
    for (const c of node.children) visit(c, parent);
  };
  visit(parseTextAst(text), undefined);
  return facts;
}

/** A declaration's location; for a name pasted together by a macro, the range's first real file. */
function where(node: Node): AstLoc {
  const loc = node.loc ?? { file: '', line: 0, col: 0 };
  return loc.file.startsWith('<') && node.rangeFile ? node.rangeFile : loc;
}

function recordOf(node: Node, parent: string | undefined): AstRecord {
  const m = /^(?:implicit\s+|referenced\s+)*(struct|union)(?: (\w+))? definition$/.exec(node.rest);
  const fields = node.children.filter((c) => c.kind === 'FieldDecl').map(fieldOf);
  return { id: node.id, kind: m?.[1] === 'union' ? 'union' : 'struct', ...(m?.[2] ? { tag: m[2] } : {}), loc: where(node), fields, ...(parent ? { parentId: parent } : {}) };
}

function fieldOf(node: Node): AstField {
  const afterFlags = node.rest.replace(FLAGS, '');
  const name = /^(\w+)\s+'/.exec(afterFlags)?.[1] ?? '';
  const types = TYPES.exec(afterFlags);
  const width = constantOf(node.children.filter((c) => !c.kind.endsWith('Attr')));
  const aligned = node.children.find((c) => c.kind === 'AlignedAttr');
  const alignedTo = aligned ? constantOf(aligned.children) : undefined;
  return {
    name,
    qualType: types?.[1] ?? '',
    desugared: types?.[2] ?? types?.[1] ?? '',
    ...(width ? { bitWidth: Number(width.value) } : {}),
    ...(alignedTo ? { alignedTo: Number(alignedTo.value) } : {}),
    loc: where(node),
  };
}

function typedefOf(node: Node): AstTypedef {
  const afterFlags = node.rest.replace(FLAGS, '');
  const name = /^(\w+)/.exec(afterFlags)?.[1] ?? '';
  const types = TYPES.exec(afterFlags);
  const record = findDescendant(node.children, (c) => c.kind === 'Record');
  return { name, qualType: types?.[1] ?? '', desugared: types?.[2] ?? types?.[1] ?? '', ...(record ? { recordId: record.id } : {}), loc: where(node) };
}

/** A variable initialised with a string literal: its name and the literal's text (clang writes it with C escapes). */
function textOf(node: Node): AstText | undefined {
  const literal = node.children.find((c) => c.kind === 'StringLiteral');
  const quoted = literal ? /"((?:[^"\\]|\\.)*)"\s*$/.exec(literal.rest) : undefined;
  const name = /^(\w+)\s+'/.exec(node.rest.replace(FLAGS, ''))?.[1];
  if (!quoted || !name) return undefined;
  return { name, value: String.fromCharCode(...cStringBytes(`"${quoted[1] ?? ''}"`)), loc: where(node) };
}

/** Every enumerator of an enum; one without an initialiser is the previous plus one (the first is 0). */
function enumeratorsOf(node: Node): AstConstant[] {
  const out: AstConstant[] = [];
  let next = 0n;
  for (const c of node.children) {
    if (c.kind !== 'EnumConstantDecl' || !c.loc) continue;
    const afterFlags = c.rest.replace(FLAGS, '');
    const name = /^(\w+)/.exec(afterFlags)?.[1] ?? '';
    const given = constantOf(c.children);
    const value = given ? BigInt(given.value) : next;
    out.push({ name, value: value.toString(), cType: TYPES.exec(afterFlags)?.[1] ?? 'int', ...(given ? { exprType: given.cType } : {}), loc: where(c) });
    next = value + 1n;
  }
  return out;
}

/** The value and type of the first constant expression below `nodes` (it may sit under an implicit cast). */
function constantOf(nodes: Node[]): { value: string; cType: string } | undefined {
  const expr = findDescendant(nodes, (n) => n.kind === 'ConstantExpr' && n.children.some((v) => v.kind === 'value'));
  if (!expr) return undefined;
  const value = expr.children.find((v) => v.kind === 'value')?.rest.replace(/^Int\s+/, '') ?? '';
  const types = TYPES.exec(expr.rest);
  return { value, cType: types?.[2] ?? types?.[1] ?? '' };
}

function findDescendant(nodes: Node[], test: (n: Node) => boolean): Node | undefined {
  for (let level = nodes; level.length; level = level.flatMap((n) => n.children)) {
    const hit = level.find(test);
    if (hit) return hit;
  }
  return undefined;
}
