#!/usr/bin/env node
// How many of the Xen ABI names real consumers use xenabi's C headers provide (issue 9's
// "consumer coverage"). A Xen ABI name is one Xen's public headers (xen/include/public at a
// release tag) define: a macro, a struct or union tag, a typedef or an enum constant, header
// guards left out. A consumer uses a name when its sources (C and Rust, generated bindings and
// vendored copies of Xen's headers excluded) hold it as an identifier; xenabi provides it when
// the generated headers under packages/c-headers define the same name.
//
//   node bench/consumer-coverage.mjs --xen ../xen [--tag RELEASE-4.22.0] NAME=REPO[:EXCLUDE] …
//
// REPO is a git checkout or bare clone (read at HEAD); EXCLUDE a regular expression of paths to
// leave out. Prints one line per consumer and the union; nothing is written.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const xen = opt('--xen');
const tag = opt('--tag', 'RELEASE-4.22.0');
if (!xen || args.length === 0) {
  console.error('usage: node bench/consumer-coverage.mjs --xen XEN_REPO [--tag RELEASE-4.22.0] NAME=REPO[:EXCLUDE]…');
  process.exit(2);
}

const git = (repo, ...a) => execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** The names a C header text defines: macros, struct/union tags, typedefs, enum constants. */
function definedNames(text) {
  const names = new Set();
  let code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ');
  for (const m of text.replace(/\/\*[\s\S]*?\*\//g, ' ').matchAll(/^\s*#\s*define\s+([A-Za-z_]\w*)/gm)) names.add(m[1]);
  // Declarations outside preprocessor lines (a macro's body declares nothing by itself).
  code = code.replace(/^\s*#(?:[^\n]*\\\n)*[^\n]*$/gm, ' ');
  for (const m of code.matchAll(/\b(?:struct|union)\s+([A-Za-z_]\w*)\s*\{/g)) names.add(m[1]);
  // typedef <type> NAME; and typedef struct|union|enum … { … } NAME; (braces matched)
  for (const m of code.matchAll(/\btypedef\b([^;{]*)([;{])/g)) {
    if (m[2] === ';') {
      const name = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)?$/.exec(m[1])?.[1];
      if (name) names.add(name);
      continue;
    }
    let depth = 0;
    let i = m.index + m[0].length - 1;
    for (; i < code.length; i++) if (code[i] === '{') depth++; else if (code[i] === '}' && --depth === 0) break;
    const name = /^\s*([A-Za-z_]\w*)\s*;/.exec(code.slice(i + 1))?.[1];
    if (name) names.add(name);
  }
  // Enum constants, of enums written out (not those built by a macro over an included list).
  for (const m of code.matchAll(/\benum\b[^{;]*\{([^}]*)\}/g)) {
    if (m[1].includes('#')) continue;
    for (const e of m[1].split(',')) {
      const name = /^\s*([A-Za-z_]\w*)\s*(?:=|$)/.exec(e)?.[1];
      if (name) names.add(name);
    }
  }
  for (const n of [...names]) if (/_H_*$/.test(n) || /^XENABI_|^xenabi_/.test(n)) names.delete(n);
  return names;
}

function xenNames() {
  const files = git(xen, 'ls-tree', '-r', '--name-only', tag, 'xen/include/public').split('\n').filter((f) => f.endsWith('.h'));
  const names = new Set();
  for (const f of files) for (const n of definedNames(git(xen, 'show', `${tag}:${f}`))) names.add(n);
  return names;
}

function xenabiNames() {
  const names = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.h')) for (const n of definedNames(readFileSync(path, 'utf8'))) names.add(n);
    }
  };
  walk(join(ROOT, 'packages/c-headers/include'));
  return names;
}

function consumerIdentifiers(repo, exclude) {
  const files = git(repo, 'ls-tree', '-r', '--name-only', 'HEAD')
    .split('\n')
    .filter((f) => /\.(c|h|rs)$/.test(f) && !(exclude && new RegExp(exclude).test(f)));
  const ids = new Set();
  for (const f of files) for (const m of git(repo, 'show', `HEAD:${f}`).matchAll(/[A-Za-z_]\w*/g)) ids.add(m[0]);
  return { ids, files: files.length, commit: git(repo, 'rev-parse', '--short', 'HEAD').trim() };
}

const xenSet = xenNames();
const ours = xenabiNames();
const union = new Set();
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`Xen ${tag}: ${xenSet.size} ABI names; xenabi's C headers define ${[...xenSet].filter((n) => ours.has(n)).length} of them`);
for (const spec of args) {
  const [name, rest] = spec.split(/=(.*)/s);
  const [repo, exclude] = rest.split(/:(.*)/s);
  const { ids, files, commit } = consumerIdentifiers(repo, exclude);
  const used = [...ids].filter((n) => xenSet.has(n));
  const provided = used.filter((n) => ours.has(n));
  for (const n of used) union.add(n);
  console.log(`${name} (${commit}, ${files} files): uses ${used.length} Xen ABI names, xenabi provides ${provided.length} (${pct(provided.length, used.length)})`);
  if (process.env.VERBOSE) console.log(`  missing: ${used.filter((n) => !ours.has(n)).sort().join(' ')}`);
}
const all = [...union];
const got = all.filter((n) => ours.has(n));
console.log(`all consumers: ${all.length} distinct Xen ABI names, xenabi provides ${got.length} (${pct(got.length, all.length)})`);
