// The code split and the cold start: each view downloads only its chunk; the skeleton paints from
// the HTML before any wasm; the first API requests go out while the wasm downloads and are never
// asked twice; the jobs of the shown pushes come in one query; a chunk that fails to download
// says so with Retry; moving to another chunk's view keeps the server and the repository.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, assertNoPanic, DIST } from './harness.mjs';
import { api } from './sample.mjs';

const views = JSON.parse(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
  .match(/<script type="application\/json" id="app-assets">(.*?)<\/script>/)[1]);
const VIEW_LIST = JSON.parse(fs.readFileSync(new URL('../../src/views.json', import.meta.url), 'utf8'));
const chunkFile = (chunk, ext) => views.chunks[chunk][ext].replace(/^\.\//, '');

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.stop(); });

const READY = {
  Jobs: '[data-view="jobs"][data-state="ready"]',
  Pushes: '.pushes-page',
  Graphs: '.graphs-page',
  Docs: '.docs-page[data-state="ready"]',
  LogViewer: '[data-view="logviewer"][data-state="ready"]',
  Settings: '.settings',
};

test('each view downloads its own chunk and no other: one wasm, one JS glue, one stylesheet', async () => {
  for (const view of VIEW_LIST.views) {
    const page = await newPage(browser);
    const files = [];
    page.on('request', (r) => { const u = new URL(r.url()); if (u.origin === server.url && !u.pathname.startsWith('/api/')) files.push(u.pathname.slice(1)); });
    await page.goto(`${server.url}${view.path}?repo=autoland`);
    await page.locator(READY[view.id]).first().waitFor();
    const wasm = files.filter((f) => f.endsWith('.wasm'));
    assert.deepEqual(wasm, [chunkFile(view.chunk, 'wasm')], `${view.path}: only its chunk's wasm`);
    const js = files.filter((f) => /^[a-z]+-[0-9a-f]+\.js$/.test(f) && !f.startsWith('boot-'));
    assert.deepEqual(js, [chunkFile(view.chunk, 'js')], `${view.path}: only its chunk's glue`);
    const css = files.filter((f) => f.endsWith('.css'));
    assert.equal(css.length, 1, `${view.path}: one stylesheet`);
    assert.match(css[0], new RegExp(`^${view.chunk}-[0-9a-f]{16}\\.css$`));
    const text = fs.readFileSync(path.join(DIST, css[0]), 'utf8');
    const parts = [...text.matchAll(/^\/\* (\w+)\.css \*\/$/gm)].map((m) => m[1]);
    const order = [...fs.readFileSync(new URL('../../index.html', import.meta.url), 'utf8').matchAll(/href="style\/(\w+)\.css"/g)].map((m) => m[1]);
    const expected = order.filter((s) => ['tokens', 'app'].includes(s) || view.styles.includes(s));
    assert.deepEqual(parts, expected, `${view.path}: the shared styles and its own, in index.html's order`);
    assertNoPanic(assert, page);
    await page.context().close();
  }
});

test('the top bar and a skeleton paint from the HTML before any wasm arrives', async () => {
  const page = await newPage(browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${server.url}/jobs?repo=autoland`, { waitUntil: 'domcontentloaded' });
  await page.locator('#boot-skeleton .top-bar .brand').waitFor();
  const nav = await page.locator('#boot-skeleton .nav-link').allTextContents();
  assert.deepEqual(nav, [...VIEW_LIST.views.filter((v) => v.nav).map((v) => v.nav), 'Settings'], 'the nav bar comes from the view list');
  assert.ok(await page.locator('#boot-skeleton .skeleton-view').isVisible(), 'a skeleton of the view');
  const bar = await page.locator('#boot-skeleton .top-bar').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bar, 'rgb(34, 34, 34)', 'styled: the CSS held the first paint');
  release();
  await page.locator(READY.Jobs).waitFor();
  assert.equal(await page.locator('#boot-skeleton').count(), 0, 'the app replaced the skeleton');
  assert.equal(await page.locator('.top-bar').count(), 1);
  assertNoPanic(assert, page);
  await page.context().close();
});

test('the jobs view asks for its data while the wasm downloads, once each, the jobs in one query', async () => {
  const page = await newPage(browser);
  // On a real line (40 ms, 20 Mbit/s): on loopback the wasm is in before anything could start.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 2.5e6, uploadThroughput: 2.5e6 });
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) asked.push(r.url().replace(server.url, '')); });
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await page.locator(READY.Jobs).waitFor();
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const wasm = entries.find((e) => e.name.endsWith('_bg.wasm'));
    const pushes = entries.find((e) => e.name.includes('/api/project/autoland/push/'));
    return { wasmEnd: wasm.responseEnd, pushesStart: pushes.startTime, unused: globalThis.__treeherderExplorerPrefetch.size };
  });
  assert.ok(timing.pushesStart < timing.wasmEnd, `the push list was asked for (${timing.pushesStart} ms) before the wasm arrived (${timing.wasmEnd} ms)`);
  assert.equal(timing.unused, 0, 'the app took every prefetched answer');
  const pushes = (await api(server, '/api/project/autoland/push/?count=10')).results.map((p) => p.id);
  assert.deepEqual(asked.sort(), [
    '/api/jobs/?push_id__in=' + pushes.join('%2C'),
    '/api/project/autoland/push/?count=10',
    '/api/repository/',
  ], 'each first request once, and the jobs of the 10 pushes in one');
  const buttons = await page.locator('#push-list .job-btn').count();
  assert.ok(buttons > 100, `the jobs are drawn (${buttons} buttons)`);
  assertNoPanic(assert, page);
  await page.context().close();
});

for (const [what, ext, mode, says] of [
  ['wasm answers 503', 'wasm', '503', /Loading the code of this view failed.*HTTP 503/s],
  ['glue JS connection drops', 'js', 'reset', /Loading the code of this view failed.*could not be downloaded/s],
]) {
  test(`a chunk that fails to download (${what}) says so with Retry, and Retry recovers`, async () => {
    const page = await newPage(browser);
    // Past the browser's own retry of a dropped connection: until cleared.
    await server.control(`/__sample/faults?mode=${mode}&path=${encodeURIComponent(`/${chunkFile('jobs', ext)}`)}`);
    await page.goto(`${server.url}/jobs?repo=autoland`);
    const banner = page.locator('.error-banner[role="alert"]');
    await banner.waitFor();
    assert.match(await banner.textContent(), says);
    assert.ok(await page.locator('#boot-skeleton .top-bar').isVisible(), 'the top bar stays: never a blank page');
    await fetch(`${server.url}/__sample/faults`, { method: 'DELETE' });
    await banner.locator('button', { hasText: 'Retry' }).click();
    await page.locator(READY.Jobs).waitFor();
    assert.equal(await page.locator('.error-banner').count(), 0);
    assert.deepEqual(page.problems, [], 'no panic, no uncaught error');
    await page.context().close();
  });
}

test('moving to a view of another chunk keeps the server and the repository, and back', async () => {
  const page = await newPage(browser);
  const other = server.url.replace('127.0.0.1', 'localhost');
  await page.goto(`${server.url}/jobs?repo=mozilla-central&server=${encodeURIComponent(other)}`);
  await page.locator(READY.Jobs).waitFor();
  await page.locator('.nav-link', { hasText: 'API' }).click();
  await page.waitForURL(/\/docs\?/);
  await page.locator(READY.Docs).waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('repo'), 'mozilla-central');
  assert.equal(url.searchParams.get('server'), other);
  assert.equal(await page.locator('[data-testid="server-host"]').textContent(), new URL(other).host);
  assert.equal(await page.locator('#repo-picker').inputValue(), 'mozilla-central');
  await page.goBack();
  await page.locator(READY.Jobs).waitFor();
  assert.match(page.url(), /\/jobs\?repo=mozilla-central&server=/);
  assertNoPanic(assert, page);
  await page.context().close();
});

test('the hallway: no view imports another view or the shell; route strings live in src/views.json', () => {
  const src = new URL('../../src/', import.meta.url).pathname;
  const rs = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? rs(path.join(dir, e.name)) : e.name.endsWith('.rs') ? [path.join(dir, e.name)] : []));
  const viewDirs = ['jobs', 'logviewer', 'pushes', 'perf', 'explorer', 'settings'];
  const problems = [];
  for (const file of rs(src)) {
    const rel = path.relative(src, file);
    const text = fs.readFileSync(file, 'utf8');
    const home = rel.split(path.sep)[0];
    for (const v of viewDirs) {
      if (v !== home && home !== 'bin' && new RegExp(`crate::${v}::`).test(text)) problems.push(`${rel} imports crate::${v}::`);
    }
    if (viewDirs.includes(home) && /crate::shell::/.test(text)) problems.push(`${rel} imports crate::shell::`);
    for (const v of VIEW_LIST.views) {
      if (new RegExp(`"${v.path.replace(/\//g, '\\/')}(\\?|")`).test(text)) problems.push(`${rel} writes the route ${v.path}`);
    }
  }
  assert.deepEqual(problems, []);
});
