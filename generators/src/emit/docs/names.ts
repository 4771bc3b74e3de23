/**
 * Markdown spelling for the docs emitter. Doc text reaches Markdown as written: nothing in it can
 * be escaped there, so control, bidirectional and line-separator characters are refused when
 * the ABI is loaded (`unsafe-text`, see names/text.ts), and generate refuses any output holding one.
 */

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
export function tableCell(text: string | undefined): string {
  return (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Inline code, with backticks in the text handled. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A doc paragraph: kept as written, trailing space trimmed. */
export function paragraph(text: string | undefined): string {
  return (text ?? '').trim();
}

/** The page of a module, relative to docs/reference/. */
export function modulePage(namespace: string, module: string): string {
  return `${namespace}/${module}.md`;
}
