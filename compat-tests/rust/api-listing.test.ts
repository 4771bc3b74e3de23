/**
 * The public API listings of the Rust crates (packages/rust-bindings/api/*.api.txt) match the
 * generated crates: a change to what users of the crates can name is reviewed as a diff of the
 * committed listing, like the TypeScript API report. Pure text; no cargo needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRATES, listing, modulePathOf, publicLines, REGENERATE } from '../../scripts/rust-api.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('Rust public API listing', () => {
  for (const c of CRATES) {
    it(`${c.listing} is up to date (update it with: ${REGENERATE})`, () => {
      const committed = readFileSync(join(ROOT, c.listing), 'utf8');
      const current = listing(join(ROOT, c.dir), c.crate);
      expect(current === committed, `the public API of the ${c.crate} crate changed: review it, then run \`${REGENERATE}\` and commit ${c.listing}`).toBe(true);
    });
  }

  it('lists public items with their cfgs and derives, enum variants and trait members, not bodies or private items', () => {
    const text = [
      '/// Doc.',
      '#[cfg(feature = "zerocopy")]',
      '#[derive(Clone, Copy)]',
      'pub enum E {',
      '    /// A.',
      '    A(u32),',
      '    B { x: u8 },',
      '}',
      'impl From<E> for u32 {',
      '    fn from(e: E) -> u32 {',
      '        match e { _ => 0 }',
      '    }',
      '}',
      'fn private() {}',
      'pub(crate) fn internal() {}',
      'pub type t = u16;',
    ].join('\n');
    expect(publicLines(text)).toEqual([
      '#[cfg(feature = "zerocopy")]',
      '#[derive(Clone, Copy)]',
      'pub enum E',
      '    A(u32),',
      '    B { x: u8 },',
      'impl From<E> for u32',
      '    fn from(e: E) -> u32',
      'pub type t = u16;',
    ]);
    expect(modulePathOf('xenabi', 'src/stable/mod.rs')).toBe('xenabi::stable');
    expect(modulePathOf('xenabi', 'src/stable/event_channel.rs')).toBe('xenabi::stable::event_channel');
  });
});
