// Deployment: dist/ unchanged under a sub-path (nginx-style fallback, GitHub-Pages-style 404.html,
// a plain host at the root), embedded in a dashboard page from another origin with iframes that
// size themselves, several Treeherder servers at once, and a strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, newPage, assertNoPanic, DIST } from './harness.mjs';
import { serveStatic } from './static_host.mjs';
import { UA } from './sample.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let api, browser;
before(async () => { [api, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await api?.stop(); });

const configFor = (prefix, server) => ({ [`${prefix}config.json`]: { body: JSON.stringify({ server, repositories: ['autoland'], title: 'Team dashboard' }) } });

/** Every request the page made that failed (404 or network), except the API's. */
function trackFailures(page) {
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('/api/') && r.request().resourceType() !== 'document') failed.push(`${r.status()} ${r.url()}`); });
  // Requests cut short by the test's own navigations are not failures.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`failed ${r.url()} ${r.failure()?.errorText}`); });
  return failed;
}

for (const [mode, prefix, label] of [
  ['spa', '/tools/treeherder/', 'nginx-style fallback under /tools/treeherder/'],
  ['pages', '/treeherder-explorer/', 'GitHub-Pages-style 404.html under /treeherder-explorer/'],
  ['pages', '/', 'a plain static host at the root with an error page (404.html)'],
]) {
  test(`dist/ served with ${label}: loads, navigates, reloads deep links`, async () => {
    const host = await serveStatic({ dist: DIST, prefix, mode, files: configFor(prefix, api.url) });
    const page = await newPage(browser, { viewport: { width: 1400, height: 1200 } });
    const failures = trackFailures(page);
    try {
      await page.goto(`${host.url}${prefix}`);
      await page.waitForURL(`${host.url}${prefix}jobs`);
      await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
      assert.match(await page.title(), /– Team dashboard$/, 'the deployer\'s config.json was read');
      // In-app navigation stays under the prefix and keeps working.
      await page.locator('.nav-link', { hasText: 'API' }).click();
      await page.waitForURL(new RegExp(`^${host.url}${prefix}docs\\?repo=autoland$`));
      await page.locator('.docs-page[data-state="ready"]').waitFor();
      await page.locator('a.menu-op[data-operation-id="project_push_retrieve"]').click();
      await page.waitForURL(/#operation\/project_push_retrieve$/);
      // Reload a deep link, then open another one directly.
      await page.reload();
      await page.locator('article.operation[data-operation="project_push_retrieve"]').waitFor();
      await page.goto(`${host.url}${prefix}perfherder/graphs?series=autoland,1,1,1`);
      await page.locator('.graphs-page[data-state="ready"]').waitFor();
      assert.equal(await page.locator('.legend-card[data-state="ready"]').count(), 1);
      const job = await page.locator('.nav-link', { hasText: 'Jobs' }).getAttribute('href');
      assert.ok(job.startsWith(`${prefix}jobs`), `links carry the prefix: ${job}`);
      assert.deepEqual(failures, [], 'every asset loaded from the prefix');
      assertNoPanic(assert, page);
    } finally {
      await page.close();
      await host.close();
    }
  });
}

test('a dashboard embeds three views; each iframe takes the height its content reports; links open the full app', async () => {
  const revision = (await (await fetch(`${api.url}/api/project/autoland/push/?count=1`, { headers: UA })).json()).results[0].revision;
  const frames = {
    jobs: `${api.url}/jobs?repo=autoland&revision=${revision}&embed=1&embedId=jobs`,
    pushes: `${api.url}/pushes?repo=autoland&count=5&embed=1&embedId=pushes`,
    graph: `${api.url}/perfherder/graphs?series=autoland,1,1,1&embed=1&embedId=graph`,
  };
  const dashboard = fs.readFileSync(path.join(ROOT, 'docs/embed-example.html'), 'utf8')
    .replaceAll('https://treeherder-explorer.example.org', api.url)
    .replace(/revision=[0-9a-f]{40}/, `revision=${revision}`);
  const host = await serveStatic({ dist: DIST, prefix: '/nothing/', files: { '/dashboard.html': { body: dashboard } } });
  const page = await newPage(browser, { viewport: { width: 1300, height: 900 } });
  try {
    await page.goto(`${host.url}/dashboard.html`);
    for (const [id, src] of Object.entries(frames)) assert.equal(await page.locator(`iframe#${id}`).getAttribute('src'), src);
    await page.waitForFunction(() => ['jobs', 'pushes', 'graph'].every((id) => window.reportedHeights?.[id] > 80));
    const frame = (id) => page.frameLocator(`iframe#${id}`);
    // Content: the push's jobs, five pushes with counts, the series' points; no top bar.
    const jobs = (await (await fetch(`${api.url}/api/project/autoland/push/?revision=${revision}`, { headers: UA })).json()).results[0];
    await frame('jobs').locator('[data-view="jobs"][data-state="ready"]').waitFor();
    assert.ok(await frame('jobs').locator('.job-btn').count() > 0);
    assert.equal(await frame('jobs').locator('.push-header').count(), 1, `only push ${jobs.id}`);
    await frame('pushes').locator('[data-view="pushes"][data-state="ready"]').waitFor();
    assert.equal(await frame('pushes').locator('.push-status-list tbody tr').count(), 5);
    await frame('graph').locator('.graphs-page[data-state="ready"]').waitFor();
    assert.equal(await frame('graph').locator('.chart').getAttribute('data-points'), '294');
    for (const id of ['jobs', 'pushes', 'graph']) assert.equal(await frame(id).locator('.top-bar').count(), 0);
    // Heights: the iframe is as tall as its content says, and the content is that tall (once
    // the views have settled: they report again whenever their size changes).
    for (const id of ['jobs', 'pushes', 'graph']) {
      let last;
      for (let tries = 0; tries < 50; tries++) {
        const reported = await page.evaluate((i) => window.reportedHeights[i], id);
        const iframe = await page.locator(`iframe#${id}`).evaluate((f) => f.clientHeight);
        const content = await frame(id).locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
        last = { reported, iframe, content };
        if (iframe === reported && Math.abs(content - reported) <= 1) break;
        await page.waitForTimeout(100);
      }
      assert.equal(last.iframe, last.reported, `${id}: iframe height = reported height ${JSON.stringify(last)}`);
      // On a mismatch, say what reaches past the body (its scroll height is part of the report).
      const beyond = Math.abs(last.content - last.reported) <= 1 ? [] : await frame(id).locator('body').evaluate((b) => {
        const bottom = b.getBoundingClientRect().bottom;
        return [...b.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().bottom > bottom + 1)
          .slice(0, 8).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} bottom ${Math.round(e.getBoundingClientRect().bottom)} (${getComputedStyle(e).position})`);
      });
      assert.ok(Math.abs(last.content - last.reported) <= 1, `${id}: content height = reported height ${JSON.stringify(last)}; past the body: ${beyond.join(', ') || 'nothing'}`);
      assert.ok(last.reported > 150, `${id}: ${last.reported}px`);
    }
    // A link inside an embed opens the full app in a new tab.
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      frame('pushes').locator('.push-status-list tbody tr a').first().click(),
    ]);
    await popup.waitForLoadState();
    assert.match(popup.url(), new RegExp(`^${api.url}/jobs\\?repo=autoland&revision=[0-9a-f]{40}$`));
    await popup.locator('.top-bar').waitFor();
    assertNoPanic(assert, page);
  } finally {
    await page.close();
    await host.close();
  }
});

test('several Treeherder servers at once: each embed talks to its own; credentials stay with their origin', async () => {
  const other = await startServer(['--synthetic', '3:4'], { dist: null });
  const page = await newPage(browser, { viewport: { width: 1200, height: 900 } });
  try {
    const hosts = new Map();
    page.on('request', (r) => { if (r.url().includes('/api/project/try/push/')) hosts.set(new URL(r.frame().url()).searchParams.get('embedId'), new URL(r.url()).host); });
    const html = ['a', 'b'].map((id) => {
      const server = id === 'a' ? api.url : other.url;
      return `<iframe id="${id}" src="${api.url}/pushes?repo=try&count=3&embed=1&embedId=${id}&server=${encodeURIComponent(server)}" style="width:100%;height:300px"></iframe>`;
    }).join('');
    const host = await serveStatic({ dist: DIST, prefix: '/x/', files: { '/two.html': { body: `<!doctype html>${html}` } } });
    await page.goto(`${host.url}/two.html`);
    const rows = async (id) => {
      const f = page.frameLocator(`iframe#${id}`);
      await f.locator('[data-view="pushes"][data-state="ready"]').waitFor();
      return f.locator('.push-status-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.pushId));
    };
    const [a, b] = [await rows('a'), await rows('b')];
    assert.notDeepEqual(a, b, 'different servers, different pushes');
    assert.equal(hosts.get('a'), new URL(api.url).host);
    assert.equal(hosts.get('b'), new URL(other.url).host);
    await host.close();

    // Hawk credentials remembered for one origin are not offered to another.
    const docs = await newPage(browser);
    await docs.goto(`${api.url}/docs`);
    await docs.evaluate((origin) => localStorage.setItem(`treeherder-explorer:hawk:${origin}`, JSON.stringify({ client_id: 'someone', secret: 's3cret' })), api.url);
    await docs.goto(`${api.url}/docs#operation/project_jobs_submit_hawk`);
    await docs.reload();
    await docs.locator('.hawk-panel[data-signed-in="true"]').waitFor();
    await docs.goto(`${api.url}/docs?server=${encodeURIComponent(other.url)}#operation/project_jobs_submit_hawk`);
    await docs.locator('.docs-page[data-state="ready"]').waitFor();
    assert.equal(await docs.locator('.hawk-panel').getAttribute('data-signed-in'), 'false');
    assert.doesNotMatch(await docs.locator('.snippet[data-lang="curl"]').textContent(), /Authorization/);
    await docs.close();
    assertNoPanic(assert, page);
  } finally {
    await page.close();
    await other.stop();
  }
});

test('the app runs under the documented Content-Security-Policy with no violation', async () => {
  const strict = await startServer(['--csp']);
  const policy = fs.readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim();
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(policy), 'README gives the policy the build writes (with the base script\'s hash)');
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const page = await newPage(browser, { viewport: { width: 1400, height: 1400 } });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) refused.push(m.text()); });
  try {
    const response = await page.goto(`${strict.url}/jobs?repo=autoland`);
    assert.equal(response.headers()['content-security-policy'], policy);
    await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
    await page.locator('#push-list .job-btn').first().click();
    await page.locator('.details-panel').waitFor();
    await page.goto(`${strict.url}/perfherder/graphs?series=autoland,1,1,1`);
    await page.locator('.graphs-page[data-state="ready"]').waitFor();
    const box = await page.locator('canvas.chart-main').boundingBox();
    for (let x = 100; x < box.width && !(await page.locator('.graph-tooltip').count()); x += 6) {
      for (let y = 40; y < 380 && !(await page.locator('.graph-tooltip').count()); y += 8) await page.mouse.move(box.x + x, box.y + y);
    }
    await page.goto(`${strict.url}/docs#operation/project_push_retrieve`);
    await page.locator('.try-it').waitFor();
    await page.locator('.try-send').click();
    await page.locator('.try-response[data-status="200"]').waitFor();
    await page.goto(`${strict.url}/pushes?repo=autoland`);
    await page.locator('[data-view="pushes"][data-state="ready"]').waitFor();
    await page.goto(`${strict.url}/settings`);
    await page.locator('[data-view="settings"]').waitFor();
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(refused, []);
    assertNoPanic(assert, page);
  } finally {
    await page.close();
    await strict.stop();
  }
});
