(function () {
  var d = document, root = d.documentElement, head = d.head;
  var list = d.getElementById('app-assets');
  var app = JSON.parse(list ? list.textContent : '{}');
  var views = app.views || [];
  var pin = d.querySelector('meta[name="treeherder-explorer-base"]');
  var p = location.pathname;
  var esc = function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); };
  var routes = views.map(function (v) { return esc(v.path); }).concat(['/index\\.html', '/404\\.html']);
  var m = p.match(new RegExp('^(.*?)(?:' + routes.join('|') + ')(?:/|$)'));
  var b = d.createElement('base');
  b.href = pin ? pin.content : m ? m[1] + '/' : p.replace(/[^\/]*$/, '');
  head.insertBefore(b, head.firstChild);
  var prefix = new URL(b.href).pathname.replace(/\/$/, '');
  var route = p.indexOf(prefix) === 0 ? p.slice(prefix.length) || '/' : p;
  var chosen = null;
  views.forEach(function (v) {
    if ((route === v.path || route.indexOf(v.path + '/') === 0) && (!chosen || v.path.length > chosen.path.length)) chosen = v;
  });
  var fallback = views.filter(function (v) { return v.id === app.default; })[0] || views[0] || {};
  if (chosen || route === '/') root.setAttribute('data-view', (chosen || fallback).id);
  root.setAttribute('data-chunk', (chosen || fallback).chunk);
  if (/[?&]embed=(1|true)(&|$)/.test(location.search)) root.classList.add('embed');
  function load() {
    var chunk = (app.chunks || {})[root.getAttribute('data-chunk')] || {};
    (chunk.assets || []).concat(app.shared || []).forEach(function (a) {
      var el = d.createElement(a.tag);
      Object.keys(a.attrs).forEach(function (k) { el.setAttribute(k, a.attrs[k]); });
      if (a.tag === 'script') el.onerror = retry;
      head.appendChild(el);
    });
  }
  function retry() { if (!pin && b.getAttribute('href') !== '/') { b.href = '/'; load(); } }
  load();
})();
