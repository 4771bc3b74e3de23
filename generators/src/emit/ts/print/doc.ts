/**
 * Comments: TSDoc blocks of declarations, the file header, and the wrapping of its paragraph.
 * A TSDoc block of one line is printed `/** text *\/`, of several lines one ` * ` line each.
 */
import type { Doc } from '../view-model.js';

/** Whether a doc has anything to print. */
export function hasDoc(doc: Doc | undefined): doc is Doc {
  return !!doc && (doc.text !== '' || doc.tags.length > 0);
}

/** The doc's lines: its text, then one `@tag text` per tag (a tag's text may span lines). */
function docLines(doc: Doc): string[] {
  const tags = doc.tags.map((t) => `@${t.tag}${t.text && !t.text.startsWith('\n') ? ' ' : ''}${t.text}`);
  return [...(doc.text ? [doc.text] : []), ...tags].join('\n').split(/\r?\n/);
}

/** The TSDoc block of a declaration, ending with a line break; nothing without a doc. */
export function jsDoc(doc: Doc | undefined): string {
  if (!hasDoc(doc)) return '';
  const lines = docLines(doc);
  if (lines.length === 1) return `/** ${lines[0]}${lines[0]!.endsWith(' ') ? '' : ' '}*/\n`;
  const body = (lines[0] === '' ? lines.slice(1) : lines).map((l) => (l ? ` * ${l}` : ' *'));
  return `/**\n${body.join('\n')}\n */\n`;
}

/**
 * The TSDoc block of a declaration printed as written (a multi-line constant or type): always
 * one line per doc line, trailing spaces trimmed.
 */
export function blockDoc(doc: Doc | undefined): string {
  if (!hasDoc(doc)) return '';
  const lines = [...(doc.text ? doc.text.split('\n') : []), ...doc.tags.map((t) => `@${t.tag} ${t.text}`)];
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}

/** The file's header comment: its paragraph wrapped; the package's documentation is a TSDoc block. */
export function headerComment(header: string, packageDoc: boolean): string {
  const lines = wrap(header).map((l) => ` * ${l}`.trimEnd());
  return packageDoc ? `/**\n${lines.join('\n')}\n *\n * @packageDocumentation\n */` : `/*\n${lines.join('\n')}\n */`;
}

/** Wraps a paragraph at about 100 columns. */
export function wrap(text: string): string[] {
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
