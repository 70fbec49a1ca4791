// Trunk post-build hook (Trunk.toml): one wasm per chunk, and dist/ deployable anywhere under a
// strict CSP.
//  0. Trunk built the main chunk (index.html's data-bin); the other chunks of src/views.json are
//     built here the same way (scripts/build-chunks.mjs: cargo, wasm-bindgen, wasm-opt).
//  1. Trunk's inline loader gives way to src/shell/boot.js, written as an external, content-hashed
//     boot-<hash>.js that index.html loads with SRI: it starts the page's chunk and its data.
//  2. The app's files move from tags into a JSON list (#app-assets: shared files, and each chunk's)
//     that src/shell/base.js, inlined as index.html's first script, turns back into tags under the
//     right base, for the page's chunk only.
//  3. The skeleton (top bar from the view list, a placeholder of the view) is painted from HTML.
//  4. 404.html = index.html, for hosts that serve it for unknown paths.
//  5. csp.txt: the Content-Security-Policy to serve, with the hash of the one inline script.
//  6. name.br and name.gz beside each file, for hosts that serve precompressed files.
// Usage: run by Trunk (TRUNK_STAGING_DIR), or `node scripts/finalize-dist.mjs DIR`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';
import { buildChunks } from './build-chunks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const viewList = JSON.parse(fs.readFileSync(path.join(root, 'src/views.json'), 'utf8'));
const digest = (algo, text, enc = 'base64') => crypto.createHash(algo).update(text).digest(enc);
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// 0. Chunks: Trunk's own (named after the bin in its loader) and the others.
const loader = /<script type="module">([\s\S]*?)<\/script>\n?/;
const found = html.match(loader);
if (!found) throw new Error('finalize-dist: no Trunk loader in index.html (run through trunk build)');
const trunkJs = found[1].match(/from '\.?\/?(([a-z0-9_]+)-[0-9a-f]+\.js)'/);
const trunkWasm = found[1].match(/module_or_path: '\.?\/?([^'/]+\.wasm)'/);
if (!trunkJs || !trunkWasm) throw new Error(`finalize-dist: unexpected Trunk loader, update scripts/finalize-dist.mjs:\n${found[1]}`);
const mainChunk = trunkJs[2];
const chunkNames = [...new Set(viewList.views.map((v) => v.chunk))];
if (!chunkNames.includes(mainChunk)) throw new Error(`finalize-dist: Trunk built ${mainChunk}, which src/views.json does not name`);
const chunks = { [mainChunk]: { js: trunkJs[1], wasm: trunkWasm[1] } };
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
Object.assign(chunks, buildChunks(chunkNames.filter((c) => c !== mainChunk), dir, release));
html = html.replace(loader, '');
// wasm-bindgen's glue, minified (terser): about 40% of its compressed bytes.
if (release) {
  for (const f of Object.values(chunks)) {
    const file = path.join(dir, f.js);
    fs.writeFileSync(file, (await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: { passes: 2 } })).code);
  }
}

// 1. The boot script.
let bootSource = fs.readFileSync(path.join(root, 'src/shell/boot.js'), 'utf8');
if (release) bootSource = (await minify(bootSource, { module: true, compress: { passes: 2 } })).code;
const boot = `// Written by scripts/finalize-dist.mjs from src/shell/boot.js.\n${bootSource}\n`;
const bootName = `boot-${digest('sha256', boot, 'hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, bootName), boot);

// 2. Files as data. Trunk's tags for its chunk are dropped: every chunk gets the same three —
//    its wasm and JS, and one stylesheet: the shared styles (tokens, app) and those named in its
//    views' styles (style/<name>.css), in index.html's order, in one file (each request more is
//    a round trip on a real line, and the browser opens six connections at most).
const shared = [];
const sharedStyles = [];
const chunkStyles = Object.fromEntries(chunkNames.map((c) => [c, []]));
const assetTag = /[ \t]*<(link|script)\b([^>]*?)\/?>(?:<\/script>)?\n?/g;
html = html.replace(assetTag, (whole, tag, attrText) => {
  const attrs = {};
  for (const m of attrText.matchAll(/([a-zA-Z-]+)(?:="([^"]*)"|=([^\s>]+))?/g)) attrs[m[1]] = m[2] ?? m[3] ?? '';
  const isAsset = (tag === 'link' && /^(stylesheet|modulepreload|preload|icon)$/.test(attrs.rel)) || (tag === 'script' && attrs.src);
  if (!isAsset) return whole;
  const href = attrs.href || attrs.src || '';
  if (href.includes(chunks[mainChunk].js) || href.includes(chunks[mainChunk].wasm)) return '';
  if (attrs.rel === 'stylesheet') {
    const stem = path.basename(href).replace(/-[0-9a-f]+\.css$/, '');
    const owners = viewList.views.filter((v) => (v.styles || []).includes(stem)).map((v) => v.chunk);
    const file = path.join(dir, href.replace(/^\.\//, ''));
    if (owners.length) for (const chunk of new Set(owners)) chunkStyles[chunk].push(file);
    else sharedStyles.push(file);
    return '';
  }
  shared.push({ tag, attrs });
  return '';
});
const styleOf = {};
for (const name of chunkNames) {
  const files = [...sharedStyles, ...chunkStyles[name]];
  // Release: each file without comments and spaces (csso, without restructuring: rules stay
  // where they were written, so the cascade is the source's), ~0.8 KiB gzip per view. A marker
  // line names each file's part.
  const body = (f) => {
    const text = fs.readFileSync(f, 'utf8').trim();
    return release ? minifyCss(text, { restructure: false, comments: false }).css : text;
  };
  const css = files.map((f) => `/* ${path.basename(f).replace(/-[0-9a-f]+\.css$/, '.css')} */\n${body(f)}\n`).join('\n');
  styleOf[name] = `${name}-${digest('sha256', css, 'hex').slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, styleOf[name]), css);
}
for (const f of new Set([...sharedStyles, ...Object.values(chunkStyles).flat()])) fs.rmSync(f);
shared.push({ tag: 'script', attrs: { type: 'module', src: `./${bootName}`, integrity: `sha384-${digest('sha384', boot)}`, crossorigin: 'anonymous' } });
const app = {
  default: viewList.default,
  views: viewList.views.map(({ id, path: p, chunk }) => ({ id, path: p, chunk })),
  shared,
  chunks: Object.fromEntries(Object.entries(chunks).map(([name, f]) => [name, {
    js: `./${f.js}`,
    wasm: `./${f.wasm}`,
    // The biggest first, so it never waits for a connection. The stylesheet holds back the
    // first paint (a script-added one does not unless asked): the skeleton never flashes unstyled.
    assets: [
      { tag: 'link', attrs: { rel: 'preload', href: `./${f.wasm}`, as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous' } },
      { tag: 'link', attrs: { rel: 'modulepreload', href: `./${f.js}`, crossorigin: 'anonymous' } },
      { tag: 'link', attrs: { rel: 'stylesheet', href: `./${styleOf[name]}`, blocking: 'render' } },
    ],
  }])),
};
const json = JSON.stringify(app).replaceAll('<', '\\u003c');
const baseScript = fs.readFileSync(path.join(root, 'src/shell/base.js'), 'utf8').trim();
// The view's first API requests start right after <base> is known, while the head is read.
let prefetchScript = fs.readFileSync(path.join(root, 'src/shell/prefetch.js'), 'utf8').trim();
if (release) prefetchScript = (await minify(prefetchScript, { compress: { passes: 2 } })).code;
html = html.replace(/(<meta charset="utf-8" \/>)/,
  `$1\n  <script type="application/json" id="app-assets">${json}</script>\n  <script>${baseScript}</script>\n  <script>${prefetchScript}</script>`);
html = html.replace(/\n{3,}/g, '\n');

// 3. The skeleton: what the app's shell draws first, as plain HTML (links relative to <base>).
const defaultPath = viewList.views.find((v) => v.id === viewList.default)?.path ?? '/';
const link = (p, label) => `<a class="nav-link" href="${escapeHtml(p.slice(1))}">${escapeHtml(label)}</a>`;
const nav = viewList.views.filter((v) => v.nav).map((v) => link(v.path, v.nav)).join('');
const settings = viewList.views.find((v) => v.id === 'Settings');
const rows = '<div class="skeleton-row"></div>'.repeat(8);
const skeleton = `<div id="boot-skeleton" aria-busy="true">`
  + `<header class="top-bar"><a class="brand" href="${escapeHtml(defaultPath.slice(1))}">tree<span class="brand-accent">herder</span> <span class="brand-sub">explorer</span></a>`
  + `<nav class="nav" aria-label="Views">${nav}</nav>`
  + `<div class="top-bar-right"><span class="skeleton skeleton-picker"></span>${settings ? link(settings.path, 'Settings') : ''}</div></header>`
  + `<main class="view"><div class="skeleton skeleton-view" aria-label="Loading">${rows}</div></main></div>`;
if (!html.includes('<div id="boot-skeleton"></div>')) throw new Error('finalize-dist: index.html lost its <div id="boot-skeleton"></div>');
html = html.replace('<div id="boot-skeleton"></div>', skeleton);
fs.writeFileSync(indexPath, html);

// 4. Deep links on hosts without SPA fallback.
fs.writeFileSync(path.join(dir, '404.html'), html);

// 5. The policy.
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${digest('sha256', m[1])}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  // Raw logs: Taskcluster's queue, and the artifact storage it redirects to.
  "connect-src 'self' https://treeherder.mozilla.org https://treeherder.allizom.org http://localhost:8000 https://firefox-ci-tc.services.mozilla.com https://community-tc.services.mozilla.com https://*.taskcluster-artifacts.net",
  "frame-ancestors *",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');
fs.writeFileSync(path.join(dir, 'csp.txt'), `${policy}\n`);
// 6. Precompressed copies (name.br, name.gz) at the highest levels, for hosts that serve them
//    (nginx gzip_static/brotli_static; the sample server does): release builds only.
if (release) {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(wasm|js|css|html|json|svg|txt)$/.test(name)) continue;
    const bytes = fs.readFileSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(bytes, { level: 9 }));
    fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
  }
}
console.log(`finalize-dist: ${dir}: chunks ${Object.keys(chunks).join(', ')}, boot script, skeleton, 404.html, csp.txt`);
