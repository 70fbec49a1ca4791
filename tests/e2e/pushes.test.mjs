// The push status list (/pushes): its table laid out as a table — every cell of a row on one
// baseline and border, summaries given the room the page has, messages across the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';
import { api } from './sample.mjs';

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.stop(); });

const READY = '[data-view="pushes"][data-state="ready"]';

test('the table: borders aligned, summaries cut only when the page is full, as many rows as pushes', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/pushes?repo=autoland&count=10`);
  await page.locator(READY).waitFor();
  const pushes = (await api(server, '/api/project/autoland/push/?count=10')).results;
  const rows = await page.$$eval('.push-status-list tbody tr', (trs) => trs.map((tr) => {
    const cells = [...tr.children].map((td) => td.getBoundingClientRect());
    const what = tr.querySelector('.what');
    return {
      bottoms: [...new Set(cells.map((c) => Math.round(c.bottom)))],
      cellDisplay: [...tr.children].map((td) => getComputedStyle(td).display),
      whatCut: what.scrollWidth > what.clientWidth,
      summary: what.textContent,
    };
  }));
  assert.equal(rows.length, pushes.length);
  const table = await page.locator('.push-status-list').evaluate((t) => t.getBoundingClientRect().width);
  const view = await page.locator('.pushes-page').evaluate((p) => p.clientWidth);
  assert.ok(table >= view - 48, `the table uses the page's width: ${table} of ${view}`);
  for (const r of rows) {
    assert.deepEqual([...new Set(r.cellDisplay)], ['table-cell'], 'every cell is a table cell');
    assert.equal(r.bottoms.length, 1, `one bottom border per row: ${r.bottoms}`);
  }
  // A summary is cut only at the page's edge: its cell ends where the table does.
  const edges = await page.$$eval('.push-status-list tbody tr', (trs) => trs.map((tr) => {
    const what = tr.querySelector('.what').getBoundingClientRect();
    const jobs = tr.querySelector('.push-counts').getBoundingClientRect();
    return { gap: jobs.left - what.right, cut: tr.querySelector('.what').scrollWidth > tr.querySelector('.what').clientWidth };
  }));
  assert.ok(edges.some((e) => e.cut), 'the sample has summaries too long for the page');
  for (const e of edges) assert.ok(Math.abs(e.gap) <= 1, `the jobs cell follows the summary at once: ${e.gap} px`);
  assertNoPanic(assert, page);
  await page.close();
});

test('a failure in the embed spans the table, with its message and Retry', async () => {
  const page = await newPage(browser, { viewport: { width: 1200, height: 600 } });
  await page.goto(`${server.url}/pushes?repo=no-such-repo&count=5&embed=1`);
  const banner = page.locator('.push-status-list .error-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Loading the pushes of no-such-repo failed/);
  const [b, t] = await Promise.all([banner.boundingBox(), page.locator('.push-status-list').boundingBox()]);
  assert.ok(b.width > t.width * 0.9, `the banner spans the table: ${b.width} of ${t.width}`);
  assert.equal(await banner.locator('button', { hasText: 'Retry' }).count(), 1);
  assertNoPanic(assert, page);
  await page.close();
});
