/**
 * The id of this build of xenabi: the digest of the bundled CLI and of every compiled module
 * beside it, written in by `scripts/bundle-cli.mjs`. Caches that outlive a run
 * (`load/model-cache.ts`) store it and are read only by the same build, so a changed xenabi
 * never reads what another one wrote. Undefined when running from the compiled modules or
 * the sources (tests), which then cache nothing across runs.
 */
const WRITTEN = '__XENABI_BUILD_ID_PLACEHOLDER__';

export const BUILD_ID: string | undefined = WRITTEN === `__XENABI_BUILD_ID_${'PLACEHOLDER__'}` ? undefined : WRITTEN;
