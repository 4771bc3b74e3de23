/** What each language of a live-Xen boot must report, checked without booting. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_PLANS } from './languages.js';
import { RUST_VARIANTS } from './lib/dm-rust.js';
import { LIVE_DIR } from './lib/releases.js';
import { expectedSteps } from './lib/suite.js';

const plan = (language: string) => LANGUAGE_PLANS.find((p) => p.language === language);
const steps = (language: string) => expectedSteps(plan(language) ?? { language, mode: 'none' });

describe('the live-Xen languages', () => {
  it('runs the guest alone, then C, Rust and TypeScript device models, each newest and 4.12 build', () => {
    expect(LANGUAGE_PLANS.map((p) => p.language)).toEqual(['none', 'c', 'c-4.12', 'rust', 'rust-4.12', 'ts']);
  });

  it('has every device model serve the same server steps and figures', () => {
    const server = steps('c').filter((s) => s.startsWith('dm:') && s !== 'dm:mlock');
    for (const language of ['rust', 'ts']) {
      expect(steps(language).filter((s) => s.startsWith('dm:')), language).toEqual(server);
      expect(plan(language)?.counts, language).toEqual(plan('c')?.counts);
    }
  });

  it('leaves XEN_DMOP_nr_vcpus (Xen 4.15) out of the 4.12 builds only', () => {
    expect(steps('c')).toContain('dm:nr_vcpus');
    expect(steps('rust')).toContain('dm:nr_vcpus');
    expect(steps('c-4.12')).not.toContain('dm:nr_vcpus');
    expect(steps('rust-4.12')).not.toContain('dm:nr_vcpus');
  });

  it('has the TypeScript model run the xenstore client', () => {
    expect(steps('ts').filter((s) => s.startsWith('xs:'))).toEqual([
      'xs:connect', 'xs:write_read', 'xs:watch', 'xs:unwatch', 'xs:transaction', 'xs:directory', 'xs:rm', 'xs:domain_path',
    ]);
  });

  it('builds the Rust variants with features dm-rust declares', () => {
    const manifest = readFileSync(join(LIVE_DIR, 'dm-rust/Cargo.toml'), 'utf8');
    const features = manifest.slice(manifest.indexOf('[features]'));
    for (const v of RUST_VARIANTS) {
      for (const f of v.features.filter((a) => !a.startsWith('--'))) expect(features, v.language).toMatch(new RegExp(`^${f} = `, 'm'));
    }
  });
});
