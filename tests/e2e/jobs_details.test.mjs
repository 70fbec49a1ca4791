// The details panel, the keyboard, and the jobs view's error messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

// Pushes are drawn when they come near the viewport: a tall one shows all ten at once.
const TALL = { viewport: { width: 1400, height: 4000 } };
import { api, jobsOf, isUnclassifiedFailure, waitReady } from './sample.mjs';

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.stop(); });

test('details of a classified failure: facts, logs, bug suggestions, classification, similar jobs', async () => {
  const detail = await api(server, '/api/project/autoland/jobs/3205/');
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  await page.locator('.job-btn[data-job-id="3205"]').click();
  await page.waitForURL(new RegExp(`selectedTaskRun=${detail.task_id}\\.0`));
  const panel = page.locator('.details-panel');
  await panel.locator('[data-field="started"]').waitFor();
  const field = (name) => panel.locator(`[data-field="${name}"]`).textContent();
  assert.equal(await field('job-id'), '3205');
  assert.equal(await field('status'), 'testfailed');
  assert.equal(await field('platform'), 'Windows 11 24H2 debug');
  assert.match(await field('task'), new RegExp(`${detail.task_id} \\(run 0\\)`));
  assert.equal(await panel.locator('[data-field="task"] a').getAttribute('href'), `https://firefox-ci-tc.services.mozilla.com/tasks/${detail.task_id}`);
  assert.match(await panel.textContent(), new RegExp(detail.machine_name));
  assert.equal(await panel.locator('.job-title').textContent(), `bc2 ${detail.job_type_name}`);
  assert.match(await field('duration'), /^\d+ min$/);
  const logs = await panel.locator('.log-list li').allTextContents();
  assert.deepEqual(logs.map((l) => l.replace(/\s+/g, ' ')).sort(), ['errorsummary_json parsed', 'live_backing_log parsed']);
  assert.equal(await panel.locator('.details-actions #open-log').textContent(), 'Raw log');
  assert.match(await panel.locator('#open-log').getAttribute('href'), /\/logs\/3205\/live_backing.log$/);
  // Copy task id, from the action bar.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const copy = panel.locator('.details-actions button', { hasText: 'Copy task id' });
  await copy.click();
  await page.waitForFunction(() => document.querySelector('.details-actions .copy-button')?.textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), detail.task_id);

  // Failure summary: the error line and the suggested bug.
  await panel.locator('.failure-line').waitFor();
  assert.match(await panel.locator('.failure-line .error-line').textContent(), /browser_console_enable_network_monitoring\.js/);
  assert.equal(await panel.locator('.bug-suggestion .bug-link').first().getAttribute('href'), 'https://bugzilla.mozilla.org/show_bug.cgi?id=1990001');

  // Annotations: the intermittent classification and its bug.
  await panel.locator('[role="tab"]', { hasText: 'Annotations' }).click();
  await panel.locator('.note').waitFor();
  assert.match(await panel.locator('.note').textContent(), /intermittent.*sheriff@example\.com/);
  assert.equal(await panel.locator('.linked-bugs .bug-link').textContent(), 'Bug 1990001');

  // Similar jobs, paged by ten.
  await panel.locator('[role="tab"]', { hasText: 'Similar jobs' }).click();
  await panel.locator('.similar-job').first().waitFor();
  assert.equal(await panel.locator('.similar-job').count(), 10);
  const first = await panel.locator('.similar-job').first().textContent();
  await panel.locator('button', { hasText: 'Older' }).click();
  await page.waitForFunction((f) => document.querySelector('.similar-job')?.textContent !== f, first);
  assert.equal(await panel.locator('.page-number').textContent(), 'page 2');
  assertNoPanic(assert, page);
  await page.close();
});

test('the panel resizes, remembers its height, and Esc closes it', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland&selectedJob=3205`);
  const panel = page.locator('.details-panel');
  await panel.locator('[data-field="started"]').waitFor();
  const h0 = (await panel.boundingBox()).height;
  const handle = page.locator('.details-resize');
  const box = await handle.boundingBox();
  await page.mouse.move(box.x + 50, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 50, box.y - 98, { steps: 4 });
  await page.mouse.up();
  const h1 = (await panel.boundingBox()).height;
  assert.ok(Math.abs(h1 - h0 - 100) <= 4, `${h0} → ${h1}`);
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  assert.ok((await panel.boundingBox()).height > h1);
  await page.reload();
  await panel.locator('[data-field="started"]').waitFor();
  assert.ok(Math.abs((await panel.boundingBox()).height - h1 - 40) <= 4, 'height remembered');
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.doesNotMatch(page.url(), /selected/);
  assertNoPanic(assert, page);
  await page.close();
});

test('a job of a push not shown: its details, with a link to load its push; performance values', async () => {
  const page = await newPage(browser, TALL);
  const summary = await api(server, '/api/performance/summary/?repository=autoland&signature=1&framework=1&interval=1209600&all_data=true');
  const point = summary[0].data[0];
  await page.goto(`${server.url}/jobs?repo=autoland&selectedJob=${point.job_id}`);
  const panel = page.locator('.details-panel');
  await panel.locator('.details-elsewhere').waitFor();
  assert.match(await panel.locator('.details-elsewhere').textContent(), new RegExp(`push ${point.push_id}, which is not among the pushes shown`));
  await panel.locator('[role="tab"]', { hasText: 'Performance' }).click();
  await panel.locator('.perf-values tbody tr').first().waitFor();
  assert.match(await panel.locator('.perf-values').textContent(), new RegExp(String(point.value)));
  await panel.locator('.details-elsewhere a').click();
  await page.waitForURL(new RegExp(`revision=${point.revision}`));
  await waitReady(page);
  assert.equal(await page.locator('.job-btn.selected').getAttribute('data-job-id'), String(point.job_id));
  assertNoPanic(assert, page);
  await page.close();
});

test('keyboard: j/k walk unclassified failures, arrows walk jobs, f, l, ? and Esc', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const order = await page.$$eval('#push-list .job-btn', (bs) => bs.map((b) => ({ id: b.dataset.jobId, failure: ['testfailed', 'busted', 'exception'].includes(b.dataset.status) && b.dataset.classified !== 'true' })));
  const failures = order.filter((o) => o.failure).map((o) => o.id);
  assert.equal(failures.length, 7);
  const selectedId = () => page.locator('.job-btn.selected').getAttribute('data-job-id');
  await page.keyboard.press('j');
  await page.locator(`.job-btn.selected[data-job-id="${failures[0]}"]`).waitFor();
  await page.keyboard.press('n');
  await page.locator(`.job-btn.selected[data-job-id="${failures[1]}"]`).waitFor();
  await page.keyboard.press('k');
  await page.locator(`.job-btn.selected[data-job-id="${failures[0]}"]`).waitFor();
  await page.keyboard.press('p');
  await page.locator(`.job-btn.selected[data-job-id="${failures[6]}"]`).waitFor();
  const at = order.findIndex((o) => o.id === failures[6]);
  await page.keyboard.press('ArrowRight');
  await page.locator(`.job-btn.selected[data-job-id="${order[(at + 1) % order.length].id}"]`).waitFor();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selectedId(), failures[6]);
  await page.locator('.details-panel #open-log').waitFor();
  // Logs live on Taskcluster, out of reach offline: answer for it.
  await page.context().route('https://firefox-ci-tc.services.mozilla.com/**', (r) => r.fulfill({ body: 'log', contentType: 'text/plain' }));
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Shift+L');
  assert.match((await popup).url(), /live_backing\.log$/);
  const viewer = page.waitForEvent('popup');
  await page.keyboard.press('l');
  assert.match((await viewer).url(), new RegExp(`/logviewer\\?job_id=${failures[6]}&repo=autoland$`));
  await page.keyboard.press('f');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'quick-filter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.locator('.shortcut-help').waitFor();
  assert.match(await page.locator('.shortcut-help').textContent(), /Next unclassified failure/);
  await page.keyboard.press('Escape');
  await page.locator('.shortcut-help').waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await page.locator('.details-panel').waitFor({ state: 'detached' });
  // Controls are labelled and reachable by keyboard.
  for (const sel of ['#quick-filter', '#repo-picker']) assert.ok(await page.locator(sel).getAttribute('aria-label') || await page.locator(`label:has(${sel})`).count(), sel);
  assert.ok(await page.locator('.group-symbol').first().getAttribute('aria-label'));
  await page.locator('.job-btn').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('.details-panel').waitFor();
  assertNoPanic(assert, page);
  await page.close();
});

test('clear messages: unknown repository, unknown revision, bad resultStatus, missing job', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=nope`);
  const banner = page.locator('.jobs-page .error-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Loading pushes of nope \(a repository this server does not know\) failed: Not found \(404\).*No project with name nope/);

  await page.goto(`${server.url}/jobs?repo=autoland&revision=0123456789ab`);
  await page.locator('.list-status.empty').waitFor();
  assert.equal(await page.locator('.list-status.empty').textContent(), 'No push with revision 0123456789ab in autoland.');

  await page.goto(`${server.url}/jobs?repo=autoland&resultStatus=bogus`);
  await waitReady(page);
  assert.match(await page.locator('.notice').first().textContent(), /Ignored unknown result status “bogus”/);
  assert.ok(await page.locator('#push-list .job-btn').count() > 0, 'the default statuses are used');

  await page.goto(`${server.url}/jobs?repo=autoland&selectedJob=999999`);
  await page.locator('.details-missing').waitFor();
  assert.match(await page.locator('.details-missing').textContent(), /No job 999999 in autoland on this server/);
  await page.goto(`${server.url}/jobs?repo=autoland&selectedTaskRun=not-a-task`);
  await waitReady(page);
  assert.match(await page.locator('.notice').first().textContent(), /Ignored selectedTaskRun/);
  assertNoPanic(assert, page);
  await page.close();
});
