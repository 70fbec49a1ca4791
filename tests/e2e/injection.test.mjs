// Injection: a sample server started with --hostile puts markup, scripts, event handlers and
// javascript:/data:/protocol-relative URLs in every free-text and URL field of its answers
// (commit messages, authors, job, group and platform names, bug summaries, failure lines,
// the schema's Markdown, log, repository and Taskcluster URLs). Every view must show that text
// as text: no payload runs, no injected element exists, no dangerous link is clickable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(['--hostile']), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.stop(); });

/** A page on which any payload that runs leaves a trace in `window.__xss`. */
async function hostilePage(viewport = { width: 1400, height: 4000 }) {
  const page = await newPage(browser, { viewport });
  await page.addInitScript(() => { window.__xss = []; });
  page.on('dialog', (d) => { page.__dialogs = (page.__dialogs ?? 0) + 1; d.dismiss(); });
  return page;
}

/** Everything that would show an injection on the page as it is now. */
async function inspect(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`));
    const links = [...document.querySelectorAll('a[href], area[href], [xlink\\:href], form[action], iframe, embed, object')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src') ?? el.getAttribute('data') ?? '')
      .filter((raw) => {
        const trimmed = raw.trim().toLowerCase();
        if (trimmed.startsWith('javascript:') || trimmed.startsWith('data:') || trimmed.startsWith('//')) return true;
        try {
          return new URL(raw, document.baseURI).host === 'evil.example';
        } catch {
          return false;
        }
      });
    const injected = document.querySelectorAll('iframe, svg[onload], img[src="x"], script:not([src]):not([type="application/json"])');
    const inlineScripts = [...document.querySelectorAll('script:not([src])')].filter((s) => s.textContent.includes('__xss'));
    return {
      ran: window.__xss,
      handlers,
      links,
      injected: [...injected].filter((el) => el.tagName !== 'SCRIPT' || el.textContent.includes('__xss')).map((el) => el.outerHTML.slice(0, 80)),
      inlineScripts: inlineScripts.length,
      // The payload must have reached the page, shown as text (or a tooltip): otherwise this test
      // proves nothing.
      text: document.body.innerText + all.map((el) => el.getAttribute('title') ?? '').join('\n'),
    };
  });
}

async function assertInert(page, where, { shown = /<script>__xss\.push/ } = {}) {
  const found = await inspect(page);
  assert.deepEqual(found.ran, [], `${where}: no payload ran`);
  assert.deepEqual(found.handlers, [], `${where}: no injected event handler`);
  assert.deepEqual(found.links, [], `${where}: no javascript:, data: or foreign link`);
  assert.deepEqual(found.injected, [], `${where}: no injected element`);
  assert.equal(found.inlineScripts, 0, `${where}: no injected script`);
  assert.equal(page.__dialogs ?? 0, 0, `${where}: no dialog opened`);
  if (shown) assert.match(found.text, shown, `${where}: the hostile text is on screen, as text`);
}

test('jobs view and details panel: hostile commit messages, authors, names, logs and bugs stay text', async () => {
  const page = await hostilePage();
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
  await page.locator('.revision-list').first().waitFor();
  await assertInert(page, 'push list');
  // Hover a job and a revision: titles carry the hostile names.
  await page.locator('.job-btn').first().hover();
  await page.locator('.revision-list .revision').first().hover();

  // A failed job with logs, bug suggestions and failure lines, brought into view by the URL.
  await page.goto(`${server.url}/jobs?repo=autoland&selectedJob=3205`);
  await page.locator('.job-btn.selected[data-job-id="3205"]').waitFor();
  const panel = page.locator('.details-panel');
  await panel.locator('[data-field="started"]').waitFor();
  assert.match(await panel.locator('[data-field="platform"]').textContent(), /<script>__xss/, 'the platform name is shown as written');
  await panel.locator('.failure-line').waitFor();
  await assertInert(page, 'details: failure summary');
  // Logs with javascript:/data: URLs are not links.
  assert.equal(await panel.locator('.log-list a').count(), 0, 'no log link');
  for (const tab of ['Annotations', 'Similar jobs', 'Performance']) {
    await panel.locator('[role="tab"]', { hasText: tab }).click();
    await page.waitForTimeout(300);
    await assertInert(page, `details: ${tab}`);
  }
  // Keyboard shortcuts that open links must not open hostile ones: Shift+L (the raw log, here a
  // javascript:/data: URL) opens nothing; l opens this app's own log viewer, on this origin.
  await page.keyboard.press('Shift+L');
  await page.waitForTimeout(200);
  assert.equal(page.context().pages().length, 1, 'no window opened for the raw log');
  const [viewer] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('l')]);
  assert.equal(new URL(viewer.url()).origin, server.url, 'l opens the log viewer of this app');
  assert.match(viewer.url(), /\/logviewer\?job_id=3205&repo=autoland$/);
  await viewer.close();
  assertNoPanic(assert, page);
  await page.close();
});

test('log viewer: a hostile job, error lines and bug suggestions stay text; a javascript: log URL is neither fetched nor linked', async () => {
  const page = await hostilePage({ width: 1400, height: 900 });
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto(`${server.url}/logviewer?job_id=3205&repo=autoland`);
  await page.locator('[data-view="logviewer"][data-state="error"]').waitFor();
  await page.locator('.lv-error-item').first().waitFor();
  await page.locator('.notice', { hasText: 'not an http(s) URL' }).waitFor();
  assert.match(await page.locator('.lv-header [data-field="platform"]').textContent(), /<script>__xss/, 'the platform name is shown as written');
  await assertInert(page, 'log viewer');
  assert.equal(await page.locator('[data-link="raw"]').count(), 0, 'no raw log link');
  assert.ok(asked.every((u) => /^https?:/.test(u)), asked.filter((u) => !/^https?:/.test(u)).join(' '));
  await page.keyboard.press('Shift+L');
  await page.waitForTimeout(200);
  assert.equal(page.context().pages().length, 1, 'no window opened');
  assertNoPanic(assert, page);
  await page.close();
});

test('pushes page and performance graphs: hostile names stay text', async () => {
  const page = await hostilePage({ width: 1500, height: 1100 });
  await page.goto(`${server.url}/pushes?repo=autoland`);
  await page.locator('[data-view="pushes"][data-state="ready"] td.what').first().waitFor();
  await assertInert(page, 'pushes');

  await page.goto(`${server.url}/perfherder/graphs?series=autoland,1,1,1&series=autoland,7,1,13&timerange=1209600`);
  await page.locator('.graphs-page[data-state="ready"]').waitFor();
  // Hover the chart: the tooltip shows the push's hostile revision data.
  const chart = page.locator('.chart canvas').first();
  const box = await chart.boundingBox();
  for (let x = box.x + 20; x < box.x + box.width - 20; x += 40) await page.mouse.move(x, box.y + box.height / 2);
  await assertInert(page, 'graphs', { shown: false });
  assert.match(await page.locator('.legend-card').first().textContent(), /<script>__xss/, 'the platform or test name is shown as written');
  assertNoPanic(assert, page);
  await page.close();
});

test('API explorer: hostile Markdown in the schema and hostile answers in try-it stay inert', async () => {
  const page = await hostilePage({ width: 1500, height: 2000 });
  await page.goto(`${server.url}/docs#operation/project_push_retrieve`);
  await page.locator('.docs-main[data-source="live"]').waitFor();
  await page.locator('article.operation[data-operation="project_push_retrieve"]').waitFor();
  await assertInert(page, 'docs operation', { shown: /js link/ });
  // The Markdown links were there, and are not links.
  assert.match(await page.locator('.docs-main').textContent(), /js link/);
  await page.goto(`${server.url}/docs`);
  await page.locator('.docs-page[data-state="ready"]').waitFor();
  await assertInert(page, 'docs overview');

  await page.goto(`${server.url}/docs#operation/repository_list`);
  const form = page.locator('.try-it');
  await form.locator('.try-send').click();
  await form.locator('.try-response[data-status="200"] .json-tree').waitFor();
  // Expand the tree: hostile strings and URLs in the answer.
  for (let i = 0; i < 3; i++) {
    const closed = form.locator('.json-tree .json-toggle[aria-expanded="false"]');
    const n = Math.min(await closed.count(), 20);
    for (let k = 0; k < n; k++) await closed.nth(0).click().catch(() => {});
  }
  await assertInert(page, 'try-it answer', { shown: false });
  assert.match(await form.locator('.try-response').textContent(), /JaVaScRiPt:|javascript:|evil\.example/, 'the hostile URLs are in the answer, as text');
  assertNoPanic(assert, page);
  await page.close();
});
