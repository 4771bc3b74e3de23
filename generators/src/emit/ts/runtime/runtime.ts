/**
 * The runtime of `@xenabi/ts-bindings`: the architecture names, the codec, view and layout
 * types, and the checks and buffer helpers the generated modules call. No dependencies and
 * no Node APIs: only `DataView` and typed arrays, so it runs in Node and in browsers. The
 * generated modules import it from here; its parts are the `runtime-*.ts` files beside it.
 */
export * from './runtime-types.js';
export * from './runtime-brands.js';
export * from './runtime-buffers.js';
export * from './runtime-checks.js';
export * from './runtime-views.js';
export * from './runtime-unions.js';
