import { existsSync, readFileSync } from 'node:fs';
import { InputFileError, readInput } from '../../check/side/read-input.js';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AbiInputError, formatDiagnostic, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { visibleLines } from '../../diagnostics/visible.js';
// What a check whose result is cached needs; the sides' loaders and the comparison are
// imported when they run (`import('../../check/side/load.js')`, `…/engine.js`).
import type { CheckResult } from '../../check/engine.js';
import { FORMATS, formatResult, type OutputFormat } from '../../check/format/index.js';
import { checkResultCache } from '../../check/result-cache.js';
import { BaselineParseError } from '../../check/side/from-baseline.js';
import { SideInputError } from '../../check/side/errors.js';
import { GitRefError } from '../../check/side/git.js';
import type { SideSpec } from '../../check/side/load.js';
import type { AbiSide } from '../../check/side/types.js';
import { DEFAULT_WAIVERS_PATH, parseWaivers, WaiverFileError, type Waiver } from '../../check/waivers/index.js';
import { EXPORTABLE_RELEASES, NEWEST_RELEASE } from '../../model/releases.js';
import { HeaderTreeError } from '../../headers/tree.js';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT, EXIT_FINDING, EXIT_OK, UsageError, type CliIo } from '../io.js';
import { findRoot } from '../root.js';
import { wantsHeaders } from './header-options.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'compare a base ABI with the current one and report breaking changes',
  help: `Usage: xenabi check [--against REF | --base PATH] [--head PATH] [--format F] [options]
       xenabi check --base-headers DIR --head-headers DIR [--format F] [options]
       xenabi check --xen-tree DIR --against REF [--format F] [options]

Compares a base ABI with the head ABI, release by release view (the newest, ${NEWEST_RELEASE}, unless
--xen-version says otherwise), and reports every change by rule (docs/rules/<ID>.md):
breaking changes in the stable namespace are errors; unstable modules may change only
together with their interface-version constant; additions are reported as compatible.

Base (one of):
  --against REF     abi/ at a git revision (branch, tag, commit), read from git into a
                    temporary directory; the working tree is not touched. In a shallow
                    clone, fetch the revision first (the error says how).
  --base PATH       an export JSON (xenabi export), an abi/ directory, or a baseline
  (neither)         the committed baseline, abi/baseline/*.abi.md

Head:
  --head PATH       as --base (default: abi/ in the working tree)

Xen's C headers (header mode: docs/headers.md):
  --base-headers DIR --head-headers DIR
                    two trees of Xen's public headers, each compiled with clang on four
                    architectures; stable = what the registry marks stable, or, for items
                    it does not know, what Xen shows without __XEN_TOOLS__
  --xen-tree DIR --against REF
                    in a Xen checkout: xen/include/public at REF against the working tree
  --registry DIR    the registry (an abi/ folder) header mode consults (default: the
                    repository here, else the one this xenabi comes from)

Options:
  --format F        text (default), json, github (workflow annotations), markdown
                    (pull-request summary) or sarif (SARIF 2.1.0)
  --xen-version V   the release to compare, ${EXPORTABLE_RELEASES[0]} … ${EXPORTABLE_RELEASES.at(-1)} (default ${NEWEST_RELEASE})
  --fail-on C       source (default): source and binary breaks fail; binary: only binary
                    breaks fail, source-only breaks (renames) become warnings
  --waivers FILE    accepted breaks (default ${DEFAULT_WAIVERS_PATH} when it exists)
  --docs-url URL    where docs/rules/ is published, for links in sarif and markdown
                    (default: the GitHub or GitLab CI repository, else the local folder)
  --changeset       also write the changeset the change implies, .changeset/abi-<digest>.md,
                    for the packages generated from the ABI: major for a stable break, minor
                    for other changes (additions), patch when only documentation changed
  --root DIR        repository root (default: the nearest directory above with abi/)
  -h, --help        show this help

Text output is coloured on a terminal unless NO_COLOR is set.
Exit codes: 0 no breaking change, 1 at least one breaking change, 2 bad input or usage.`,
  options: {
    against: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    'xen-version': { type: 'string' },
    'fail-on': { type: 'string' },
    waivers: { type: 'string' },
    'docs-url': { type: 'string' },
    'base-headers': { type: 'string' },
    'head-headers': { type: 'string' },
    'xen-tree': { type: 'string' },
    registry: { type: 'string' },
    changeset: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const str = (key: string) => values[key] as string | undefined;
    const format = (str('format') ?? 'text') as OutputFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: choose one of ${FORMATS.join(', ')}`);
    const failOn = str('fail-on') ?? 'source';
    if (failOn !== 'source' && failOn !== 'binary') throw new UsageError(`--fail-on ${failOn}: choose source or binary`);
    const release = str('xen-version');
    if (release !== undefined && !EXPORTABLE_RELEASES.includes(release as never)) {
      throw new UsageError(`--xen-version ${release}: choose one of ${EXPORTABLE_RELEASES.join(', ')}`);
    }
    if (str('against') !== undefined && str('base') !== undefined) throw new UsageError('--against and --base both name the base; give one');
    const headerMode = wantsHeaders(values);
    // The root holds the working tree, the baseline and the git repository; with --base and
    // --head both given it is only where the default waivers file would be.
    const required = !headerMode && (str('head') === undefined || str('base') === undefined);
    const root = required || str('root') !== undefined ? findRoot(io.cwd, str('root')) : optionalRoot(io);
    try {
      const waivers = readWaivers(io, root, str('waivers'));
      const options = release ? { release } : {};
      // `--against REF` of the working tree: the result of the last such check, when neither side changed.
      const against = str('against');
      const cache =
        !headerMode && root && against !== undefined && str('base') === undefined && str('head') === undefined && !values.changeset
          ? checkResultCache({ root, ref: against, headDir: join(root, 'abi'), headLabel: HEAD_LABEL, release: release ?? NEWEST_RELEASE, failOn, waivers })
          : undefined;
      let result = cache?.hit;
      if (!result) {
        const sides = await import('../../check/side/load.js');
        const { base, head } = headerMode
          ? await (await import('./check-headers.js')).headerSides(values as Record<string, string | undefined>, io, root)
          : { base: await loadLabelled(sides, 'base', baseSpec(sides, io, root, against, str('base')), options), head: await loadLabelled(sides, 'head', headSpec(sides, io, root, str('head')), options) };
        result = (await import('../../check/engine.js')).checkAbi(base, head, { failOn, waivers });
        cache?.store(result);
        if (values.changeset) await writeImpliedChangeset(io, root, result, base, head);
      }
      io.out(
        formatResult(result, format, {
          color: io.isTty && !process.env.NO_COLOR,
          ruleUri: rulesUri(root, str('docs-url')),
          toolVersion: toolVersion(),
        }),
      );
      return result.summary.result === 'fail' ? EXIT_FINDING : EXIT_OK;
    } catch (error) {
      if (error instanceof SideInputError || error instanceof GitRefError || error instanceof BaselineParseError || error instanceof WaiverFileError || error instanceof HeaderTreeError) {
        io.err(`${error.message.startsWith('xenabi check:') ? '' : 'xenabi check: '}${visibleLines(error.message)}\n`);
        return EXIT_BAD_INPUT;
      }
      throw error;
    }
  },
};

/** `--changeset`: the changeset goes under the repository root; its path is reported on stderr. */
async function writeImpliedChangeset(io: CliIo, root: string | undefined, result: CheckResult, base: AbiSide, head: AbiSide): Promise<void> {
  if (!root) throw new UsageError('--changeset writes under the repository root: pass --root DIR');
  const { changesetFileName, changesetText, impliedChangeset, GENERATED_PACKAGES } = await import('../../release/changeset.js');
  const { writeChanged } = await import('../../output/pipeline.js');
  const change = impliedChangeset(result, base, head);
  if (!change) {
    io.err('xenabi check: no ABI change, so no changeset\n');
    return;
  }
  const text = changesetText(change);
  const path = changesetFileName(text);
  writeChanged(root, [{ path, content: text }]);
  io.err(`xenabi check: wrote ${path}: ${change.bump} for ${GENERATED_PACKAGES.join(', ')}\n`);
}

function optionalRoot(io: CliIo): string | undefined {
  try {
    return findRoot(io.cwd);
  } catch {
    return undefined;
  }
}

type Sides = typeof import('../../check/side/load.js');

function baseSpec(sides: Sides, io: CliIo, root: string | undefined, against: string | undefined, base: string | undefined): SideSpec {
  if (base !== undefined) return sides.sideSpecForPath(base, io.cwd);
  if (!root) throw new UsageError('no repository root for the base; pass --base PATH or --root DIR');
  if (against !== undefined) return { kind: 'git', repoRoot: root, ref: against };
  return sides.committedBaseline(root);
}

/** The label of the default head, the working tree's `abi/`. */
const HEAD_LABEL = 'abi/ (working tree)';

function headSpec(sides: Sides, io: CliIo, root: string | undefined, head: string | undefined): SideSpec {
  if (head !== undefined) {
    const spec = sides.sideSpecForPath(head, io.cwd);
    return spec.kind === 'abi' ? { ...spec, lenient: false } : spec;
  }
  if (!root) throw new UsageError('no repository root for the head; pass --head PATH or --root DIR');
  return { kind: 'abi', dir: join(root, 'abi'), repoRoot: root, label: HEAD_LABEL };
}

/** Loads a side; an ABI that does not load is reported as that side's bad input. */
async function loadLabelled(sides: Sides, which: 'base' | 'head', spec: SideSpec, options: { release?: string }): Promise<AbiSide> {
  try {
    return await sides.loadSide(spec, options);
  } catch (error) {
    if (!(error instanceof AbiInputError)) throw error;
    const what = spec.kind === 'git' ? `the base (abi/ at ${spec.ref})` : `the ${which}`;
    const list = sortDiagnostics(error.diagnostics).filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new SideInputError(`${what} does not load:\n${list.map((l) => `  ${l}`).join('\n')}`);
  }
}

function readWaivers(io: CliIo, root: string | undefined, explicit: string | undefined): Waiver[] {
  const path = explicit !== undefined ? resolve(io.cwd, explicit) : root ? join(root, DEFAULT_WAIVERS_PATH) : undefined;
  if (!path) return [];
  if (explicit === undefined && !existsSync(path)) return [];
  const label = explicit !== undefined ? `--waivers ${explicit}` : DEFAULT_WAIVERS_PATH;
  try {
    return parseWaivers(readInput(path, label), relative(root ?? io.cwd, path).split('\\').join('/'));
  } catch (error) {
    if (error instanceof InputFileError) throw new SideInputError(error.message);
    throw error;
  }
}

/**
 * Where a rule's page is: `--docs-url`, else the repository a CI job runs in (GitHub Actions
 * or GitLab CI, at the commit checked), else the local docs/rules/ folder.
 */
export function rulesUri(root: string | undefined, explicit: string | undefined): ((rule: string) => string) | undefined {
  const env = process.env;
  let base = explicit;
  if (!base && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    base = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/docs/rules/`;
  } else if (!base && env.CI_PROJECT_URL && env.CI_COMMIT_SHA) {
    base = `${env.CI_PROJECT_URL}/-/blob/${env.CI_COMMIT_SHA}/docs/rules/`;
  } else if (!base && root) {
    base = pathToFileURL(join(root, 'docs/rules/')).href;
  }
  if (!base) return undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (rule) => `${prefix}${rule}.md`;
}

export function toolVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version;
  } catch {
    return undefined;
  }
}
