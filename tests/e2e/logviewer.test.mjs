// The log viewer (/logviewer): a recorded failed job's generated log, its error lines at
// Treeherder's numbering, selection in the URL, n/p, search, hostile content, and failures of the
// log download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';
import { api, UA } from './sample.mjs';

let server, browser, app;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // Page on 127.0.0.1, API and logs on localhost: the log is fetched across origins, as from
  // Taskcluster, so CORS (and its absence) is real.
  const other = server.url.replace('127.0.0.1', 'localhost');
  app = (query) => `${server.url}/logviewer?server=${encodeURIComponent(other)}&${query}`;
});
after(async () => { await browser?.close(); await server?.stop(); });

const JOB = 938; // autoland, testfailed, nine error lines
/** The raw log's lines, split as Treeherder's parser splits them. */
async function rawLines(job) {
  const res = await fetch(`${server.url}/logs/${job}/live_backing.log`, { headers: UA });
  const text = await res.text();
  const lines = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}
/** A line as it reads: its ANSI escapes taken out. */
const readable = (l) => l.replace(/\x1b\[[0-?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()*+].|\x1b./g, '');
const ready = (page) => page.locator('[data-view="logviewer"][data-state="ready"]').waitFor();
const row = (page, n) => page.locator(`.lv-row[data-line="${n}"]`);
/** Whether row n is inside the scrolled pane's visible box. */
const onScreen = (page, n) => page.evaluate((n) => {
  const r = document.querySelector(`.lv-row[data-line="${n}"]`)?.getBoundingClientRect();
  const box = document.querySelector('.lv-scroll').getBoundingClientRect();
  return !!r && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
}, n);
const lineParam = (page) => new URL(page.url()).searchParams.get('lineNumber');

test('a failed job: header, every error line highlighted at line_number + 1, the first one selected, n/p', async () => {
  const [errors, detail, lines] = await Promise.all([
    api(server, `/api/project/autoland/jobs/${JOB}/text_log_errors/`),
    api(server, `/api/project/autoland/jobs/${JOB}/`),
    rawLines(JOB),
  ]);
  assert.equal(errors.length, 9);
  const page = await newPage(browser);
  try {
    await page.goto(app(`job_id=${JOB}&repo=autoland`));
    await ready(page);
    // Header: the job's facts and links.
    assert.equal(await page.locator('.lv-header [data-field="status"]').textContent(), 'testfailed');
    assert.equal(await page.locator('.lv-header h1').textContent(), detail.job_type_name);
    assert.match(await page.locator('.lv-header [data-field="platform"]').textContent(), /\S/);
    assert.match(await page.locator('[data-link="jobs"]').getAttribute('href'), new RegExp(`/jobs\\?repo=autoland&revision=[0-9a-f]{40}&selected`));
    assert.match(await page.locator('[data-link="raw"]').getAttribute('href'), new RegExp(`/logs/${JOB}/live_backing.log$`));
    assert.match(await page.locator('[data-link="treeherder"]').getAttribute('href'), new RegExp(`/logviewer\\?job_id=${JOB}&repo=autoland$`));
    assert.equal(await page.locator('[data-field="progress"]').textContent().then((t) => t.split(' ')[0].replaceAll(',', '')), String(lines.length));
    // The first error line is selected and in view, and the URL says so (Treeherder's default).
    const first = errors[0].line_number + 1;
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('lineNumber') === String(n), first);
    assert.ok(await onScreen(page, first), `line ${first} on screen`);
    assert.match(await row(page, first).getAttribute('class'), /lv-selected/);
    // Every error of the parser: listed, and at its line the log says what the parser read.
    assert.equal(await page.locator('.lv-error-item').count(), errors.length);
    for (const e of errors) {
      const n = e.line_number + 1;
      assert.equal(lines[e.line_number], e.line, `the generated log holds error ${e.id} at index ${e.line_number}`);
      await page.locator(`.lv-error-item[data-line="${n}"] .lv-error-jump`).click();
      await row(page, n).waitFor();
      assert.match(await row(page, n).getAttribute('class'), /lv-error-line/);
      assert.equal(await row(page, n).locator('.lv-text').textContent(), e.line);
      assert.ok(await onScreen(page, n), `line ${n} on screen after its click`);
      // The URL follows a moment after the selection settles.
      await page.waitForFunction((line) => new URL(location.href).searchParams.get('lineNumber') === String(line), n);
    }
    // A line that is no error is not marked.
    await page.locator('.lv-toolbar button', { hasText: 'Top' }).click();
    await row(page, 1).waitFor();
    assert.doesNotMatch(await row(page, 1).getAttribute('class'), /lv-error-line/);
    // n / p walk the errors from the selection, wrapping.
    await page.locator(`.lv-error-item[data-line="${first}"] .lv-error-jump`).click();
    await page.locator('.lv-scroll').focus();
    await page.keyboard.press('n');
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('lineNumber') === String(n), errors[1].line_number + 1);
    assert.ok(await onScreen(page, errors[1].line_number + 1));
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('lineNumber') === String(n), errors[8].line_number + 1);
    assertNoPanic(assert, page);
  } finally {
    await page.close();
  }
});

test('lineNumber=N-M selects and scrolls; clicks and shift-clicks select; the URL follows; copy lines', async () => {
  const lines = await rawLines(JOB);
  const page = await newPage(browser);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(app(`job_id=${JOB}&repo=autoland&lineNumber=1200-1203`));
    await ready(page);
    for (const n of [1200, 1201, 1202, 1203]) assert.match(await row(page, n).getAttribute('class'), /lv-selected/);
    assert.doesNotMatch(await row(page, 1204).getAttribute('class'), /lv-selected/);
    assert.ok(await onScreen(page, 1200));
    assert.equal(await page.locator('[data-field="selection"]').textContent(), 'Lines 1200–1203 (4)');
    assert.equal(lineParam(page), '1200-1203', 'not replaced by the first error line');
    // Click one line, shift-click another: a range, in the URL.
    await row(page, 1205).locator('.lv-num').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lineNumber') === '1205');
    await row(page, 1208).locator('.lv-num').click({ modifiers: ['Shift'] });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lineNumber') === '1205-1208');
    await page.locator('.copy-button').click();
    await page.locator('.copy-button', { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, lines.slice(1204, 1208).map(readable).join('\n'));
    // Reloading keeps the place.
    await page.reload();
    await ready(page);
    assert.match(await row(page, 1207).getAttribute('class'), /lv-selected/);
    assertNoPanic(assert, page);
  } finally {
    await page.close();
  }
});

test('search: the count is the lines holding the term, case toggle, next/previous, only matching lines', async () => {
  const lines = await rawLines(JOB);
  const holding = (term, exact) => lines.map(readable).filter((l) => (exact ? l.includes(term) : l.toLowerCase().includes(term.toLowerCase()))).length;
  const page = await newPage(browser);
  try {
    await page.goto(app(`job_id=${JOB}&repo=autoland`));
    await ready(page);
    const count = () => page.locator('[data-field="match-count"]').textContent();
    const grouped = (n) => n.toLocaleString('en-US');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('test-pass');
    const expected = holding('test-pass', false);
    assert.ok(expected > 20, `${expected} lines hold it`);
    await page.waitForFunction((t) => document.querySelector('[data-field="match-count"]').textContent === t, `${grouped(expected)} lines`);
    assert.ok((await page.locator('.lv-mark').count()) > 0, 'matches are marked');
    // Case sensitive: the log writes TEST-PASS.
    await page.locator('.lv-case').click();
    assert.equal(await count(), '0 lines');
    await page.locator('.lv-case').click();
    // Enter goes to the first match, again to the second; the current one is on screen.
    const matching = lines.map((l, i) => [readable(l), i + 1]).filter(([l]) => l.toLowerCase().includes('test-pass')).map(([, n]) => n);
    await page.locator('.lv-search-input').press('Enter');
    await page.locator('.lv-search-input').press('Enter');
    assert.equal(await count(), `2 of ${grouped(expected)} lines`);
    assert.ok(await onScreen(page, matching[1]));
    assert.match(await row(page, matching[1]).getAttribute('class'), /lv-current/);
    // Only matching: exactly those lines, in order.
    await page.locator('.lv-only input').check();
    await page.locator('.lv-toolbar button', { hasText: 'Top' }).click();
    await page.waitForFunction((h) => document.querySelector('.lv-spacer').style.height === `${h}px`, expected * 16);
    const shown = await page.locator('.lv-row').evaluateAll((rows) => rows.map((r) => Number(r.dataset.line)));
    assert.deepEqual(shown, matching.slice(0, shown.length));
    await page.keyboard.press('Escape');
    await page.waitForFunction((h) => document.querySelector('.lv-spacer').style.height === `${h}px`, lines.length * 16);
    assertNoPanic(assert, page);
  } finally {
    await page.close();
  }
});

test('hostile log content (markup, javascript: URLs, control characters, ANSI) is text; only http(s) URLs link', async () => {
  const lines = await rawLines(JOB);
  assert.ok(lines.some((l) => l.includes('<script>')) && lines.some((l) => l.includes('\x07')) && lines.some((l) => l.includes('\x1b[')));
  const page = await newPage(browser);
  try {
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    await page.goto(app(`job_id=${JOB}&repo=autoland`));
    await ready(page);
    for (const term of ['<script>', 'control characters', 'coloured by', 'Downloading https://']) {
      await page.locator('.lv-search-input').fill(term);
      await page.locator('.lv-only input').check();
      await page.locator('.lv-row').first().waitFor({ state: 'attached' }).catch((e) => { e.message = `${term}: ${e.message}`; throw e; });
      const drawn = await page.locator('.lv-row .lv-text').allTextContents();
      assert.ok(drawn.length > 0 && drawn.every((t) => t.includes(term.replace('<', '<'))), term);
      assert.ok(drawn.every((t) => !t.includes('\x1b') && !t.includes('\x07')), 'no raw escapes or bells');
      await page.locator('.lv-only input').uncheck();
    }
    const links = await page.locator('.lv-scroll a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.every((h) => /^https?:\/\//.test(h) || /^#L\d+$/.test(h)), links.filter((h) => !/^(https?:|#L)/.test(h)).join(' '));
    assert.equal(await page.locator('.lv-scroll script, .lv-scroll img, .lv-scroll iframe').count(), 0);
    assert.ok(links.some((h) => h.startsWith('https://firefox-ci-tc.services.mozilla.com/')), 'an http(s) URL in a line is a link');
    assert.equal(dialogs, 0);
    assertNoPanic(assert, page);
  } finally {
    await page.close();
  }
});

test('a pasted treeherder.mozilla.org log viewer link opens the same place', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/logviewer?server=${encodeURIComponent(server.url)}`);
    await page.locator('.lv-paste input').fill(`https://treeherder.mozilla.org/logviewer?job_id=${JOB}&repo=autoland&lineNumber=321`);
    await page.locator('.lv-paste button').click();
    await ready(page);
    assert.equal(lineParam(page), '321');
    assert.match(await row(page, 321).getAttribute('class'), /lv-selected/);
    // The same link with this app's host in place of Treeherder's does too.
    await page.goto(`${server.url}/logviewer?job_id=${JOB}&repo=autoland&lineNumber=322`);
    await ready(page);
    assert.match(await row(page, 322).getAttribute('class'), /lv-selected/);
    // Nonsense is said, not fatal.
    await page.goto(`${server.url}/logviewer?job_id=abc&lineNumber=x`);
    await page.locator('.notice', { hasText: 'job_id="abc"' }).waitFor();
    assertNoPanic(assert, page);
  } finally {
    await page.close();
  }
});

const FAULTS = [
  { mode: '404', says: /expired/ },
  { mode: '500', says: /500/ },
  { mode: 'no_cors', says: /network or CORS/ },
  { mode: 'truncated', says: /cut off/i, keepsLines: true },
];
for (const f of FAULTS) {
  test(`the log download fails (${f.mode}): a clear message, Retry, and what was shown stays`, async () => {
    const lines = await rawLines(JOB);
    await server.control(`/__sample/faults?mode=${f.mode}&path=${encodeURIComponent(`/logs/${JOB}/`)}`);
    const page = await newPage(browser);
    try {
      await page.goto(app(`job_id=${JOB}&repo=autoland`));
      const banner = page.locator('.lv-page > .error-banner');
      await banner.waitFor();
      assert.match(await banner.textContent(), f.says);
      assert.equal(await page.locator('.lv-page').getAttribute('data-state'), 'error');
      // The job and its error lines are still there.
      assert.equal(await page.locator('.lv-header [data-field="status"]').textContent(), 'testfailed');
      await page.locator('.lv-error-item').first().waitFor();
      const before = await page.locator('[data-field="progress"]').textContent().then((t) => Number(t.split(' ')[0].replaceAll(',', '')));
      if (f.keepsLines) assert.ok(before > 0 && before < lines.length, `${before} lines kept of ${lines.length}`);
      await fetch(`${server.url}/__sample/faults`, { method: 'DELETE' });
      await banner.locator('button', { hasText: 'Retry' }).click();
      await ready(page);
      assert.equal(await page.locator('.lv-page > .error-banner').count(), 0);
      assert.match(await page.locator('[data-field="progress"]').textContent(), new RegExp(`^${lines.length.toLocaleString('en-US')} lines`));
      assertNoPanic(assert, page);
    } finally {
      await fetch(`${server.url}/__sample/faults`, { method: 'DELETE' });
      await page.close();
    }
  });
}

test('from the jobs view: l opens the log viewer, Shift+L the raw log, the action bar has both', async () => {
  const detail = await api(server, `/api/project/autoland/jobs/${JOB}/`);
  const push = await api(server, `/api/project/autoland/push/${detail.push_id}/`);
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/jobs?repo=autoland&revision=${push.revision}&selectedJob=${JOB}`);
    const bar = page.locator('.details-actions');
    await bar.locator('#open-log').waitFor();
    assert.match(await bar.locator('#open-logviewer').getAttribute('href'), new RegExp(`/logviewer\\?job_id=${JOB}&repo=autoland$`));
    const [viewer] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('l')]);
    await viewer.waitForLoadState();
    assert.match(viewer.url(), new RegExp(`/logviewer\\?job_id=${JOB}&repo=autoland`));
    await viewer.locator('[data-view="logviewer"][data-state="ready"]').waitFor();
    await viewer.close();
    const [raw] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Shift+L')]);
    await raw.waitForLoadState();
    assert.match(raw.url(), new RegExp(`/logs/${JOB}/live_backing.log$`));
    await raw.close();
    // The failure summary's lines open the viewer at their line (line_number + 1).
    const errors = await api(server, `/api/project/autoland/jobs/${JOB}/text_log_errors/`);
    const link = page.locator('.text-log-error a.line-number').first();
    await link.waitFor();
    assert.match(await link.getAttribute('href'), new RegExp(`lineNumber=${errors[0].line_number + 1}$`));
    assert.equal(await link.textContent(), `line ${errors[0].line_number + 1}: `);
    assertNoPanic(assert, page);
  } finally {
    await page.close();
  }
});
