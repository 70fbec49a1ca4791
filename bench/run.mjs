// The bench: time from navigation to "ready" for each view (cold: a fresh browser context per
// run, so nothing is cached), in headless Chromium against the release build and the sample
// server; and the compressed size of what a browser downloads. Prints numbers; never fails on
// timing. Usage: node bench/run.mjs [--runs N] [--only NAME] [--net RTT_MS:MBIT]
// --net emulates a real line (Chromium's Network.emulateNetworkConditions: that round trip
// added to every request, that bandwidth both ways), the API is gzipped as Treeherder's is, and
// each run also reports first paint and the static bytes the page downloaded before ready.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser, DIST } from '../tests/e2e/harness.mjs';
import { scenarios } from './scenarios.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 5 : 7);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const netArg = args.includes('--net') ? args[args.indexOf('--net') + 1] : null;
export const net = netArg ? (() => {
  const [rtt, mbit] = netArg.split(':').map(Number);
  if (!(rtt >= 0 && mbit > 0)) throw new Error(`--net wants RTT_MS:MBIT, got ${netArg}`);
  return { rtt, mbit };
})() : null;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Navigation → `performance.mark('ready:<view>')`, measured by the page itself. */
export async function timeToReady(browser, url, view, timeout = 120000, { context: given, before } = {}) {
  const context = given || await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = given ? context.pages()[0] : await context.newPage();
  try {
    if (!given) await emulate(context, page);
    if (before) await before(page);
    else await page.goto(url);
    await page.waitForFunction((v) => performance.getEntriesByName(`ready:${v}`).length > 0
      || document.querySelector(`[data-view="${v}"][data-state="error"]`), view, { timeout, polling: 10 });
    const ms = await page.evaluate((v) => performance.getEntriesByName(`ready:${v}`)[0]?.startTime ?? NaN, view);
    if (Number.isNaN(ms)) throw new Error(`${url}: the view reported an error`);
    return { ms, page, context };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/** The real line, when asked: on every request of this page. */
export async function emulate(context, page) {
  if (!net) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (net.mbit * 1e6) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: net.rtt, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
  });
}

/** First paint, and the app's own files downloaded before ready: as sent (the browser takes
 *  brotli) and their gzip size (the build's .gz copies). */
export async function pageFacts(page, view) {
  const facts = await page.evaluate((v) => {
    const ready = performance.getEntriesByName(`ready:${v}`)[0]?.startTime ?? Infinity;
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    const files = performance.getEntriesByType('resource')
      .filter((e) => e.responseEnd <= ready && new URL(e.name).origin === location.origin && !new URL(e.name).pathname.startsWith('/api/'))
      .map((e) => ({ file: new URL(e.name).pathname.split('/').pop(), sent: e.encodedBodySize }));
    files.push({ file: 'index.html', sent: nav.encodedBodySize });
    return { paint, files };
  }, view);
  let sent = 0;
  let gzip = 0;
  for (const f of facts.files) {
    sent += f.sent;
    const gz = path.join(DIST, `${f.file}.gz`);
    gzip += fs.existsSync(gz) ? fs.statSync(gz).size : f.sent;
  }
  return { 'first paint': facts.paint, 'static KiB before ready, as sent': sent / 1024, 'static KiB before ready, gzip': gzip / 1024 };
}

/** A file of dist/: raw, gzip -9 and brotli 11 sizes (measured once per file). */
const measured = new Map();
function fileSizes(name) {
  if (!measured.has(name)) {
    const raw = fs.readFileSync(path.join(DIST, name));
    measured.set(name, {
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return measured.get(name);
}

function sizes() {
  const files = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  return files.map((f) => ({ file: f, kind: path.extname(f).slice(1), ...fileSizes(f) }));
}

async function main() {
  const browser = await launchBrowser();
  const results = [];
  const servers = new Map();
  const serverFor = async (serverArgs) => {
    const key = serverArgs.join(' ');
    if (!servers.has(key)) servers.set(key, await startServer(serverArgs));
    return servers.get(key);
  };
  try {
    for (const s of scenarios) {
      if (only && !s.name.includes(only)) continue;
      if (net && !s.net) continue;
      if (!net && s.netOnly) continue;
      const server = await serverFor([...(s.serverArgs || []), ...(net ? ['--compress-api'] : [])]);
      const path = typeof s.path === 'function' ? await s.path(server) : s.path;
      const samples = [];
      const extra = {};
      // One warm-up run (not counted) lets the server and Chromium settle.
      for (let i = 0; i <= runs; i++) {
        const { ms, page, context } = s.run
          ? await s.run(browser, server, { timeToReady, emulate })
          : await timeToReady(browser, server.url + path, s.view);
        if (net && !s.run) {
          const facts = await pageFacts(page, s.view);
          if (i > 0) for (const [k, v] of Object.entries(facts)) (extra[k] ||= []).push(v);
        }
        if (s.after) {
          const measured = await s.after(page, server);
          if (i > 0) for (const [k, v] of Object.entries(measured)) (extra[k] ||= []).push(v);
        }
        await context.close();
        if (i > 0) samples.push(ms);
        if (s.reset) await server.control('/__sample/reset');
      }
      const row = { name: s.name, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length, budget: s.budget };
      for (const [k, v] of Object.entries(extra)) row[k] = { median: median(v), min: Math.min(...v), max: Math.max(...v), budget: s.extraBudgets?.[k] };
      results.push(row);
      console.log(`${s.name.padEnd(48)} ${fmt(row.median).padStart(7)} ms  (${fmt(row.min)}–${fmt(row.max)}, n=${row.runs})${s.budget ? `  budget ${s.budget} ms` : ''}`);
      for (const [k, v] of Object.entries(row)) {
        if (v && typeof v === 'object' && 'median' in v) {
          const unit = k.includes('KiB') ? 'KiB' : k.includes('(MB)') ? 'MB' : k.includes(' / ') ? '×' : 'ms';
          console.log(`  ${k.padEnd(46)} ${fmt(v.median).padStart(7)} ${unit.padEnd(3)} (${fmt(v.min)}–${fmt(v.max)})${v.budget ? `  budget ${v.budget} ${unit}` : ''}`);
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers.values()) await s.stop();
  }
  if (net) console.log(`(real line: ${net.rtt} ms round trip, ${net.mbit} Mbit/s; static files brotli/gzip as a host serves them, API gzip)`);
  const files = sizes();
  const total = (k) => files.reduce((a, r) => a + r[k], 0);
  console.log('\nDownload size (dist/):');
  for (const r of files) console.log(`  ${r.file.padEnd(46)} ${String(r.raw).padStart(9)} raw ${String(r.gzip).padStart(8)} gzip ${String(r.brotli).padStart(8)} brotli`);
  console.log(`  ${'total wasm + js + css'.padEnd(46)} ${String(total('raw')).padStart(9)} raw ${String(total('gzip')).padStart(8)} gzip ${String(total('brotli')).padStart(8)} brotli`);
  printChunkBytes();
  const out = path.join(process.env.CARGO_TARGET_DIR || 'target', net ? 'bench-results-net.json' : 'bench-results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), runs, results, files }, null, 2));
  console.log(`\nResults written to ${out}`);
}

/** What each view's page downloads: index.html, the boot script, its chunk's stylesheet, JS and
 *  wasm (from the build's own list in index.html). */
function printChunkBytes() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const app = JSON.parse(html.match(/<script type="application\/json" id="app-assets">(.*?)<\/script>/)[1]);
  const fileOf = (a) => (a.attrs.href || a.attrs.src || '').replace(/^\.\//, '');
  const shared = app.shared.map(fileOf).filter((f) => f && f !== 'config.json');
  console.log('\nBytes per view (index.html, the boot script, the chunk\'s stylesheet, JS and wasm), KiB raw / gzip / brotli:');
  for (const view of app.views) {
    const chunk = app.chunks[view.chunk];
    const files = ['index.html', ...shared, ...chunk.assets.map(fileOf)].filter((f) => fs.existsSync(path.join(DIST, f)));
    const sum = [0, 0, 0];
    for (const f of new Set(files)) ['raw', 'gzip', 'brotli'].forEach((k, i) => { sum[i] += fileSizes(f)[k]; });
    const [raw, gz, br] = sum.map((v) => (v / 1024).toFixed(1));
    console.log(`  ${view.path.padEnd(22)} chunk ${view.chunk.padEnd(9)} ${raw.padStart(8)} ${gz.padStart(7)} ${br.padStart(7)}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
