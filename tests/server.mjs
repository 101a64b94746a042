// Test servers for the Playwright suite (and the benchmark), no dependencies:
//  - HOST (127.0.0.1:4173): the partner pages in tests/pages, article fixtures, fault endpoints,
//    and dist/ at /dist/ (same origin, for the CSP page);
//  - CDN  (127.0.0.1:4174): dist/ under a deep path, cross-origin with CORS, as a partner deploys it;
//    /broken/... is the same bundle with every .wasm answering 404.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const HOST_PORT = Number(process.env.HOST_PORT || 4173);
const CDN_PORT = Number(process.env.CDN_PORT || 4174);
export const CDN_PREFIX = "/cdn/v1/deep/path/news-widget/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

async function sendFile(res, file, headers = {}) {
  const safe = normalize(file);
  if (!safe.startsWith(root)) return notFound(res);
  try {
    if (!(await stat(safe)).isFile()) return notFound(res);
    const body = await readFile(safe);
    res.writeHead(200, { "content-type": TYPES[extname(safe)] || "application/octet-stream", "cache-control": "no-store", ...headers });
    res.end(body);
  } catch {
    notFound(res);
  }
}

function notFound(res, headers = {}) {
  res.writeHead(404, { "content-type": "text/plain", ...headers });
  res.end("not found");
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seed = () => readFile(join(root, "demo/articles/kaohsiung-orange-county.json"));

/** Fault endpoints: each answers the way a broken or hostile article server would. */
const faults = {
  "404": (res) => notFound(res),
  "500": (res) => { res.writeHead(500, { "content-type": "text/plain" }); res.end("boom"); },
  hang: () => {}, // never answers
  invalid: (res) => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"headline": "cut off", "body": ['); },
  array: (res) => { res.writeHead(200, { "content-type": "application/json" }); res.end("[1,2,3]"); },
  "no-headline": (res) => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"body": []}'); },
  huge: (res) => {
    const body = Buffer.alloc(6 * 1024 * 1024, 0x20);
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  },
  "huge-unannounced": async (res, req) => {
    res.writeHead(200, { "content-type": "application/json" }); // chunked: no length announced
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    for (let sent = 0; sent < 8 * 1024 * 1024 && !req.destroyed; sent += chunk.length) {
      if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  },
  trickle: async (res, req) => {
    res.writeHead(200, { "content-type": "application/json" });
    const body = (await seed()).toString();
    for (let i = 0; i < body.length && !req.destroyed; i += 64) {
      res.write(body.slice(i, i + 64));
      await sleep(200);
    }
    res.end();
  },
  slow: async (res, req, url) => {
    await sleep(Number(url.searchParams.get("ms") || 1500));
    if (req.destroyed) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(await seed());
  },
};

/** Counts requests per path, so tests can assert what was (not) downloaded. */
const hits = new Map();

const host = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = decodeURIComponent(url.pathname);
  hits.set(path, (hits.get(path) || 0) + 1);
  if (path === "/__hits") {
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify(Object.fromEntries(hits)));
  }
  if (path.startsWith("/fault/")) {
    const fault = faults[path.slice(7)];
    return fault ? fault(res, req, url) : notFound(res);
  }
  if (path.startsWith("/dist/")) return sendFile(res, join(root, "dist", path.slice(6)));
  if (path.startsWith("/articles/")) return sendFile(res, join(root, "demo/articles", path.slice(10)));
  if (path.startsWith("/images/")) return sendFile(res, join(root, "demo/images", path.slice(8)));
  if (path.startsWith("/fixtures/")) return sendFile(res, join(root, "tests/fixtures", path.slice(10)));
  if (path.startsWith("/vendor/bootstrap.css")) return sendFile(res, join(root, "node_modules/bootstrap/dist/css/bootstrap.min.css"));
  if (path.startsWith("/pages/")) {
    const headers = path.includes("csp") ? { "content-security-policy": CSP } : {};
    return sendFile(res, join(root, "tests/pages", path.slice(7)), headers);
  }
  notFound(res);
});

const cdn = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = decodeURIComponent(url.pathname);
  hits.set("cdn:" + path, (hits.get("cdn:" + path) || 0) + 1);
  const cors = { "access-control-allow-origin": "*" };
  if (path.startsWith("/broken/")) {
    if (path.endsWith(".wasm")) return notFound(res, cors);
    return sendFile(res, join(root, "dist", path.slice(8)), cors);
  }
  if (!path.startsWith(CDN_PREFIX)) return notFound(res, cors);
  return sendFile(res, join(root, "dist", path.slice(CDN_PREFIX.length)), cors);
});

host.listen(HOST_PORT, "127.0.0.1");
cdn.listen(CDN_PORT, "127.0.0.1", () => console.log(`test servers: host :${HOST_PORT}, cdn :${CDN_PORT}`));
