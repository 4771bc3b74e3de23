import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docCommentLines, escapeDocComment } from '../../src/names/comments.js';
import { cIdentifier, identifierProblems, rustIdentifier, spellIdentifier, tsIdentifier } from '../../src/names/keywords.js';
import { validateModel } from '../../src/validate/index.js';
import { field, model, struct, u8 } from './model-builder.js';

describe('keywords', () => {
  it('escapes Rust keywords as raw identifiers, as Xen\'s many `type` members need', () => {
    expect(rustIdentifier('type')).toBe('r#type');
    expect(rustIdentifier('match')).toBe('r#match');
    expect(rustIdentifier('gen')).toBe('r#gen');
    expect(rustIdentifier('domid')).toBe('domid');
    expect(rustIdentifier('union')).toBe('union');
  });

  it('refuses the Rust keywords that cannot be raw', () => {
    for (const name of ['self', 'Self', 'super', 'crate']) {
      expect(spellIdentifier('rust', name, 'member')).toMatchObject({ ok: false });
      expect(() => rustIdentifier(name)).toThrow(/cannot be a raw identifier/);
    }
  });

  it('refuses C and C++ keywords in C and C++ alike', () => {
    expect(cIdentifier('type')).toBe('type');
    for (const name of ['int', 'class', 'new', 'delete', 'template', 'and', '_Bool']) {
      expect(spellIdentifier('c', name, 'member').ok).toBe(false);
      expect(spellIdentifier('cpp', name, 'member').ok).toBe(false);
    }
  });

  it('leaves TypeScript members alone and escapes reserved top-level names', () => {
    expect(tsIdentifier('delete', 'member')).toBe('delete');
    expect(tsIdentifier('delete', 'top-level')).toBe('delete_');
    expect(tsIdentifier('number', 'top-level')).toBe('number_');
    expect(tsIdentifier('type', 'top-level')).toBe('type');
    expect(tsIdentifier('xen_dm_op', 'top-level')).toBe('xen_dm_op');
    // Object.prototype's names are members like any (the emitter writes `constructor` and `__proto__` computed where it must).
    expect(tsIdentifier('constructor', 'top-level')).toBe('constructor');
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) expect(tsIdentifier(name, 'member')).toBe(name);
  });

  it('lists the languages that refuse a name', () => {
    expect(identifierProblems('type', 'member')).toEqual([]);
    expect(identifierProblems('class', 'member').map((p) => p.language)).toEqual(['c']);
    expect(identifierProblems('self', 'member').map((p) => p.language)).toEqual(['rust']);
  });
});

describe('escapeDocComment', () => {
  const closes = (text: string) => text.includes('*/');

  it('breaks closers and openers readably', () => {
    expect(escapeDocComment('set to 0 */ or 1')).toBe('set to 0 *\\/ or 1');
    expect(escapeDocComment('like /* this */')).toBe('like /\\* this *\\/');
    expect(escapeDocComment('plain text, a*b, a/b')).toBe('plain text, a*b, a/b');
  });

  it('leaves no closer or opener in tricky sequences', () => {
    for (const text of ['*/', '/*/', '*/*/', '/**/', '**//', '/*/*/*', 'a*/b/*c*//*']) {
      const escaped = escapeDocComment(text);
      expect(closes(escaped), `${text} -> ${escaped}`).toBe(false);
      expect(escaped.includes('/*'), `${text} -> ${escaped}`).toBe(false);
      expect(escaped.replace(/\\/g, '')).toBe(text);
    }
  });

  it('splits into lines without trailing blanks', () => {
    expect(docCommentLines('one */  \r\ntwo\n')).toEqual(['one *\\/', 'two', '']);
  });

  it('round-trips a doc with */ through the passes and into a C comment that compiles', () => {
    const doc = 'Reserved */ int oops; /* must be zero';
    const m = model({ records: [struct('s', [field('a', u8, { doc })], { doc })] });
    expect(validateModel(m)).toEqual([]);
    expect(m.records[0]!.fields[0]!.doc).toBe(doc);
    const comment = `/**\n${docCommentLines(doc).map((l) => ` * ${l}`).join('\n')}\n */\nstruct s { unsigned char a; };\n`;
    expect(comment.indexOf('*/')).toBe(comment.lastIndexOf('*/'));
    const dir = mkdtempSync(join(tmpdir(), 'xenabi-doc-'));
    try {
      writeFileSync(join(dir, 'doc.c'), comment);
      let compiler: string | undefined;
      try {
        execFileSync('cc', ['--version'], { stdio: 'ignore' });
        compiler = 'cc';
      } catch {
        compiler = undefined;
      }
      if (compiler) execFileSync(compiler, ['-fsyntax-only', '-Wall', '-Wcomment', '-Werror', join(dir, 'doc.c')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
