// Each Handlebars emitter ships its templates precompiled; the module must match the .hbs files.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRECOMPILED as C_PRECOMPILED } from '../../src/emit/c/templates/precompiled.js';
import { loadTemplates, precompiledModule, precompiledPath, templateDigest } from '../../src/emit/templates.js';

const EMITTERS = ['c', 'rust', 'docs', 'baseline'];
const dirOf = (emitter: string) => new URL(`../../src/emit/${emitter}/templates/`, import.meta.url);

describe('precompiled templates', () => {
  for (const emitter of EMITTERS) {
    it(`are current for the ${emitter} emitter (bless: XENABI_BLESS=1 npx vitest run generators/test/emit/templates.test.ts)`, () => {
      const dir = dirOf(emitter);
      const path = precompiledPath(dir);
      const text = precompiledModule(dir);
      if (process.env.XENABI_BLESS) writeFileSync(path, text);
      expect(existsSync(path), `${path} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${path} is stale`).toBe(text);
    });
  }

  it('render as the templates compiled from source do, and fall back to the source when it changed', () => {
    const dir = dirOf('c');
    const view = { doc: ['/** d */'], guard: 'G', stable: ['a.h'], unstable: [{ comment: ['/* c */'], wantMacro: 'W', include: 'u.h' }] };
    const fromSource = loadTemplates(dir).umbrella?.(view);
    expect(fromSource).toContain('#include <a.h>');
    expect(loadTemplates(dir, C_PRECOMPILED).umbrella?.(view)).toBe(fromSource);
    const stale = { ...C_PRECOMPILED, 'umbrella.hbs': { digest: templateDigest('something else'), spec: {} } };
    expect(loadTemplates(dir, stale).umbrella?.(view)).toBe(fromSource);
  });
});
