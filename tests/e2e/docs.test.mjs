// The API explorer (/docs) against the sample API: every operation of the real schema listed,
// search by parameter name, deep links and history, try-it with the copied curl command run for
// real, hostile Markdown, the bundled schema when the server is down, Hawk-signed requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures/treeherder-sample/openapi.json'), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Every operation of the recorded schema: { id, method, path, params }. */
const OPERATIONS = Object.entries(SCHEMA.paths).flatMap(([p, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({
    id: item[m].operationId,
    method: m,
    path: p,
    params: [...(item.parameters || []), ...(item[m].parameters || [])].map((x) => x.name),
  })));
const DEMO_ID = 'treeherder-explorer-demo';
const DEMO_SECRET = 'demo-secret-for-the-sample-server';

let server, browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDocs(page, hash = '', query = '') {
  await page.goto(`${server.url}/docs${query}${hash}`);
  await page.locator('.docs-page[data-state="ready"]').waitFor();
}

const visibleMenuIds = (page) =>
  page.$$eval('.docs-menu a.menu-op[data-operation-id]', (as) => as.filter((a) => a.offsetParent !== null).map((a) => a.dataset.operationId));

test('all 88 operations of the real schema are listed in the menu, grouped by tag', async () => {
  assert.equal(OPERATIONS.length, 88, 'the recorded schema has 88 operations');
  const page = await newPage(browser);
  await openDocs(page);
  const ids = await visibleMenuIds(page);
  for (const op of OPERATIONS) assert.ok(ids.includes(op.id), `${op.id} is in the menu`);
  assert.ok(ids.includes('project_jobs_submit_hawk'), 'plus the Hawk submission the schema lacks');
  assert.equal(ids.length, 89);
  // Method badge + path, under the operation's tag.
  const push = page.locator('a.menu-op[data-operation-id="project_push_retrieve"]');
  assert.equal(await push.locator('.method-badge').textContent(), 'GET');
  assert.equal((await push.locator('.menu-path').textContent()), '/api/project/{project}/push/');
  assert.equal(await push.evaluate((a) => a.closest('.menu-tag').dataset.tag), 'project');
  const perfCount = await page.locator('.menu-tag[data-tag="performance"] a.menu-op').count();
  assert.equal(perfCount, OPERATIONS.filter((o) => SCHEMA.paths[o.path][o.method].tags[0] === 'performance').length);
  assert.match(await page.locator('[data-testid="schema-source"]').textContent(), /^Live from http:\/\/127\.0\.0\.1:\d+\/api\/schema\/\?format=json$/);
  // The download link is the schema's JSON.
  const href = await page.locator('.docs-download a').getAttribute('href');
  const downloaded = await page.evaluate(async (u) => (await fetch(u)).json(), href);
  assert.deepEqual(Object.keys(downloaded.paths), Object.keys(SCHEMA.paths));
  assertNoPanic(assert, page);
  await page.close();
});

test('search matches parameter names, with keyboard navigation of the results', async () => {
  const page = await newPage(browser);
  await openDocs(page);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'docs-search', '"/" focuses the search');
  await page.keyboard.type('signature');
  await page.waitForFunction(() => document.querySelector('#docs-search-count').textContent.includes(' of '));
  const found = await visibleMenuIds(page);
  // Operations whose schema parameters name a signature, though their path does not.
  const byParam = OPERATIONS.filter((o) => o.params.some((p) => p.includes('signature')) && !o.path.includes('signature'));
  assert.ok(byParam.length >= 2, 'the schema has such operations');
  for (const op of byParam) {
    assert.ok(found.includes(op.id), `${op.id} found by its parameter`);
    const hint = await page.locator(`a.menu-op[data-operation-id="${op.id}"] .menu-hint`).textContent();
    assert.match(hint, /parameter \w*signature/);
  }
  // The performance signature operations: by path, and by the parameters the server reads.
  assert.ok(found.includes('project_performance_signatures_retrieve'));
  assert.ok(found.includes('project_performance_data_retrieve'), 'performance data, by its signature_id parameter');
  assert.ok(!found.includes('project_push_retrieve'), 'operations without it are hidden');
  assert.match(await page.locator('#docs-search-count').textContent(), new RegExp(`^${found.length} of 89 operations$`));

  // ↓ ↓ Enter opens the second result.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await page.locator('a.menu-op.kb-active').getAttribute('data-operation-id');
  assert.equal(active, found[1]);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#operation/${active}$`));
  await page.locator(`article.operation[data-operation="${active}"]`).waitFor();
  // Escape clears the search.
  await page.locator('#docs-search').focus();
  await page.keyboard.press('Escape');
  assert.equal((await visibleMenuIds(page)).length, 89);
  assertNoPanic(assert, page);
  await page.close();
});

test('deep links open an operation or a tag; history moves between them', async () => {
  const page = await newPage(browser);
  await openDocs(page, '#operation/project_performance_signatures_retrieve');
  const article = page.locator('article.operation[data-operation="project_performance_signatures_retrieve"]');
  await article.waitFor();
  assert.equal(await article.locator('.op-path').textContent(), '/api/project/{project}/performance/signatures/');
  assert.equal(await page.locator('a.menu-op.current').getAttribute('data-operation-id'), 'project_performance_signatures_retrieve');
  assert.equal(await page.title(), 'GET /api/project/{project}/performance/signatures/ – Treeherder Explorer');
  // Parameters table: the path parameter, required.
  assert.match(await article.locator('tr[data-param="project"]').textContent(), /project\s*required/);

  await page.locator('a.menu-op[data-operation-id="jobs_list"]').click();
  await page.waitForURL(/#operation\/jobs_list$/);
  await page.locator('article.operation[data-operation="jobs_list"]').waitFor();
  // Its 67 query parameters, from the schema.
  const jobsList = OPERATIONS.find((o) => o.id === 'jobs_list');
  assert.equal(jobsList.params.length, 67);
  assert.equal(await page.locator('article.operation .params-table tr[data-param]').count(), 67);
  assert.match(await page.locator('article.operation tr[data-param="result"]').textContent(), /result\s*query\s*string/);
  await page.goBack();
  await article.waitFor();
  await page.goForward();
  await page.locator('article.operation[data-operation="jobs_list"]').waitFor();

  // Redoc's tag links, and its combined form.
  await openDocs(page, '#tag/performance');
  assert.equal(await page.locator('.docs-tag h1').textContent(), 'performance');
  assert.equal(await page.locator('.docs-tag .op-card').count(), await page.locator('.menu-tag[data-tag="performance"] a.menu-op').count());
  await openDocs(page, '#tag/project/operation/project_push_retrieve');
  await page.locator('article.operation[data-operation="project_push_retrieve"]').waitFor();
  // An edited hash: the operation's heading lands below the top bar, not under it.
  await page.evaluate(() => { location.hash = '#operation/jobs_list'; });
  const heading = page.locator('article.operation[data-operation="jobs_list"] .op-title');
  await heading.waitFor();
  await page.waitForTimeout(200);
  const [bar, title] = await Promise.all([page.locator('.top-bar').boundingBox(), heading.boundingBox()]);
  assert.ok(title.y >= bar.y + bar.height - 1, `heading at ${title.y}, top bar ends at ${bar.y + bar.height}`);
  // Menu paths break after a slash, never inside a segment.
  const broken = await page.$$eval('.menu-path-seg', (segs) => segs.filter((seg) => seg.getClientRects().length > 1).map((seg) => seg.textContent));
  assert.ok(await page.locator('.menu-path-seg').count() > 200, 'paths are drawn by segment');
  assert.deepEqual(broken, [], 'no path segment split across lines');
  await openDocs(page, '#operation/no_such_operation');
  assert.match(await page.locator('.docs-main .notice').textContent(), /No operation “no_such_operation” in this schema/);
  assertNoPanic(assert, page);
  await page.close();
});

test('try it: the push list with count=3 answers 200 with 3 pushes, and the copied curl returns the same JSON', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1200 } });
  await openDocs(page, '#operation/project_push_retrieve');
  const console_ = page.locator('.try-it');
  await console_.locator('input[data-param="project"]').fill('autoland');
  await console_.locator('input[data-param="count"]').fill('3');
  // An extra query parameter reaches the URL and the snippets; removed again.
  await console_.locator('.add-query-param').click();
  await console_.locator('.extra-key').fill('author');
  await console_.locator('.extra-value').fill('someone@example.com');
  assert.match(await console_.locator('.try-url-preview').textContent(), /author=someone%40example\.com/);
  await console_.locator('.extra-param button').click();
  assert.equal(await console_.locator('.try-url-preview').textContent(), `${server.url}/api/project/autoland/push/?count=3`);

  const curl = await console_.locator('.snippet[data-lang="curl"]').textContent();
  assert.match(curl, /^curl -sS/);
  await console_.locator('.try-send').click();
  const response = console_.locator('.try-response[data-status="200"]');
  await response.waitFor();
  assert.equal(await response.locator('.try-status').textContent(), '200 OK');
  assert.match(await response.locator('.try-duration').textContent(), /^\d+ ms$/);
  assert.match(await response.locator('.try-size').textContent(), /^\d+(\.\d)? (B|KB)$/);
  // The tree: `results` holds 3 items.
  const resultsNode = response.locator('.json-tree > .json-node > .json-children > .json-node', { has: page.locator(':scope > .json-key', { hasText: /^results$/ }) });
  assert.equal(await resultsNode.locator(':scope > .json-summary').textContent(), '[ 3 items ]');
  await response.locator('[data-tab="raw"]').click();
  const shown = JSON.parse(await response.locator('.response-raw').textContent());
  assert.equal(shown.results.length, 3);
  await response.locator('[data-tab="headers"]').click();
  assert.match(await response.locator('.response-headers').textContent(), /content-type\s*application\/json/i);

  // The snippet is a real shell command: run it.
  const fromCurl = JSON.parse(execFileSync('bash', ['-c', curl], { encoding: 'utf8', timeout: 20000 }));
  assert.deepEqual(fromCurl, shown);
  // Rust and Python are there without sending.
  await console_.locator('.copy-as [data-lang="python"]').click();
  const python = await console_.locator('.snippet[data-lang="python"]').textContent();
  assert.match(python, /"User-Agent": "treeherder-explorer\//);
  assert.match(python, /\("count", "3"\)/);
  await console_.locator('.copy-as [data-lang="rust"]').click();
  assert.match(await console_.locator('.snippet[data-lang="rust"]').textContent(), /client\.get_json\("\/api\/project\/autoland\/push\/", &query\)/);
  assertNoPanic(assert, page);
  await page.close();
});

test('try it shows the server\'s detail on errors, and the form requires path parameters', async () => {
  const page = await newPage(browser);
  await openDocs(page, '#operation/project_push_retrieve');
  const console_ = page.locator('.try-it');
  await console_.locator('input[data-param="project"]').fill('');
  assert.ok(await console_.locator('.try-send').isDisabled(), 'no sending without the path parameter');
  assert.match(await console_.locator('.copy-as .form-problem').textContent(), /project is required/);
  await console_.locator('input[data-param="project"]').fill('no-such-repo');
  await console_.locator('.try-send').click();
  const response = console_.locator('.try-response[data-status="404"]');
  await response.waitFor();
  assert.match(await response.locator('.try-detail').textContent(), /No project with name no-such-repo/);
  assertNoPanic(assert, page);
  await page.close();
});

test('Markdown from the schema renders inert: no script runs, no javascript: link', async () => {
  const page = await newPage(browser);
  const hostile = structuredClone(SCHEMA);
  hostile.paths['/api/project/{project}/push/'].get.description =
    'Pushes **bold** <script>window.__pwned = 1</script> [click me](javascript:window.__pwned=2) ' +
    '[also](JaVaScRiPt:window.__pwned=3) <img src=x onerror="window.__pwned=4"> [fine](https://example.org/)';
  await page.route('**/api/schema/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
  await openDocs(page, '#operation/project_push_retrieve');
  const md = page.locator('article.operation .op-docs > .markdown').first();
  await md.waitFor();
  assert.equal(await md.locator('strong').textContent(), 'bold', 'Markdown is rendered');
  assert.match(await md.textContent(), /<script>window\.__pwned = 1<\/script>/, 'raw HTML is shown as text');
  assert.equal(await page.locator('.docs-page script, .docs-page img').count(), 0);
  assert.equal(await page.locator('a[href^="javascript" i]').count(), 0);
  assert.equal(await md.locator('.unsafe-link').count(), 2, 'the unsafe links are plain text');
  assert.equal(await md.locator('a[href="https://example.org/"]').count(), 1, 'safe links stay');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertNoPanic(assert, page);
  await page.close();
});

test('with the server down, the bundled schema is used and labelled', async () => {
  const page = await newPage(browser);
  await openDocs(page, '', `?server=${encodeURIComponent('http://127.0.0.1:9')}`);
  assert.equal(await page.locator('.docs-main').getAttribute('data-source'), 'bundled');
  assert.match(await page.locator('.docs-source-notice').textContent(), /Showing the schema bundled with Treeherder Explorer .*Could not reach/);
  assert.match(await page.locator('[data-testid="schema-source"]').textContent(), /Bundled copy/);
  assert.equal((await visibleMenuIds(page)).length, 89);
  assertNoPanic(assert, page);
  await page.close();
});

test('Hawk: a signed job submission succeeds with the right secret and shows the server\'s error with a wrong one', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1400 } });
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  const newest = (await (await fetch(`${server.url}/api/project/autoland/push/?count=1`)).json()).results[0].revision;
  await openDocs(page, '#operation/project_jobs_submit_hawk');
  const console_ = page.locator('.try-it');
  // The body is an example job on autoland's newest push.
  await page.waitForFunction((rev) => document.querySelector('.try-body-input')?.value.includes(rev), newest);
  assert.ok(await console_.locator('.try-send').isDisabled(), 'unsigned, it cannot be sent');

  const signIn = async (secret, remember = false) => {
    await console_.locator('input[name="hawk-client-id"]').fill(DEMO_ID);
    await console_.locator('input[name="hawk-secret"]').fill(secret);
    if (remember) await console_.locator('input[name="hawk-remember"]').check();
    await console_.locator('.hawk-form button[type="submit"]').click();
    await console_.locator('.hawk-panel[data-signed-in="true"]').waitFor();
  };
  await signIn('a-wrong-secret');
  const curl = await console_.locator('.snippet[data-lang="curl"]').textContent();
  const hawkHeader = curl.match(/Authorization: (Hawk [^']*)'/)?.[1] ?? "";
  for (const field of [/id="treeherder-explorer-demo"/, /ts="\d+"/, /nonce="[^"]+"/, /hash="[^"]+"/, /mac="[^"]+"/]) assert.match(hawkHeader, field);
  assert.ok(!curl.includes('a-wrong-secret'), 'the secret never appears in a snippet');
  await console_.locator('.try-send').click();
  const refused = console_.locator('.try-response[data-status="401"]');
  await refused.waitFor();
  assert.match(await refused.locator('.try-detail').textContent(), /MAC does not match/);

  await console_.locator('.hawk-forget').click();
  await signIn(DEMO_SECRET, true);
  await console_.locator('.try-send').click();
  const accepted = console_.locator('.try-response[data-status="200"]');
  await accepted.waitFor();
  assert.ok(await accepted.locator('.try-signed').isVisible());
  await accepted.locator('[data-tab="raw"]').click();
  assert.deepEqual(JSON.parse(await accepted.locator('.response-raw').textContent()), { message: 'Job successfully updated' });
  // The job is there.
  const guid = JSON.parse(await console_.locator('.try-body-input').inputValue())[0].job.job_guid;
  const jobs = await (await fetch(`${server.url}/api/jobs/?job_guid=${guid}`)).json();
  assert.equal(jobs.results.length, 1);

  // Remembered for this origin only when asked; never in the URL or the console.
  await page.reload();
  await page.locator('.docs-page[data-state="ready"]').waitFor();
  assert.match(await page.locator('.hawk-status').textContent(), /Signing as treeherder-explorer-demo .*remembered on this device/);
  assert.ok(!page.url().includes(DEMO_SECRET));
  assert.ok(!logs.some((l) => l.includes(DEMO_SECRET) || l.includes('a-wrong-secret')), 'no secret in the console');
  await page.locator('.hawk-forget').click();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('treeherder-explorer:hawk:')).length), 0);
  assertNoPanic(assert, page);
  await page.close();
});

test('try-it defaults come from context: the repository and the job selected in the jobs view', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 4000 } });
  await page.goto(`${server.url}/jobs?repo=mozilla-central`);
  await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
  const button = page.locator('#push-list .job-btn').first();
  const jobId = await button.getAttribute('data-job-id');
  await button.click();
  await page.waitForURL(/selectedTaskRun=|selectedJob=/);
  await page.locator('.nav-link', { hasText: 'API' }).click();
  await page.locator('.docs-page[data-state="ready"]').waitFor();
  await page.locator('a.menu-op[data-operation-id="project_jobs_retrieve_2"]').click();
  const console_ = page.locator('.try-it');
  await console_.waitFor();
  assert.equal(await console_.locator('input[data-param="project"]').inputValue(), 'mozilla-central');
  assert.equal(await console_.locator('input[data-param="id"]').inputValue(), jobId);
  await console_.locator('.try-send').click();
  await console_.locator('.try-response[data-status="200"]').waitFor();
  await console_.locator('[data-tab="raw"]').click();
  assert.equal(JSON.parse(await console_.locator('.response-raw').textContent()).id, Number(jobId));
  assertNoPanic(assert, page);
  await page.close();
});
