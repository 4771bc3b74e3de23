/**
 * The TypeScript emitter's printer: a view-model file (`TsFile`) as the text written to the
 * package, before the output pipeline's banner. Plain string building, derived from the
 * view-model alone: every name, type and line of code is already spelled there.
 *
 * Layout: the header comment, the imports, then the declarations, each on its own line(s);
 * a blank line before every TSDoc comment, around functions, classes and interfaces, and after
 * anything that ends a block.
 */
import type { ImportLine, TsFile } from '../view-model.js';
import { printDecl } from './decls.js';
import { headerComment } from './doc.js';

/** A declaration kind that always has a blank line before it. */
const SPACED = new Set(['function', 'class', 'interface']);

function importLine(i: ImportLine): string {
  return `import${i.typeOnly ? ' type' : ''} { ${i.names.join(', ')} } from '${i.from}';`;
}

/** The file's statements, each with whether it wants a blank line before it. */
function statements(file: TsFile): { text: string; spaced: boolean }[] {
  return [
    ...(file.header ? [{ text: headerComment(file.header, !!file.packageDoc), spaced: false }] : []),
    ...file.imports.map((i) => ({ text: importLine(i), spaced: false })),
    ...file.decls.map((d) => ({ text: printDecl(d), spaced: SPACED.has(d.kind) })),
  ];
}

/** The statements joined: a blank line where one wants it or the one before ends a block. */
function join(list: { text: string; spaced: boolean }[]): string {
  const parts: string[] = [];
  list.forEach((s, i) => {
    if (i > 0) parts.push(s.spaced || list[i - 1]!.text.endsWith('}') ? '\n\n' : '\n');
    parts.push(s.text);
  });
  return parts.join('');
}

/**
 * Blank lines between top-level declarations: before every top-level doc comment, and
 * before a declaration that follows the end of a block.
 */
export function spaceOut(text: string): string {
  return text.replace(/([^\n])\n(?=\/\*\*)/g, '$1\n\n').replace(/(\n[}\]][^\n]*)\n(?=export |const |function |class )/g, '$1\n\n');
}

/** The file's text as it is written (before the output pipeline's banner), ending with a line break. */
export function printFile(file: TsFile): string {
  const text = join(statements(file));
  return spaceOut(text ? `${text}\n` : text);
}
