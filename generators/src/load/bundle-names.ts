/**
 * The names the bundled ABI runs under, shared by the bundler (`build.ts`), the realm that
 * runs it (`sandbox.ts`) and the code that maps its positions (`source-map.ts`).
 */

/**
 * The name the bundle runs under: its stack frames say `xenabi-abi-bundle.js:LINE:COLUMN`,
 * which the loader maps back to the ABI modules. Also the (never written) output file in
 * `abi/`, so that the source map's paths are relative to `abi/`.
 */
export const BUNDLE_FILE = 'xenabi-abi-bundle.js';

/** Where the bundle leaves the modules' default exports, in the order of the files (a `Symbol.for` key). */
export const EXPORTS_KEY = 'xenabi.abi.exports';
