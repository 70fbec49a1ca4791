// What the bench measures. Each scenario: a URL, the view whose readiness ends the clock, the
// sample-server arguments, and optionally a function measuring more on the ready page.
export const scenarios = [
  { name: 'shell: jobs view, repositories listed', path: '/jobs?repo=autoland', view: 'jobs' },
  { name: 'graphs view (placeholder)', path: '/perfherder/graphs', view: 'graphs' },
  { name: 'docs view (placeholder)', path: '/docs', view: 'docs' },
];
