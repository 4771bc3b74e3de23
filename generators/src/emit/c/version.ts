/**
 * The view of `xenabi/version.h`: the version of the headers (the c-headers package's, from
 * its package.json) as macros a program can test with the preprocessor. (The Xen releases the
 * headers know are the prelude's XENABI_XEN_OLDEST_VERSION and XENABI_XEN_NEWEST_VERSION.) Every module header includes it, so the macros are there whichever
 * header a program includes.
 */
import { UNRELEASED, versionParts } from '../../release/versions.js';
import { cString, docCommentLines, VERSION_GUARD } from './names.js';

export interface VersionView {
  doc: string[];
  guard: string;
  macros: { comment: string[]; name: string; value: string }[];
}

export function versionView(version: string = UNRELEASED): VersionView {
  const [major, minor, patch] = versionParts(version);
  const macro = (name: string, value: string, comment?: string) => ({ comment: comment ? docCommentLines(comment) : [], name, value });
  return {
    doc: docCommentLines(
      'The version of the xenabi C headers. Versions follow semantic versioning over the ABI the headers declare: a major version removes or changes a stable item, a minor one adds items (a new Xen release among them), a patch changes only documentation or spelling.',
    ),
    guard: VERSION_GUARD,
    macros: [
      macro('XENABI_VERSION_MAJOR', String(major)),
      macro('XENABI_VERSION_MINOR', String(minor)),
      macro('XENABI_VERSION_PATCH', String(patch)),
      macro('XENABI_VERSION_STRING', cString(version), 'The version as text, as pkg-config reports it.'),
      macro(
        'XENABI_VERSION_AT_LEAST(major, minor, patch)',
        '(XENABI_VERSION_MAJOR > (major) || (XENABI_VERSION_MAJOR == (major) && (XENABI_VERSION_MINOR > (minor) || (XENABI_VERSION_MINOR == (minor) && XENABI_VERSION_PATCH >= (patch)))))',
        'For #if: whether the headers are this version or newer.',
      ),
    ],
  };
}
