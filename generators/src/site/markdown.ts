/**
 * The project's Markdown documents as site pages. A link to another document that is a page of
 * the site points at that page; a link to any other file of the repository points at it on
 * the repository's web view, so no link of the site leads nowhere.
 */
import { Marked, type Token } from 'marked';
import { posix } from 'node:path';
import { REPOSITORY_URL } from '../release/project.js';
import { relativeHref } from './html.js';

/** Rewrites `href`, found in the document at repository path `source`, for the page at `page`. */
export function siteHref(href: string, source: string, page: string, pages: ReadonlyMap<string, string>): string {
  if (/^[a-z][a-z+.-]*:/i.test(href) || href.startsWith('#')) return href;
  const [path = '', hash] = href.split('#', 2);
  const target = posix.normalize(posix.join(posix.dirname(source), path)).replace(/\/$/, '');
  const suffix = hash !== undefined ? `#${hash}` : '';
  const sitePage = pages.get(target) ?? pages.get(`${target}/README.md`);
  if (sitePage) return `${relativeHref(page, sitePage)}${suffix}`;
  return `${REPOSITORY_URL}/blob/main/${target}${suffix}`;
}

/** The id GitHub gives a heading, so that `doc.md#some-heading` links keep working here. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}_\- ]+/gu, '')
    .replace(/ /g, '-');
}

/** The HTML of a Markdown document at repository path `source`, shown at site path `page`. */
export function markdownPage(text: string, source: string, page: string, pages: ReadonlyMap<string, string>): string {
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token: Token) {
      if (token.type === 'link' || token.type === 'image') token.href = siteHref(token.href, source, page, pages);
    },
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${headingId(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  // Generated-file banners are HTML comments: nothing to show.
  return marked.parse(text.replace(/<!--[\s\S]*?-->\n?/g, '')) as string;
}
