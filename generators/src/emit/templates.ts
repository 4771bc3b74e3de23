/**
 * Loads an emitter's Handlebars templates. Templates stay dumb: compiled with `strict`
 * (a missing variable is an error, not an empty string), `noEscape` (we emit code, not
 * HTML) and `knownHelpersOnly` (no logic hides in helpers). Every `*.hbs` file in the
 * folder is a template; files starting with `_` are partials.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export type Template = (context: object) => string;

const OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true } as const;

/**
 * `emitterDir` is the emitter's folder as a URL relative to its module, e.g.
 * `templateDir(import.meta.url)`. Compiled code in dist/ reads the templates from src/.
 */
export function loadTemplates(dir: URL): Record<string, Template> {
  const env = Handlebars.create();
  const path = fileURLToPath(dir);
  const files = readdirSync(path).filter((f) => f.endsWith('.hbs')).sort();
  for (const f of files.filter((name) => name.startsWith('_'))) {
    env.registerPartial(f.slice(1, -4), readFileSync(`${path}/${f}`, 'utf8'));
  }
  const templates: Record<string, Template> = {};
  for (const f of files.filter((name) => !name.startsWith('_'))) {
    templates[f.slice(0, -4)] = env.compile(readFileSync(`${path}/${f}`, 'utf8'), OPTIONS);
  }
  return templates;
}

/** The `templates/` folder of the emitter whose module URL is given, in src/ whether running from src/ or dist/. */
export function templateDir(moduleUrl: string): URL {
  return new URL('templates/', moduleUrl.replace('/dist/', '/src/'));
}
