/**
 * Where a DSL call says it was made when no loader maps its frames (a module imported by a
 * test runner): read from the stack string, whose paths may hold spaces, parentheses and
 * non-ASCII letters, and may be `file://` URLs with them percent-encoded.
 */
import { describe, expect, it } from 'vitest';
import { one } from '../fixtures/path with space é/declare.js';

describe('DSL call locations from the stack string', () => {
  it('keep a path with a space and a non-ASCII letter whole', () => {
    expect(one.loc.file.endsWith('/generators/test/fixtures/path with space é/declare.ts')).toBe(true);
    expect(one.loc.line).toBe(4);
  });
});
