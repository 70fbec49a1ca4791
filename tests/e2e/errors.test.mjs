// The error matrix: every failure the sample server can inject × every view that talks to the
// server. Each time the app must say what failed, keep what was loaded and the user's filters and
// selection, offer a retry (or retry by itself, backing off) and recover once the fault is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

/** The injected failures and what a user must read for each (the app's timeout is 2 s here). */
const MODES = [
  { mode: '400', says: /Bad request \(400\)/ },
  { mode: '401', says: /Not authorized \(401\)/ },
  { mode: '403', says: /Forbidden \(403\)/ },
  { mode: '404', says: /Not found \(404\)/ },
  // Longer than the polling back-off (120 s), so honouring it shows.
  { mode: '429', extra: '&retry_after=300', says: /Too many requests \(429\).*Retry after 300 s/ },
  { mode: '500', says: /Server error \(500\)/ },
  { mode: '502', says: /Bad gateway \(502\)/ },
  { mode: '503', says: /Service unavailable \(503\)/ },
  { mode: 'slow', extra: '&delay_ms=4000', says: /Timed out|No answer from .* within 2\.0 s/ },
  { mode: 'reset', says: /Network error|Could not reach/ },
  { mode: 'truncated', says: /Network error|Could not reach|Unexpected response/ },
  { mode: 'malformed', says: /Unexpected response/ },
  { mode: 'wrong_shape', says: /Unexpected response/ },
  { mode: 'huge', extra: '&size=3000000', works: true },
  { mode: 'no_cors', says: /Network error|Could not reach.*CORS/ },
];

let server, browser, app;
before(async () => {
  [server, browser] = await Promise.all([startServer(['--app-timeout', '2']), launchBrowser()]);
  // The app talks to its Treeherder across origins, as it does in production (the page on
  // 127.0.0.1, the API on localhost): that is what makes CORS, and its absence, real.
  const api = server.url.replace('127.0.0.1', 'localhost');
  app = (path, query) => `${server.url}${path}?server=${encodeURIComponent(api)}&${query}`;
});
after(async () => { await browser?.close(); await server?.stop(); });

// Each fault lasts until cleared: browsers retry a request by themselves when a kept-alive
// connection closes without an answer, and the app's own retries must fail too until then.
const fault = (m, path, query = '') =>
  server.control(`/__sample/faults?mode=${m.mode}${m.extra ?? ''}&path=${encodeURIComponent(path)}${query ? `&query=${encodeURIComponent(query)}` : ''}`);
const clearFaults = () => fetch(`${server.url}/__sample/faults`, { method: 'DELETE' });

/** Runs one mode's case, naming the mode in any failure. */
async function each(fn) {
  // `ERROR_MODES=slow,reset` runs only those (when chasing one failure).
  const only = process.env.ERROR_MODES?.split(',');
  for (const m of MODES.filter((m) => !only || only.includes(m.mode))) {
    try {
      await fn(m);
    } catch (e) {
      e.message = `[mode ${m.mode}] ${e.message}`;
      throw e;
    } finally {
      await clearFaults();
    }
  }
}

test('jobs view: the push list fails to load → message, retry, filters and selection kept', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 3000 } });
  await each(async (m) => {
    await fault(m, '/api/project/autoland/push/', 'count=');
    await page.goto(app('/jobs', 'repo=autoland&tier=1&selectedJob=3205'));
    if (!m.works) {
      const banner = page.locator('.error-banner').filter({ hasText: 'Loading pushes of autoland' });
      await banner.waitFor();
      assert.match(await banner.textContent(), m.says);
      await clearFaults();
      await banner.locator('button', { hasText: 'Retry' }).click();
    }
    await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
    assert.match(page.url(), /tier=1&selectedJob=3205/, 'the URL state stays');
    await page.locator('.details-panel [data-field="job-id"]', { hasText: '3205' }).waitFor();
    // The selection stays (its push draws as it comes into view).
    await page.locator('.job-btn.selected[data-job-id="3205"]').waitFor();
  });
  assertNoPanic(assert, page);
  await page.close();
});

test('details panel: the job fails to load → message in the panel, retry, the list untouched', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 3000 } });
  await page.goto(app('/jobs', 'repo=autoland'));
  await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
  // Pushes render as they scroll into view, so the list is compared by its pushes.
  const pushIds = () => page.$$eval('#push-list .push', (ps) => ps.map((p) => p.dataset.pushId).join());
  const pushes = await pushIds();
  await each(async (m) => {
    await fault(m, '/api/project/autoland/jobs/3205/$');
    await page.locator('.job-btn[data-job-id="3205"]').click();
    const panel = page.locator('.details-panel');
    if (!m.works) {
      const banner = panel.locator('.error-banner').filter({ hasText: 'Loading the job' });
      await banner.waitFor();
      assert.match(await banner.textContent(), m.says);
      assert.equal(await pushIds(), pushes, 'the list stays');
      await clearFaults();
      await banner.locator('button', { hasText: 'Retry' }).click();
    }
    await panel.locator('[data-field="started"]').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });
  assertNoPanic(assert, page);
  await page.close();
});

test('polling: a failed poll keeps the view, says why, backs off, and recovers by itself', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 3000 } });
  await page.clock.install();
  await page.goto(app('/jobs', 'repo=autoland&tier=1&selectedJob=3205'));
  await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
  await page.locator('.job-btn.selected[data-job-id="3205"]').waitFor();
  const pushIds = () => page.$$eval('#push-list .push', (ps) => ps.map((p) => p.dataset.pushId).join());
  const pushes = await pushIds();
  const notice = page.locator('.poll-error');
  await each(async (m) => {
    // Polls ask for pushes since the newest shown (fromchange) and for changed jobs.
    await fault(m, '/api/project/autoland/push/', 'fromchange=');
    // A poll ends with its changed-jobs request; the next jump must not land mid-poll, where it
    // would fire that request's 2 s timeout.
    const polled = page.waitForEvent('requestfinished', { predicate: (r) => r.url().includes('last_modified__gt='), timeout: 30_000 });
    polled.catch(() => {});
    // Jump to the next poll; time then flows, so a slow answer times out 2 s later.
    await page.clock.fastForward(61_000);
    if (!m.works) {
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /Live updates paused: /);
      assert.match(text, m.says);
      const wait = Number(text.match(/Retrying in (\d+) s/)[1]);
      // Backs off: twice the 60 s interval after one failure, or longer if the server asks.
      assert.equal(wait, m.mode === '429' ? 300 : 120, 'backs off');
      assert.equal(await pushIds(), pushes, 'what was loaded stays');
      assert.equal(await page.locator('.job-btn.selected').getAttribute('data-job-id'), '3205');
      await clearFaults();
      // Jump (not run) past the wait: running would also expire the retry's own 2 s timeout.
      await page.clock.fastForward((wait + 1) * 1000);
    }
    await notice.waitFor({ state: 'detached' });
    await polled;
    assert.match(page.url(), /tier=1&selectedJob=3205/);
  });
  assertNoPanic(assert, page);
  await page.close();
});

test('performance graphs: a series fails to load → message on its card, retry; the others stay', async () => {
  const page = await newPage(browser, { viewport: { width: 1500, height: 1100 } });
  await each(async (m) => {
    await fault(m, '/api/performance/summary/', 'signature=7&');
    await page.goto(app('/perfherder/graphs', `series=autoland,1,1,1&series=autoland,7,1,13&timerange=1209600&case=${m.mode}`));
    await page.locator('.graphs-page[data-state="ready"]').waitFor();
    assert.equal(await page.locator('.legend-card[data-signature-id="1"]').getAttribute('data-state'), 'ready', 'the other series stays');
    const card = page.locator('.legend-card[data-signature-id="7"]');
    if (!m.works) {
      assert.equal(await card.getAttribute('data-state'), 'error');
      assert.match(await card.locator('.legend-error').textContent(), m.says);
      assert.ok(Number(await page.locator('.chart').getAttribute('data-points')) > 0, 'the chart still draws');
      await clearFaults();
      await card.locator('.legend-retry').click();
    }
    await page.locator('.legend-card[data-signature-id="7"][data-state="ready"]').waitFor();
  });
  assertNoPanic(assert, page);
  await page.close();
});

test('API explorer: the schema fails to load → the bundled copy, labelled with why; retry the server', async () => {
  const page = await newPage(browser);
  await each(async (m) => {
    await fault(m, '/api/schema/');
    // A distinct URL each time: the same URL with the same fragment would not reload.
    await page.goto(app('/docs', `case=${m.mode}#operation/project_push_retrieve`));
    await page.locator('.docs-page[data-state="ready"]').waitFor();
    await page.locator('article.operation[data-operation="project_push_retrieve"]').waitFor();
    if (!m.works) {
      assert.equal(await page.locator('.docs-main').getAttribute('data-source'), 'bundled');
      assert.match(await page.locator('.docs-source-notice').textContent(), m.says);
      await clearFaults();
      await page.locator('.docs-retry').click();
      await page.locator('.docs-main[data-source="live"]').waitFor();
      await page.locator('article.operation[data-operation="project_push_retrieve"]').waitFor();
    } else {
      assert.equal(await page.locator('.docs-main').getAttribute('data-source'), 'live');
    }
  });
  assertNoPanic(assert, page);
  await page.close();
});

test('API explorer try-it: every failure is shown as what it is; the form stays; sending again works', async () => {
  const page = await newPage(browser, { viewport: { width: 1500, height: 1400 } });
  await page.goto(app('/docs', '#operation/project_push_retrieve'));
  const form = page.locator('.try-it');
  await form.locator('input[data-param="count"]').fill('3');
  await each(async (m) => {
    await fault(m, '/api/project/autoland/push/', 'count=3');
    await form.locator('.try-send').click();
    const response = form.locator('.try-response');
    await response.waitFor();
    const status = await response.getAttribute('data-status');
    if (/^\d{3}$/.test(m.mode)) {
      assert.equal(status, m.mode);
      assert.equal(await response.locator('.try-refusal').count(), 1, 'the refusal is spelled out');
      if (m.mode === '429') assert.match(await response.locator('.try-refusal').textContent(), /wait 300 s/);
    } else if (['slow', 'reset', 'truncated', 'no_cors'].includes(m.mode)) {
      assert.equal(status, 'none');
      assert.match(await response.locator('.error-banner').textContent(), m.says);
    } else if (m.mode === 'malformed') {
      assert.equal(status, '200');
      assert.match(await response.textContent(), /Not JSON/);
    } else {
      assert.equal(status, '200');
    }
    assert.equal(await form.locator('input[data-param="count"]').inputValue(), '3', 'the form stays');
    await clearFaults();
    await form.locator('.try-send').click();
    await form.locator('.try-response[data-status="200"] .json-tree').waitFor();
    await form.locator('[data-tab="raw"]').click();
    assert.equal(JSON.parse(await form.locator('.response-raw').textContent()).results.length, 3, 'recovered');
  });
  assertNoPanic(assert, page);
  await page.close();
});
