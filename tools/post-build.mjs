// Trunk post_build hook (Trunk.toml): turns Trunk's output into the partner bundle (SPEC §5).
//  - writes news-widget.js, the stable-named loader, with the content-hashed glue/wasm names;
//  - removes the module script Trunk injects into index.html (the demo page embeds the widget
//    exactly as a partner does, through the loader).
// In release builds, the bundle's non-standard steps, each measured on the release bundle
// (brotli bytes with and without: BENCHMARKS.md, "Size work") and each failing this build when
// it stops doing its job:
//  - drops wasm-streams' classes from the glue, whose wasm side tools/wasm-ld.sh left out;
//  - shortens the names the wasm and the glue call each other by;
//  - minifies the wasm-bindgen glue with terser (Trunk's own minifier fails on it and keeps it
//    as it is, with a warning);
//  - renames glue and wasm after a hash of what they now contain;
//  - writes .br and .gz beside every text and wasm file, for static hosts.
import { readFileSync, writeFileSync, readdirSync, statSync, renameSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
if (!staging) throw new Error("run by trunk: TRUNK_STAGING_DIR is not set");

const files = readdirSync(staging);
let glue = files.find((f) => /^news-widget-[0-9a-f]+\.js$/.test(f));
let wasm = files.find((f) => /^news-widget-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) throw new Error(`glue or wasm missing in ${staging}: ${files.join(", ")}`);

const indexPath = join(staging, "index.html");
const index = readFileSync(indexPath, "utf8")
  // (release HTML is already minified, so attribute quotes are optional)
  .replace(/<script[^>]*type=["']?module["']?[^>]*>[\s\S]*?<\/script>\s*/g, "")
  .replace(/<link[^>]*rel=["']?(modulepreload|preload)["']?[^>]*>\s*/g, "");
if (/wasmBindings|modulepreload/.test(index)) throw new Error("Trunk's own loader is still in index.html");
writeFileSync(indexPath, index);

/**
 * Renames the wasm's imports and exports to one or two letters and rewrites the glue to match:
 * measured 77,927 -> 74,151 B brotli for the whole bundle (glue -1,739, wasm -2,038).
 * wasm-bindgen names every import after its Rust item plus a hash
 * (`__wbg_set_className_fcd90345b3a090af`), and these names are stored in both files.
 * Binaryen does the wasm side and prints the mapping; the glue refers to imports only as keys
 * of its import object and to exports only through `wasm`, as `wasm.<name>`, all checked here,
 * so a wasm-bindgen that changes this shape fails the build instead of shipping a broken bundle.
 */
function shortenBoundaryNames(wasmPath, glueSource) {
  const wasmOpt = new URL("../node_modules/.bin/wasm-opt", import.meta.url).pathname;
  const out = execFileSync(wasmOpt, [wasmPath, "--minify-imports-and-exports-and-modules", "-o", wasmPath], {
    encoding: "utf8",
  });
  const map = JSON.parse(out.slice(out.indexOf("{"), out.lastIndexOf("}") + 1));
  const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let code = glueSource;
  const replaceOnce = (pattern, replacement, what) => {
    let count = 0;
    code = code.replace(pattern, (...m) => (count++, replacement(...m)));
    if (count !== 1) throw new Error(`post-build: ${what} found ${count} times in the glue, expected once`);
  };
  const moduleName = (imports) => {
    const names = new Set(imports.map((i) => i.module));
    if (names.size !== 1) throw new Error(`post-build: wasm imports from ${[...names].join(", ")}`);
    return [...names][0];
  };
  const oldModule = moduleName(map.imports.map(([module]) => ({ module })));
  const newModule = moduleName(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath))));
  replaceOnce(new RegExp(`"${escape(oldModule)}": import0`, "g"), () => `${JSON.stringify(newModule)}: import0`, `module ${oldModule}`);
  for (const [, base, short] of map.imports) {
    replaceOnce(new RegExp(`^(\\s+)${escape(base)}: function`, "gm"), (_, indent) => `${indent}${short}: function`, `import ${base}`);
  }
  // The exports object is reached only as `wasm` (init() also returns it, with the short names;
  // the loader does not use it): anything else would bypass the renaming below.
  const elsewhere = code
    .replace(/\blet wasmModule, wasmInstance, wasm;/, "")
    .replace(/\bwasm = instance\.exports;/, "")
    .replaceAll(/\breturn wasm;/g, "")
    .replaceAll(/\bwasm !== undefined/g, "")
    .match(/(?<![\w$./'"-])wasm(?![\w$.])|\.exports\b/g);
  if (elsewhere) throw new Error(`post-build: the glue reaches the wasm exports as ${elsewhere.join(", ")}`);
  const exports = new Map(map.exports);
  code = code.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (_, name) => {
    if (!exports.has(name)) throw new Error(`post-build: the glue calls wasm.${name}, which the wasm does not export`);
    return `wasm.${exports.get(name)}`;
  });
  return code;
}

/**
 * Drops wasm-streams' classes from the glue: tools/wasm-ld.sh links the wasm without the
 * functions behind them (why, and what it saves, is there). Fails when the linker kept their
 * exports (the wrapper stopped working) or when the glue has no such class any more (wasm-streams
 * is no longer linked: the wrapper and this step have nothing left to do, remove them).
 */
function dropStreamClasses(glueSource, wasmPath) {
  const kept = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasmPath)))
    .map((e) => e.name)
    .filter((name) => /intounderlying/i.test(name));
  if (kept.length) throw new Error(`post-build: the wasm still exports ${kept.join(", ")}: tools/wasm-ld.sh did not drop them`);
  if (!/^export class IntoUnderlying/m.test(glueSource)) {
    throw new Error("post-build: the glue has no wasm-streams class: remove tools/wasm-ld.sh (its linker in .cargo/config.toml) and this step");
  }
  const code = glueSource
    .replace(/^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm, "")
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, "");
  if (code.includes("IntoUnderlying")) throw new Error("post-build: the glue still refers to a wasm-streams class");
  return code;
}

if (release) {
  // Measured: 76,180 -> 74,151 B brotli for the whole bundle (glue 5,726 -> 3,698). If terser
  // cannot parse the glue it throws, and the build fails. Export names and the wasm import object's keys
  // are kept (terser mangles only local names and never property names by default).
  const gluePath = join(staging, glue);
  const wasmPath = join(staging, wasm);
  const shortened = shortenBoundaryNames(wasmPath, dropStreamClasses(readFileSync(gluePath, "utf8"), wasmPath));
  const { code } = await minify(shortened, { module: true, compress: { passes: 2 } });
  // Chrome's explicit compile hint (Chrome 136+; a comment elsewhere): V8 compiles every glue
  // function while the script streams in, off the main thread, instead of on its first call
  // inside the widget's first mount (about a hundred there before, measured; BENCHMARKS.md).
  writeFileSync(gluePath, "//# allFunctionsCalledOnLoad\n" + code);

  // Trunk hashed cargo's output, before the changes above; hosts cache hashed files forever
  // (`immutable`), so the names must change whenever these bytes do, including when only this
  // hook or Binaryen changes. The pair shares one hash: they only work together.
  const hash = createHash("sha256")
    .update(readFileSync(gluePath))
    .update(readFileSync(join(staging, wasm)))
    .digest("hex")
    .slice(0, 16);
  const [newGlue, newWasm] = [`news-widget-${hash}.js`, `news-widget-${hash}_bg.wasm`];
  renameSync(gluePath, join(staging, newGlue));
  renameSync(join(staging, wasm), join(staging, newWasm));
  [glue, wasm] = [newGlue, newWasm];
}

let loader = readFileSync(new URL("../loader/news-widget.js", import.meta.url), "utf8")
  .replaceAll("__GLUE__", glue)
  .replaceAll("__WASM__", wasm);
if (release) {
  // Comments and indentation only; the source is written to stay small without a minifier.
  loader = loader
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/ \/\/ .*$/gm, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}
writeFileSync(join(staging, "news-widget.js"), loader);

if (release) {
  // Precompressed at the highest levels, since deploy/nginx.conf never compresses at request
  // time: 74,151 B brotli (q11) for the bundle against 82,077 B at ngx_brotli's default on-the-fly
  // level 6 (gzip -9 87,985 against -6 88,030). tools/size-budget.mjs fails when a .br or .gz
  // is missing or does not decompress to its file.
  const walk = (dir) =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  for (const file of walk(staging).filter((f) => /\.(js|wasm|css|html|json|svg)$/.test(f))) {
    const data = readFileSync(file);
    writeFileSync(file + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(file + ".gz", gzipSync(data, { level: 9 }));
  }
}
console.log(`post-build: loader -> ${glue}, ${wasm}${release ? " (+ .br/.gz)" : ""}`);
