/**
 * Doc text inside block comments. ABI docs are free text and may quote C comment syntax;
 * printed as is, a star followed by a slash would end the comment early and the rest of the
 * doc would be compiled as code. Every emitter that writes C, Rust or TypeScript block
 * comments passes doc text through `escapeDocComment` first.
 */

/**
 * Makes `text` safe inside a C, Rust or TypeScript block comment: the closer `*\/` gets a
 * backslash between its star and slash, and so does the opener `/\*` (which also keeps
 * `-Wcomment` quiet about nested openers). The result reads the same to a person and
 * contains neither sequence.
 *
 * @example escapeDocComment('0 *' + '/ 1') === '0 *\\/ 1'
 */
export function escapeDocComment(text: string): string {
  // First break every closer, then every opener; inserting `\` between a slash and a star
  // cannot create a new closer, so two plain passes suffice even for `/*/` or `*/*/`.
  return text.replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*');
}

/** Escaped doc text as comment lines (LF only, no trailing blanks), ready for ` * ` prefixes. */
export function docCommentLines(text: string): string[] {
  return escapeDocComment(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
}
