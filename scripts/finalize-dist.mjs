// Trunk post-build hook (Trunk.toml): makes dist/ deployable anywhere under a strict CSP.
//  1. Trunk's inline module loader becomes an external, content-hashed boot-<hash>.js. Its
//     imports are relative to itself, so it works at any path; index.html loads it with SRI.
//  2. 404.html = index.html, for hosts that serve it for unknown paths (GitHub Pages, GitLab
//     Pages, S3/CloudFront error pages, Apache ErrorDocument): deep links then boot the app.
//  3. csp.txt: the Content-Security-Policy to serve, with the hash of index.html's one inline
//     script (the base finder, which never changes).
// Usage: run by Trunk (TRUNK_STAGING_DIR), or `node scripts/finalize-dist.mjs DIR`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const digest = (algo, text, enc = 'base64') => crypto.createHash(algo).update(text).digest(enc);

// 1. The loader.
const loader = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(loader);
if (found) {
  const body = found[1]
    .replace(/from '\.?\/?([^'/]+\.js)'/, "from './$1'")
    .replace(/module_or_path: '\.?\/?([^'/]+\.wasm)'/, "module_or_path: new URL('./$1', import.meta.url)");
  if (!body.includes("new URL('./") || !body.includes("from './")) {
    throw new Error(`finalize-dist: unexpected Trunk loader, update scripts/finalize-dist.mjs:\n${found[1]}`);
  }
  const boot = `// Starts the app. Written by scripts/finalize-dist.mjs from Trunk's loader; paths are relative to this file.\n${body.trim()}\n`;
  const name = `boot-${digest('sha256', boot, 'hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, name), boot);
  const tag = `<script type="module" src="./${name}" integrity="sha384-${digest('sha384', boot)}" crossorigin="anonymous"></script>`;
  html = html.replace(loader, tag);
  fs.writeFileSync(indexPath, html);
} else if (!/<script type="module" src="\.\/boot-[0-9a-f]{16}\.js"/.test(html)) {
  throw new Error('finalize-dist: no Trunk loader and no boot script in index.html');
}

// 1b. The app's files move from tags into a JSON list that index.html's base script turns back
//     into tags under the right base: tags in the HTML would be fetched speculatively (the
//     preload scanner does not wait for the script) from the deep link's directory first.
const assetTag = /[ \t]*<(link|script)\b([^>]*?)\/?>(?:<\/script>)?\n?/g;
const assets = [];
html = html.replace(assetTag, (whole, tag, attrText) => {
  const attrs = {};
  for (const m of attrText.matchAll(/([a-zA-Z-]+)(?:="([^"]*)"|=([^\s>]+))?/g)) attrs[m[1]] = m[2] ?? m[3] ?? '';
  const isAsset = (tag === 'link' && /^(stylesheet|modulepreload|preload|icon)$/.test(attrs.rel)) || (tag === 'script' && attrs.src);
  if (!isAsset) return whole;
  assets.push({ tag, attrs });
  return '';
});
if (assets.length) {
  html = html.replace(/\n{3,}/g, '\n');
  const json = JSON.stringify(assets).replaceAll('<', '\\u003c');
  html = html.replace(/(\s*)(<script>)/, `$1<script type="application/json" id="app-assets">${json}</script>$1$2`);
  fs.writeFileSync(indexPath, html);
}

// 2. Deep links on hosts without SPA fallback.
fs.writeFileSync(path.join(dir, '404.html'), html);

// 3. The policy.
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${digest('sha256', m[1])}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https://treeherder.mozilla.org https://treeherder.allizom.org http://localhost:8000",
  "frame-ancestors *",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');
fs.writeFileSync(path.join(dir, 'csp.txt'), `${policy}\n`);
console.log(`finalize-dist: ${dir}: external loader, 404.html, csp.txt`);
