/**
 * View-model → ts-morph structures, printed in one batch into an in-memory project and
 * type-checked there before anything is returned. ts-morph is passed in by the caller, which
 * imports it lazily, so loading this module costs nothing.
 */
import type * as TsMorph from 'ts-morph';
import type { Decl, Doc, Param, TsFile } from './view-model.js';

type Tsm = typeof TsMorph;

function docs(tsm: Tsm, doc: Doc | undefined): TsMorph.JSDocStructure[] {
  if (!doc || (!doc.text && !doc.tags.length)) return [];
  return [
    {
      kind: tsm.StructureKind.JSDoc,
      description: doc.text,
      tags: doc.tags.map((t) => ({ kind: tsm.StructureKind.JSDocTag, tagName: t.tag, text: t.text })),
    },
  ];
}

function params(tsm: Tsm, list: Param[]): TsMorph.ParameterDeclarationStructure[] {
  return list.map((p) => ({ kind: tsm.StructureKind.Parameter, name: p.name, type: p.type, hasQuestionToken: !!p.optional, ...(p.init ? { initializer: p.init } : {}) }));
}

function body(lines: string[]): string {
  return lines.join('\n');
}

function classStructure(tsm: Tsm, d: Extract<Decl, { kind: 'class' }>): TsMorph.ClassDeclarationStructure {
  return {
    kind: tsm.StructureKind.Class,
    name: d.name,
    isExported: true,
    implements: [d.implements],
    docs: docs(tsm, d.doc),
    properties: d.props.map((p) => ({
      kind: tsm.StructureKind.Property,
      name: p.name,
      type: p.type,
      isReadonly: !!p.readonly,
      hasDeclareKeyword: !!p.declare,
      ...(p.init !== undefined ? { initializer: p.init } : {}),
    })),
    ctors: [{ kind: tsm.StructureKind.Constructor, parameters: params(tsm, d.ctor.params), statements: body(d.ctor.body) }],
    getAccessors: d.accessors.map((a) => ({ kind: tsm.StructureKind.GetAccessor, name: a.name, returnType: a.type, statements: body(a.get) })),
    setAccessors: d.accessors
      .filter((a) => a.set)
      .map((a) => ({
        kind: tsm.StructureKind.SetAccessor,
        name: a.name,
        parameters: [{ kind: tsm.StructureKind.Parameter, name: 'x', type: a.setType ?? a.type }],
        statements: body(a.set!),
      })),
    methods: d.methods.map((m) => ({
      kind: tsm.StructureKind.Method,
      name: m.name,
      parameters: params(tsm, m.params),
      returnType: m.returnType,
      statements: body(m.body),
    })),
  };
}

/** A JSDoc block as text, for statements printed verbatim. */
function docText(doc: Doc | undefined): string {
  if (!doc || (!doc.text && !doc.tags.length)) return '';
  const lines = [...(doc.text ? doc.text.split('\n') : []), ...doc.tags.map((t) => `@${t.tag} ${t.text}`)];
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}

/**
 * Multi-line constants and types are printed verbatim: ts-morph would indent their
 * continuation lines as a hanging indent.
 */
function verbatim(d: Decl): string | undefined {
  if (d.kind === 'const' && d.init.includes('\n')) {
    return `${docText(d.doc)}${d.exported ? 'export ' : ''}const ${d.name}${d.type ? `: ${d.type}` : ''} = ${d.init};`;
  }
  if (d.kind === 'type' && d.type.includes('\n')) return `${docText(d.doc)}export type ${d.name} =${d.type};`;
  return undefined;
}

function statement(tsm: Tsm, d: Decl): TsMorph.StatementStructures | string {
  const K = tsm.StructureKind;
  const text = verbatim(d);
  if (text !== undefined) return text;
  switch (d.kind) {
    case 'const':
      return {
        kind: K.VariableStatement,
        isExported: d.exported,
        declarationKind: tsm.VariableDeclarationKind.Const,
        docs: docs(tsm, d.doc),
        declarations: [{ kind: K.VariableDeclaration, name: d.name, ...(d.type ? { type: d.type } : {}), initializer: d.init }],
      };
    case 'type':
      return { kind: K.TypeAlias, name: d.name, isExported: true, type: d.type, docs: docs(tsm, d.doc) };
    case 'interface':
      return {
        kind: K.Interface,
        name: d.name,
        isExported: true,
        extends: d.extends ?? [],
        docs: docs(tsm, d.doc),
        properties: d.props.map((p) => ({
          kind: K.PropertySignature,
          name: p.name,
          type: p.type,
          hasQuestionToken: !!p.optional,
          isReadonly: !!p.readonly,
          docs: docs(tsm, p.doc),
        })),
        methods: d.methods.map((m) => ({
          kind: K.MethodSignature,
          name: m.name,
          parameters: params(tsm, m.params),
          returnType: m.returnType,
          hasQuestionToken: !!m.optional,
          docs: docs(tsm, m.doc),
        })),
      };
    case 'function':
      return {
        kind: K.Function,
        name: d.name,
        isExported: d.exported,
        parameters: params(tsm, d.params),
        returnType: d.returnType,
        statements: body(d.body),
        docs: docs(tsm, d.doc),
      };
    case 'class':
      return classStructure(tsm, d);
    case 'reexport':
      return {
        kind: K.ExportDeclaration,
        isTypeOnly: !!d.typeOnly,
        namedExports: d.names.map((n) => ({ kind: K.ExportSpecifier, name: n.name, ...(n.alias ? { alias: n.alias } : {}) })),
        ...(d.from ? { moduleSpecifier: d.from } : {}),
      };
    case 'star':
      return { kind: K.ExportDeclaration, moduleSpecifier: d.from, ...(d.as ? { namespaceExport: d.as } : {}) };
  }
}

/**
 * Blank lines between top-level declarations: before every top-level doc comment, and
 * before a declaration that follows the end of a block.
 */
export function spaceOut(text: string): string {
  return text.replace(/([^\n])\n(?=\/\*\*)/g, '$1\n\n').replace(/(\n[}\]][^\n]*)\n(?=export |const |function |class )/g, '$1\n\n');
}

/** The structure of one file: header comment, imports, declarations. */
export function fileStructure(tsm: Tsm, file: TsFile): TsMorph.SourceFileStructure {
  const statements: (string | TsMorph.StatementStructures)[] = [];
  if (file.header) {
    const lines = wrap(file.header).map((l) => ` * ${l}`.trimEnd());
    statements.push(file.packageDoc ? `/**\n${lines.join('\n')}\n *\n * @packageDocumentation\n */` : `/*\n${lines.join('\n')}\n */`);
  }
  for (const i of file.imports) {
    statements.push({ kind: tsm.StructureKind.ImportDeclaration, moduleSpecifier: i.from, isTypeOnly: i.typeOnly, namedImports: i.names });
  }
  for (const d of file.decls) statements.push(statement(tsm, d));
  return { kind: tsm.StructureKind.SourceFile, statements };
}

/** Wraps a paragraph at about 100 columns. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
