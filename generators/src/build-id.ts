/**
 * The id of this build of xenabi: the digest of the bundled CLI and of every compiled module
 * beside it, written in by `scripts/bundle-cli.mjs`. Caches that outlive a run
 * (`load/model-cache.ts`) store it and are read only by the same build, so a changed xenabi
 * never reads what another one wrote. Undefined when running from the compiled modules or
 * the sources (tests), which then cache nothing across runs.
 */
const WRITTEN = '__XENABI_BUILD_ID_PLACEHOLDER__';

export const BUILD_ID: string | undefined = WRITTEN === `__XENABI_BUILD_ID_${'PLACEHOLDER__'}` ? undefined : WRITTEN;

/** The variable in which the tests' global setup names the sources they run (`generators/test/global-setup.ts`). */
export const TEST_BUILD_VARIABLE = 'XENABI_TEST_BUILD_ID';

/**
 * What the model cache (`load/model-cache.ts`) keys its entries by: the build id, or, when
 * the tests run xenabi from its TypeScript sources, the digest of every source file that
 * vitest's global setup puts in `XENABI_TEST_BUILD_ID`. Test files then share a loaded model
 * instead of each evaluating and validating `abi/` again, and a change to any source file
 * starts afresh. The compiled modules never read the variable; emitter outputs are never
 * cached from the sources.
 */
export const MODEL_CACHE_ID: string | undefined = BUILD_ID ?? (import.meta.url.endsWith('.ts') ? process.env[TEST_BUILD_VARIABLE] || undefined : undefined);
