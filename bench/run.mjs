// The bench: time from navigation to "ready" for each view (cold: a fresh browser context per
// run, so nothing is cached), in headless Chromium against the release build and the sample
// server; and the compressed size of what a browser downloads. Prints numbers; never fails on
// timing. Usage: node bench/run.mjs [--runs N] [--only NAME]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser, DIST } from '../tests/e2e/harness.mjs';
import { scenarios } from './scenarios.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 5 : 7);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** Navigation → `performance.mark('ready:<view>')`, measured by the page itself. */
export async function timeToReady(browser, url, view, timeout = 120000) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
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

function sizes() {
  const files = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  const rows = [];
  for (const f of files) {
    const raw = fs.readFileSync(path.join(DIST, f));
    rows.push({
      file: f,
      kind: path.extname(f).slice(1),
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
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
      const server = await serverFor(s.serverArgs || []);
      const path = typeof s.path === 'function' ? await s.path(server) : s.path;
      const samples = [];
      const extra = {};
      // One warm-up run (not counted) lets the server and Chromium settle.
      for (let i = 0; i <= runs; i++) {
        const { ms, page, context } = await timeToReady(browser, server.url + path, s.view);
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
          console.log(`  ${k.padEnd(46)} ${fmt(v.median).padStart(7)} ms  (${fmt(v.min)}–${fmt(v.max)})${v.budget ? `  budget ${v.budget} ms` : ''}`);
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers.values()) await s.stop();
  }
  const files = sizes();
  const total = (k) => files.reduce((a, r) => a + r[k], 0);
  console.log('\nDownload size (dist/):');
  for (const r of files) console.log(`  ${r.file.padEnd(46)} ${String(r.raw).padStart(9)} raw ${String(r.gzip).padStart(8)} gzip ${String(r.brotli).padStart(8)} brotli`);
  console.log(`  ${'total wasm + js + css'.padEnd(46)} ${String(total('raw')).padStart(9)} raw ${String(total('gzip')).padStart(8)} gzip ${String(total('brotli')).padStart(8)} brotli`);
  const out = path.join(process.env.CARGO_TARGET_DIR || 'target', 'bench-results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), runs, results, files }, null, 2));
  console.log(`\nResults written to ${out}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
