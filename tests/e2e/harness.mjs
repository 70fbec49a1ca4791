// Shared by the browser tests: start the sample server (serving the release build in dist/)
// and drive Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
export const SERVER_BIN = process.env.SAMPLE_SERVER_BIN || path.join(TARGET, 'server', 'sample-server');
export const DIST = process.env.DIST_DIR || path.join(ROOT, 'dist');

/** Starts a sample server on a free port; resolves to { url, stop, process }. */
export async function startServer(args = [], { dist = DIST } = {}) {
  const all = ['--port', '0', ...(dist ? ['--dist', dist] : []), ...args];
  const child = spawn(SERVER_BIN, all, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sample server did not start:\n${output}`)), 30000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/API: (http:\/\/[^/\s]+)\/api\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => { output += c; });
    child.on('exit', (code) => reject(new Error(`sample server exited (${code}):\n${output}`)));
  });
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) { child.kill('SIGTERM'); await once(child, 'exit'); }
    },
    /** POST to a /__sample control endpoint. */
    async control(pathAndQuery) {
      const res = await fetch(url + pathAndQuery, { method: 'POST' });
      if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * A new page that records console errors and uncaught exceptions (a Rust panic in wasm shows
 * up as both), so tests can assert the app never panicked.
 */
export async function newPage(browser, { viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) {
      page.problems.push(`console: ${m.text()}`);
    }
  });
  return page;
}

/** Fails when the page logged a panic or an uncaught exception. */
export function assertNoPanic(assert, page) {
  assert.deepEqual(page.problems, [], 'the page must not panic or throw');
}
