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

const LOC = /^(?:line:(\d+):(\d+)|col:(\d+)|<invalid sloc>|((?:<[^>]*>|[^\s<>,])+?):(\d+):(\d+))/;

class Locations {
  private file = '';
  private line = 0;

  /** Reads one location token at the start of `text`; returns it and the characters it took. */
  read(text: string): { loc?: AstLoc; length: number } {
    const m = LOC.exec(text);
    if (!m) return { length: 0 };
    if (m[1] !== undefined) this.line = Number(m[1]);
    if (m[4] !== undefined) {
      this.file = m[4];
      this.line = Number(m[5]);
    }
    if (m[0] === '<invalid sloc>') return { length: m[0].length };
    const col = Number(m[2] ?? m[3] ?? m[6]);
    return { loc: { file: this.file, line: this.line, col }, length: m[0].length };
  }
}

/** Kinds read in full (and every attribute, so a constant inside one stays there); every other line only moves the carried location. */
const KEPT = new Set(['RecordDecl', 'FieldDecl', 'TypedefDecl', 'EnumDecl', 'EnumConstantDecl', 'ConstantExpr', 'value', 'Record', 'VarDecl', 'StringLiteral']);

/**
 * The text dump as a tree of the nodes header mode reads, locations resolved. A node's kept
 * descendants hang below it even when nodes between are not kept (a bit-field width's
 * ConstantExpr below an implicit cast), which is all the readers below need.
 */
export function parseTextAst(text: string): Node {
  const root: Node = { kind: 'TranslationUnitDecl', id: '', rest: '', children: [] };
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  const locs = new Locations();
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to);
    from = to + 1;
    let i = 0;
    while (i < line.length && (line[i] === '|' || line[i] === ' ' || line[i] === '`' || line[i] === '-')) i++;
    if (i === 0) continue;
    const space = line.indexOf(' ', i);
    const kindEnd = space < 0 ? line.length : space;
    const kind = line.slice(i, line[kindEnd - 1] === ':' ? kindEnd - 1 : kindEnd);
    const body = space < 0 ? '' : line.slice(space + 1);
    if (!KEPT.has(kind) && !kind.endsWith('Attr')) {
      if (/:\d+:\d+/.test(body)) readNode(kind, body, locs);
      continue;
    }
    const depth = i / 2;
    const node = readNode(kind, body, locs);
    while ((stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    (stack.at(-1)?.node ?? root).children.push(node);
    stack.push({ node, depth });
  }
  return root;
}

function readNode(kind: string, text: string, locs: Locations): Node {
  const addr = /^(0x[0-9a-f]+)\s*/.exec(text);
  if (!addr) return { kind, id: '', rest: text, children: [] };
  let rest = text.slice(addr[0].length);
  for (let m = /^(?:parent|prev) 0x[0-9a-f]+\s*/.exec(rest); m; m = /^(?:parent|prev) 0x[0-9a-f]+\s*/.exec(rest)) rest = rest.slice(m[0].length);
  let rangeFile: AstLoc | undefined;
  if (rest.startsWith('<')) {
    const end = rangeEnd(rest);
    for (const part of rest.slice(1, end).split(', ')) {
      const { loc } = locs.read(part);
      if (loc && !rangeFile && !loc.file.startsWith('<')) rangeFile = loc;
    }
    rest = rest.slice(end + 1).trimStart();
  }
  let loc: AstLoc | undefined;
  if (kind.endsWith('Decl')) {
    const read = locs.read(rest);
    loc = read.loc;
    rest = rest.slice(read.length).trimStart();
  }
  return { kind, id: addr[1] ?? '', rest, ...(loc ? { loc } : {}), ...(rangeFile ? { rangeFile } : {}), children: [] };
}

/** The index of the `>` closing a range that opens at 0 (ranges may hold `<scratch space>`). */
function rangeEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '<') depth += 1;
    else if (text[i] === '>' && --depth === 0) return i;
  }
  return text.length;
}

const TYPES = /'([^']*)'(?::'([^']*)')?/;
/**
 * Clang's flags before a declaration's name. `implicit` marks an anonymous member, whose type
 * follows it directly; any other flag word right before the quoted type is the name (a member
 * called `unused`).
 */
const FLAGS = /^(?:implicit\s+|(?:referenced|used|invalid|unused|imported|hidden)\s+(?=[^'\s]))*/;

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
