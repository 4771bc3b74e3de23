// `xenabi check --changeset`: the changeset an ABI change implies, written for the packages
// generated from the ABI, in a real temporary git repository.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, freshRepo, run } from '../check/helpers.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=xenabi test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

async function repo(): Promise<string> {
  const root = await freshRepo();
  git(root, 'init', '--quiet');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'base');
  return root;
}

/** The changesets in the repository, by file name. */
function changesets(root: string): Record<string, string> {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const FRONT = (bump: string) => `---\n"@xenabi/c-headers": ${bump}\n"@xenabi/rust-bindings": ${bump}\n"@xenabi/ts-bindings": ${bump}\n---\n`;

describe('xenabi check --changeset', () => {
  it('writes a major changeset for a stable break, for every generated package', async () => {
    const root = await repo();
    edit(root, 'abi/stable/sample.ts', "field('type', u32)", "field('type', i32)");
    edit(root, 'abi/stable/sample.ts', 'uint64_aligned_t } from', 'uint64_aligned_t, i32 } from');
    const r = await run(['check', '--against', 'HEAD', '--changeset'], root);
    expect(r.code).toBe(1);
    const [[name, text]] = Object.entries(changesets(root)) as [[string, string]];
    expect(r.err).toBe(`xenabi check: wrote .changeset/${name}: major for @xenabi/c-headers, @xenabi/rust-bindings, @xenabi/ts-bindings\n`);
    expect(name).toMatch(/^abi-[0-9a-f]{12}\.md$/);
    expect(text.startsWith(FRONT('major'))).toBe(true);
    expect(text).toContain('ABI: a breaking change to the stable ABI, in `stable/sample`');
    expect(text).toMatch(/^- breaking: `sample_range\.type` \(`stable\/sample`\): FIELD_SIGNEDNESS_CHANGED: /m);
    // The same change writes the same file again, not a second one.
    await run(['check', '--against', 'HEAD', '--changeset'], root);
    expect(Object.keys(changesets(root))).toEqual([name]);
  });

  it('writes a minor changeset for an addition', async () => {
    const root = await repo();
    edit(root, 'abi/stable/sample.ts', "export const SAMPLE_MAX = constant('SAMPLE_MAX', 64, { since: '4.17', doc: 'The most ranges.' });", "export const SAMPLE_MAX = constant('SAMPLE_MAX', 64, { since: '4.17', doc: 'The most ranges.' });\nexport const SAMPLE_MIN = constant('SAMPLE_MIN', 1, { since: '4.22', doc: 'The fewest ranges.' });");
    edit(root, 'abi/stable/sample.ts', ', SAMPLE_F, SAMPLE_MAX]', ', SAMPLE_F, SAMPLE_MAX, SAMPLE_MIN]');
    const r = await run(['check', '--against', 'HEAD', '--changeset'], root);
    expect(r.code).toBe(0);
    const texts = Object.values(changesets(root));
    expect(texts).toHaveLength(1);
    expect(texts[0]?.startsWith(FRONT('minor'))).toBe(true);
    expect(texts[0]).toMatch(/^- compatible: `SAMPLE_MIN` \(`stable\/sample`\): CONSTANT_ADDED: /m);
  });

  it('writes a patch changeset when only documentation changed, and none when nothing did', async () => {
    const root = await repo();
    const none = await run(['check', '--against', 'HEAD', '--changeset'], root);
    expect(none.err).toBe('xenabi check: no ABI change, so no changeset\n');
    expect(changesets(root)).toEqual({});
    edit(root, 'abi/stable/sample.ts', "doc: 'A range.'", "doc: 'A range of ids.'");
    const r = await run(['check', '--against', 'HEAD', '--changeset'], root);
    expect(r.code).toBe(0);
    const texts = Object.values(changesets(root));
    expect(texts).toEqual([`${FRONT('patch')}\nABI: documentation of the ABI, in \`stable/sample\` (written by \`xenabi check --changeset\`).\n\n- documentation: \`stable/sample\`\n`]);
  });
});
