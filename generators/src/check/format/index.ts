/** The output formats of `xenabi check`, by name. */
import type { CheckResult } from '../engine.js';
import type { FormatOptions, OutputFormat } from './common.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export { FORMATS, type FormatOptions, type OutputFormat } from './common.js';

export function formatResult(result: CheckResult, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result);
    case 'github':
      return formatGithub(result, options);
    case 'markdown':
      return formatMarkdown(result, options);
    case 'sarif':
      return formatSarif(result, options);
  }
}
