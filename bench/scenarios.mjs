// What the bench measures. Each scenario: a URL (or a function of the server giving one), the
// view whose readiness ends the clock, sample-server arguments, and optionally a function
// measuring more on the ready page (its results are reported beside the load time).
import { UA } from '../tests/e2e/sample.mjs';

/** Time from a click on a status chicklet to the re-rendered rows being painted. */
async function filterToggle(page) {
  return page.evaluate(async () => {
    const toggle = (status) => new Promise((resolve) => {
      const list = document.querySelector('#push-list');
      const before = list.querySelectorAll('.job-btn').length;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (list.querySelectorAll('.job-btn').length !== before) {
          observer.disconnect();
          // Wait for the frame that shows it.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        }
      });
      observer.observe(list, { childList: true, subtree: true });
      document.querySelector(`.chicklet[data-status="${status}"]`).click();
    });
    const times = [];
    for (let i = 0; i < 3; i++) {
      times.push(await toggle('success')); // hide successes
      times.push(await toggle('success')); // show them again
    }
    times.sort((a, b) => a - b);
    return { 'filter change (hide/show successes)': times[times.length >> 1] };
  });
}

/** Per keystroke: typing "signature" into the docs search, input event → next painted frame;
 *  then opening the biggest operation (jobs_list, 67 parameters) from the menu. */
async function docsSearch(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.querySelector('#docs-search');
    const times = [];
    for (const round of [0, 1, 2]) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      for (const ch of 'signature') {
        const t0 = performance.now();
        input.value += ch;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    const t0 = performance.now();
    document.querySelector('a.menu-op[data-operation-id="jobs_list"]').click();
    while (!document.querySelector('article.operation[data-operation="jobs_list"] .try-it')) await new Promise((r) => setTimeout(r, 1));
    await frame();
    const open = performance.now() - t0;
    return { 'search, per keystroke (median)': times[times.length >> 1], 'search, per keystroke (worst)': times[times.length - 1], 'open jobs_list (67 parameters)': open };
  });
}

async function oldestRevision(server, repo) {
  const res = await fetch(`${server.url}/api/project/${repo}/push/?count=1000`, { headers: UA });
  const { results } = await res.json();
  return results[results.length - 1].revision;
}

export const scenarios = [
  { name: 'jobs: 10 autoland pushes, all job buttons ready', path: '/jobs?repo=autoland', view: 'jobs', budget: 500, after: filterToggle },
  {
    name: 'jobs: 60 autoland pushes, all job buttons ready',
    path: async (server) => `/jobs?repo=autoland&fromchange=${await oldestRevision(server, 'autoland')}`,
    view: 'jobs',
    budget: 1500,
    after: filterToggle,
    extraBudgets: { 'filter change (hide/show successes)': 50 },
  },
  {
    name: 'jobs: 10 try pushes x 5000 jobs (50k), ready',
    path: '/jobs?repo=try',
    view: 'jobs',
    serverArgs: ['--synthetic', '10:5000'],
    budget: 2500,
    after: filterToggle,
    extraBudgets: { 'filter change (hide/show successes)': 150 },
  },
  { name: 'graphs view (placeholder)', path: '/perfherder/graphs', view: 'graphs' },
  {
    name: 'docs: menu with all 89 operations ready',
    path: '/docs',
    view: 'docs',
    budget: 400,
    after: docsSearch,
    extraBudgets: { 'search, per keystroke (median)': 30, 'search, per keystroke (worst)': 30 },
  },
];
