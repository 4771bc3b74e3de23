import { resolve } from 'node:path';
import { render, writeChanged } from '../../output/pipeline.js';
import { siteFiles } from '../../site/index.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../io.js';
import { findRoot } from '../root.js';

const COMMAND = 'npx xenabi site';

export const siteCommand: Command = {
  name: 'site',
  summary: 'write the docs site: reference with layout diagrams, availability, rules, guides, search',
  help: `Usage: xenabi site [--out DIR] [--root DIR]

Writes the static docs site generated from abi/ and docs/: a reference page per module with
an SVG byte-layout diagram of every record on each architecture, the availability matrix,
the rules of xenabi check, the guides (layout rules, CI recipes, performance, formats) and a
search across items. The pages work opened as files or served by any web server.

Options:
  --out DIR   where to write it (default: site/ under the repository root)
  --root DIR  repository root (default: the nearest directory above with abi/)
  -h, --help  show this help

Exit codes: 0 ok, 2 bad input or usage.`,
  options: { out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const root = findRoot(io.cwd, values.root as string | undefined);
    const out = resolve(io.cwd, (values.out as string | undefined) ?? resolve(root, 'site'));
    const files = (await siteFiles(root)).map((f) => render(f, { command: COMMAND }));
    const written = writeChanged(out, files);
    io.out(`xenabi site: ${written.length} of ${files.length} files written to ${out}\n`);
    return EXIT_OK;
  },
};
