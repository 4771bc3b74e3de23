/**
 * The C header emitter: one self-contained header per ABI module under
 * `packages/c-headers/include/xenabi/<namespace>/`, and the umbrella `xenabi/xenabi.h`.
 * Declarations use Xen's names and can share a translation unit with Xen's own headers;
 * every header asserts its layout, per architecture, with numbers from the layout engine.
 */
import type { ReleaseModel } from '../../select/release.js';
import type { Emitter, OutputFile } from '../emitter.js';
import { loadTemplates, templateDir, type Template } from '../templates.js';
import { headerPath, UMBRELLA_PATH } from './names.js';
import { headerView, umbrellaView } from './view-model.js';

let templates: Record<string, Template> | undefined;

function template(name: string): Template {
  templates ??= loadTemplates(templateDir(import.meta.url));
  const t = templates[name];
  if (!t) throw new Error(`c emitter: no template ${name}.hbs`);
  return t;
}

export const cEmitter: Emitter = {
  id: 'c',
  emit(model: ReleaseModel): OutputFile[] {
    const headers = model.modules.map(
      (m): OutputFile => ({
        path: headerPath(m.namespace, m.name),
        content: template('header')(headerView(model, m)),
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
    return [...headers, umbrella];
  },
};
