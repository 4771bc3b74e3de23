/**
 * Where xenabi lives, for the metadata of every package it publishes (npm's `repository` and
 * `homepage`, cargo's `repository`, `homepage` and `documentation`, Debian's `Homepage`). One
 * place, so a move is one edit and a test keeps the hand-written manifests equal to it.
 */
export const REPOSITORY_URL = 'https://github.com/xenabi/xenabi';

/** The docs site (`docs/site/`, built by `npm run docs:site`), published from main. */
export const HOMEPAGE_URL = 'https://xenabi.github.io/xenabi/';

/** The git URL npm's `repository.url` takes. */
export const REPOSITORY_GIT_URL = `git+${REPOSITORY_URL}.git`;

/** The Rust crate's name: the newest release's build is `xenabi`; a build of an older one names it. */
export function crateName(release: string, newest: string): string {
  return release === newest ? 'xenabi' : `xenabi-xen-${release.replace('.', '-')}`;
}

/** An npm package's name: the newest release's build has the plain name; a build of an older one names it. */
export function npmPackageName(name: string, release: string, newest: string): string {
  return release === newest ? name : `${name}-xen-${release.replace('.', '-')}`;
}
