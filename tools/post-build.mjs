// Trunk post_build hook: turns Trunk's output into the partner bundle (SPEC §5).
//  - writes news-widget.js, the stable-named loader, with the content-hashed glue/wasm names;
//  - removes the module script Trunk injects into index.html (the demo page embeds the widget
//    exactly as a partner does, through the loader);
//  - in release builds, minifies the wasm-bindgen glue (Trunk's own minifier fails on it) and
//    writes .br and .gz beside every text and wasm file for static hosts.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
if (!staging) throw new Error("run by trunk: TRUNK_STAGING_DIR is not set");

const files = readdirSync(staging);
const glue = files.find((f) => /^news-widget-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^news-widget-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) throw new Error(`glue or wasm missing in ${staging}: ${files.join(", ")}`);

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

const indexPath = join(staging, "index.html");
const index = readFileSync(indexPath, "utf8")
  // (release HTML is already minified, so attribute quotes are optional)
  .replace(/<script[^>]*type=["']?module["']?[^>]*>[\s\S]*?<\/script>\s*/g, "")
  .replace(/<link[^>]*rel=["']?(modulepreload|preload)["']?[^>]*>\s*/g, "");
if (/wasmBindings|modulepreload/.test(index)) throw new Error("Trunk's own loader is still in index.html");
writeFileSync(indexPath, index);

if (release) {
  // Measured: 7,520 -> 5,758 B brotli. Export names and the wasm import object's keys are
  // kept (terser mangles only local names and never property names by default).
  const gluePath = join(staging, glue);
  const { code } = await minify(readFileSync(gluePath, "utf8"), { module: true, compress: { passes: 2 } });
  writeFileSync(gluePath, code);

  const walk = (dir) =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  for (const file of walk(staging).filter((f) => /\.(js|wasm|css|html|json|svg)$/.test(f))) {
    const data = readFileSync(file);
    writeFileSync(file + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(file + ".gz", gzipSync(data, { level: 9 }));
  }
}
console.log(`post-build: loader -> ${glue}, ${wasm}${release ? " (+ .br/.gz)" : ""}`);
