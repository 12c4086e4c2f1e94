// What the build gives the page's code (scripts/build-site.mjs, esbuild's define): the name of
// the content-hashed .wasm file. (The '@jobzone/wasm' glue is typed by wasm/jobzone.d.ts, mapped
// in tsconfig.json.)
declare const __JOBZONE_WASM__: string;
