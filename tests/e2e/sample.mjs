// Expected values, computed in the test from the sample server's own API (not from the app).
export const UA = { 'User-Agent': 'treeherder-explorer-e2e' };

export async function api(server, path) {
  const res = await fetch(server.url + path, { headers: UA });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

/** Jobs of a push as objects (from /api/jobs/'s compact rows). */
export async function jobsOf(server, pushId) {
  const page = await api(server, `/api/jobs/?push_id=${pushId}`);
  return page.results.map((row) => Object.fromEntries(page.job_property_names.map((n, i) => [n, row[i]])));
}

export const FAILURES = ['testfailed', 'busted', 'exception'];
export const DEFAULT_STATUSES = ['testfailed', 'busted', 'exception', 'success', 'retry', 'usercancel', 'running', 'pending'];
export const status = (j) => (j.state === 'completed' ? j.result : j.state);
export const isClassified = (j) => ![1, 6, 7, 8].includes(j.failure_classification_id);
export const isUnclassifiedFailure = (j) => FAILURES.includes(status(j)) && !isClassified(j);

/** Jobs shown by Treeherder's default filter. */
export const shownByDefault = (j) => DEFAULT_STATUSES.includes(status(j)) && [1, 2].includes(j.tier);

/** What a push header should say. */
export function expectedCounts(jobs) {
  const counted = jobs.filter((j) => j.result !== 'superseded');
  const pending = counted.filter((j) => j.state === 'pending').length;
  const running = counted.filter((j) => j.state === 'running').length;
  const completed = counted.filter((j) => j.state === 'completed').length;
  const total = pending + running + completed;
  return {
    failed: jobs.filter(isUnclassifiedFailure).length,
    inProgress: pending + running,
    percent: total ? Math.floor((completed * 100) / total) : 0,
  };
}

/** Jobs (buttons and folded counts) a push card shows, read from the page. */
export async function shownInPush(page, pushId) {
  return page.evaluate((id) => {
    const push = document.querySelector(`.push[data-push-id="${id}"]`);
    const buttons = [...push.querySelectorAll('.job-btn')].map((b) => Number(b.dataset.jobId));
    const folded = [...push.querySelectorAll('.job-count')].reduce((n, c) => n + Number(c.dataset.count), 0);
    return { buttons, total: buttons.length + folded };
  }, pushId);
}

export async function waitReady(page) {
  await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
}
