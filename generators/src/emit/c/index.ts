/**
 * The C header emitter: one self-contained header per ABI module under
 * `packages/c-headers/include/xenabi/<namespace>/`, the umbrella `xenabi/xenabi.h`, and
 * `xenabi/version.h` (the XENABI_VERSION_* macros, which every module header includes).
 * Declarations use Xen's names and can share a translation unit with Xen's own headers;
 * every header asserts its layout, per architecture, with numbers from the layout engine.
 * A stable header declares what the oldest release the includer supports had
 * (`XENABI_XEN_MIN_VERSION`), an unstable one what its interface version's release had, so
 * the emitter reads the whole history (`context.history`), not only the release emitted.
 */
import type { ReleaseModel } from '../../select/release.js';
import { VERSION_SOURCES } from '../../release/versions.js';
import type { EmitContext, Emitter, OutputFile } from '../emitter.js';
import { loadTemplates, templateDir, type Template } from '../templates.js';
import { PRECOMPILED } from './templates/precompiled.js';
import { headerPath, UMBRELLA_PATH, VERSION_PATH } from './names.js';
import { versionView } from './version.js';
import { headerView, Releases, umbrellaView } from './view-model.js';

/** Where version.h's number comes from (changesets bumps it). */
const VERSION_SOURCE = VERSION_SOURCES.c;

let templates: Record<string, Template> | undefined;

function template(name: string): Template {
  templates ??= loadTemplates(templateDir(import.meta.url), PRECOMPILED);
  const t = templates[name];
  if (!t) throw new Error(`c emitter: no template ${name}.hbs`);
  return t;
}

export const cEmitter: Emitter = {
  id: 'c',
  emit(model: ReleaseModel, context: EmitContext): OutputFile[] {
    const releases = new Releases(context.history, model);
    const headers = model.modules.map(
      (m): OutputFile => ({
        path: headerPath(m.namespace, m.name),
        content: template('header')(headerView(releases, m)),
        sources: [m.loc.file],
        comment: 'c',
      }),
    );
    const umbrella: OutputFile = {
      path: UMBRELLA_PATH,
      content: template('umbrella')(umbrellaView(model)),
      sources: ['abi/'],
      comment: 'c',
    };
    const version: OutputFile = {
      path: VERSION_PATH,
      content: template('version')(versionView(context.versions?.c)),
      sources: [VERSION_SOURCE],
      comment: 'c',
    };
    return [...headers, umbrella, version];
  },
};
