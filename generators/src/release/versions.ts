/**
 * The versions of the packages whose generated files name them (the crate's Cargo.toml, the C
 * headers' `xenabi/version.h`). Each is read from the package's own package.json, which
 * changesets bumps (`npx changeset version`); `xenabi generate` then carries it into the
 * generated files, and `generate --check` fails until it has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageVersions {
  /** `packages/c-headers/package.json`. @example "0.1.0" */
  c: string;
  /** `packages/rust-bindings/package.json`. @example "0.1.0" */
  rust: string;
  /** `packages/ts-bindings/package.json`, which the TypeScript emitter writes back with the version it found. @example "0.1.0" */
  ts: string;
}

/** Where each version is read from, relative to the repository root. */
export const VERSION_SOURCES: Readonly<Record<keyof PackageVersions, string>> = {
  c: 'packages/c-headers/package.json',
  rust: 'packages/rust-bindings/package.json',
  ts: 'packages/ts-bindings/package.json',
};

/** The version of a package that has no package.json (a test fixture's tree): never released. */
export const UNRELEASED = '0.0.0';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Major, minor and patch of a release version; throws on anything else (a pre-release, a typo). */
export function versionParts(version: string): [number, number, number] {
  const m = SEMVER.exec(version);
  if (!m) throw new Error(`${JSON.stringify(version)} is not a release version (MAJOR.MINOR.PATCH)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function readPackageVersions(root: string): PackageVersions {
  const read = (key: keyof PackageVersions): string => {
    const path = join(root, VERSION_SOURCES[key]);
    if (!existsSync(path)) return UNRELEASED;
    const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
    if (typeof version !== 'string') throw new Error(`${VERSION_SOURCES[key]}: no "version"`);
    try {
      versionParts(version);
    } catch (error) {
      throw new Error(`${VERSION_SOURCES[key]}: "version": ${(error as Error).message}`);
    }
    return version;
  };
  return { c: read('c'), rust: read('rust'), ts: read('ts') };
}
