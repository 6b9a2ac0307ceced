// BundleBudget's treemap: draws the data written into the page (TreemapData.cs). Every name is set as text, never as
// markup; nothing is loaded from anywhere.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bb-data').textContent);
  var map = document.getElementById('bb-map');
  var tip = document.getElementById('bb-tip');
  var tableBox = document.getElementById('bb-table');
  var crumbs = document.getElementById('bb-crumbs');
  var toggle = document.getElementById('bb-toggle');
  var select = document.getElementById('bb-view');
  var KINDS = ['raw', 'gzip', 'brotli'];
  var diffByFile = {};
  (data.diff ? data.diff.files : []).forEach(function (d) { diffByFile[d.i] = d; });

  var state = {
    compression: data.compressions.indexOf(data.compression) >= 0 ? data.compression : data.compressions.indexOf('gzip') >= 0 ? 'gzip' : 'raw',
    mode: 'status',
    table: false,
    stack: [],
    nodes: []
  };

  function sum(list, f) { var s = 0; for (var i = 0; i < list.length; i++) { s += f(list[i]); } return s; }

  // A size not measured stays null: it is shown as such, never as another size.
  function sizesOf(file) { return { raw: file.r, gzip: file.g, brotli: file.b }; }

  // Control characters, line separators and bidirectional overrides in a name are shown escaped, as in the tables.
  function clean(text) {
    return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, function (c) {
      return '\\u{' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '}';
    });
  }

  // A package's and a module's compressed sizes are their raw bytes at the file's own ratio: only the whole file is compressed.
  function scaled(raw, fileSizes, mapped) {
    var v = { raw: raw };
    ['gzip', 'brotli'].forEach(function (k) { v[k] = fileSizes[k] == null ? null : mapped > 0 ? Math.round(raw * fileSizes[k] / mapped) : 0; });
    return v;
  }

  function fileNode(entry) {
    var file = data.files[entry[0]];
    var sizes = sizesOf(file);
    var node = { name: file.p, kind: 'file', status: entry[1], v: sizes, file: file, children: null };
    var d = diffByFile[entry[0]];
    node.base = d ? sizesOf(d) : null;
    node.basePath = d ? d.p : null;
    node.isNew = !d && !!data.diff;
    if (file.pk) {
      var mapped = sum(file.pk, function (p) { return p[1]; });
      var baseMapped = d && d.pk ? sum(Object.keys(d.pk), function (k) { return d.pk[k]; }) : 0;
      node.children = file.pk.map(function (p) {
        var pkg = { name: p[0], kind: 'package', status: entry[1], v: scaled(p[1], sizes, mapped), estimated: true, parent: node };
        var before = d && d.pk && Object.prototype.hasOwnProperty.call(d.pk, p[0]) ? d.pk[p[0]] : null;
        pkg.base = before == null ? null : scaled(before, node.base, baseMapped);
        pkg.isNew = node.isNew || (!!(d && d.pk) && before == null);
        pkg.children = p[2].length > 1 || (p[2].length === 1 && p[2][0][0] !== p[0]) ? p[2].map(function (m) {
          return { name: m[0], kind: 'module', status: entry[1], v: scaled(m[1], sizes, mapped), estimated: true, parent: pkg, children: null };
        }) : null;
        return pkg;
      });
      // Packages the base had in this file and it has no more: listed in the table view, with nothing to draw.
      node.removedPackages = d && d.pk ? Object.keys(d.pk).filter(function (k) { return !file.pk.some(function (p) { return p[0] === k; }); })
        .map(function (k) { return { name: k, kind: 'package', removed: true, v: { raw: 0, gzip: 0, brotli: 0 }, base: scaled(d.pk[k], node.base, baseMapped), parent: node }; }) : [];
    }
    return node;
  }

  function buildView(view) {
    var root = { name: view.name, kind: 'view', children: [] };
    view.groups.forEach(function (g) {
      if (g.f.length === 0) { return; }
      var group = { name: g.name, kind: 'group', parent: root, children: g.f.map(fileNode) };
      group.children.forEach(function (c) { c.parent = group; });
      root.children.push(group);
    });
    total(root);
    return root;
  }

  // A container's size is its files' (null in a compression some file lacks); its base is known when every file's
  // is, a new file's being 0.
  function total(node) {
    if (!node.children) { return; }
    node.children.forEach(total);
    if (node.kind === 'view' || node.kind === 'group') {
      node.v = {};
      node.base = data.diff ? {} : null;
      KINDS.forEach(function (k) {
        node.v[k] = node.children.some(function (c) { return c.v[k] == null; }) ? null : sum(node.children, function (c) { return c.v[k]; });
        if (node.base) {
          node.base[k] = node.children.some(function (c) { return !c.isNew && (!c.base || c.base[k] == null); }) ? null
            : sum(node.children, function (c) { return c.isNew ? 0 : c.base[k]; });
        }
      });
    }
    node.children.sort(function (a, b) { return b.v.raw - a.v.raw || (a.name < b.name ? -1 : 1); });
  }

  function fmt(bytes) {
    if (bytes == null) { return 'not measured'; }
    if (bytes < 1000) { return bytes + ' B'; }
    if (bytes < 1e6) { return (bytes / 1000).toFixed(1) + ' kB'; }
    return (bytes / 1e6).toFixed(2) + ' MB';
  }

  function signed(delta) { return (delta > 0 ? '+' : delta < 0 ? '-' : '\u00b1') + fmt(Math.abs(delta)); }

  // Blocks are drawn in a compression every file has (only those are offered); 0 stands for a size not measured.
  function value(node) { var v = node.v[state.compression]; return v == null ? 0 : v; }

  function baseValue(node) { return node.base ? node.base[state.compression] : null; }

  function shortName(node) {
    if (node.kind === 'module' || node.kind === 'file') { var i = node.name.lastIndexOf('/'); return clean(i >= 0 && i < node.name.length - 1 ? node.name.slice(i + 1) : node.name); }
    return clean(node.name);
  }

  function kindName(node) {
    return { view: 'view', group: node.name === 'initial' ? 'first load' : node.name === 'lazy' ? 'loaded later' : 'type', file: 'file', package: 'package', module: 'module' }[node.kind];
  }

  function statusName(node) { return !node.status || node.status === 'none' ? 'no budget counts it' : node.status; }

  function diffClass(node) {
    if (node.kind === 'view' || node.kind === 'group') { return null; }
    if (node.kind === 'module') { return diffClass(node.parent); } // the base report has packages, not modules
    if (node.isNew) { return 'd-new'; }
    var before = baseValue(node);
    if (before == null) { return 'd-unknown'; }
    var delta = value(node) - before;
    return delta === 0 ? 'd-same' : delta > 0 ? 'd-up' : 'd-down';
  }

  function change(node) {
    if (node.isNew) { return 'new since the base'; }
    var before = baseValue(node);
    if (before == null) { return node.kind === 'module' ? 'modules are not in the base report' : 'not measured in the base (' + state.compression + ')'; }
    return 'base ' + fmt(before) + ', change ' + signed(value(node) - before) + (node.basePath && node.basePath !== node.name ? ' (was ' + clean(node.basePath) + ')' : '');
  }

  // Squarified treemap (Bruls, Huizing, van Wijk): rows along the shorter side, each kept as square as it can be.
  function squarify(items, x, y, w, h) {
    var out = [];
    items = items.slice().sort(function (a, b) { return value(b) - value(a); });
    var all = sum(items, function (n) { return value(n); });
    if (all <= 0 || w <= 0 || h <= 0) { return out; }
    var scale = (w * h) / all;
    var i = 0;
    while (i < items.length) {
      var side = Math.min(w, h), row = [], rowSum = 0, best = Infinity, min = Infinity, max = 0;
      while (i < items.length) {
        var a = value(items[i]) * scale;
        var s = rowSum + a, lo = Math.min(min, a), hi = Math.max(max, a);
        var worst = Math.max(side * side * hi / (s * s), (s * s) / (side * side * lo));
        if (row.length > 0 && worst > best) { break; }
        row.push([items[i], a]); rowSum = s; best = worst; min = lo; max = hi; i++;
      }
      if (w >= h) {
        var cw = rowSum / h, yy = y;
        row.forEach(function (r) { var rh = r[1] / cw; out.push([r[0], x, yy, cw, rh]); yy += rh; });
        x += cw; w -= cw;
      } else {
        var rh = rowSum / w, xx = x;
        row.forEach(function (r) { var rw = r[1] / rh; out.push([r[0], xx, y, rw, rh]); xx += rw; });
        y += rh; h -= rh;
      }
    }
    return out;
  }

  function block(node, x, y, w, h, focusable) {
    var el = document.createElement('div');
    var diff = state.mode === 'diff' ? diffClass(node) : null;
    el.className = 'bb-b k-' + node.kind + ' s-' + (node.status || 'none') + (diff ? ' ' + diff : '');
    var measured = node.kind === 'module' ? node.parent : node;
    if (diff === 'd-up' || diff === 'd-down') {
      var before = baseValue(measured);
      el.style.setProperty('--i', String(Math.min(1, Math.abs(value(measured) - before) / Math.max(before, 1))));
    }
    el.style.left = Math.round(x) + 'px';
    el.style.top = Math.round(y) + 'px';
    el.style.width = Math.max(1, Math.round(x + w) - Math.round(x)) + 'px';
    el.style.height = Math.max(1, Math.round(y + h) - Math.round(y)) + 'px';
    el.setAttribute('data-i', String(state.nodes.length));
    el.setAttribute('data-kind', node.kind);
    el.setAttribute('data-name', node.name);
    el.setAttribute('data-bytes', String(value(node)));
    state.nodes.push(node);
    if (focusable) {
      el.tabIndex = 0;
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', kindName(node) + ' ' + clean(node.name) + ', ' + fmt(node.v[state.compression]) + ' ' + state.compression +
        (node.kind === 'group' ? '' : ', ' + statusName(node)) + (state.mode === 'diff' && node.kind !== 'group' ? ', ' + change(node) : ''));
    }
    if (w > 34 && h > 15) {
      var label = document.createElement('span');
      label.className = 'lbl';
      label.textContent = shortName(node) + ' ' + fmt(node.v[state.compression]);
      el.appendChild(label);
    }
    return el;
  }

  // Children are drawn inside a block while they have room; a click on a block zooms into it to see the rest.
  function layout(parent, node, w, h, depth) {
    var header = 16, pad = 2;
    var kids = node.children ? node.children.filter(function (c) { return value(c) > 0; }) : [];
    if (kids.length === 0 || w < 24 || h < 24 + header) { return; }
    squarify(kids, pad, header, w - 2 * pad, h - header - pad).forEach(function (r) {
      var child = block(r[0], r[1], r[2], r[3], r[4], depth === 0);
      parent.appendChild(child);
      layout(child, r[0], r[3], r[4], depth + 1);
    });
  }

  function current() { return state.stack[state.stack.length - 1]; }

  // Draws the level zoomed into; focus, when asked, goes to what a keyboard user acted on, so it is never lost.
  function render(focus) {
    var root = current();
    state.nodes = [];
    map.textContent = '';
    var w = map.clientWidth, h = map.clientHeight;
    var kids = root.children ? root.children.filter(function (c) { return value(c) > 0; }) : [];
    if (kids.length === 0) {
      var empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = root.kind === 'view' ? (root.children.length ? 'Every file here is 0 bytes.' : 'No file of the output is counted here.')
        : root.children && root.children.length ? 'Everything here is 0 bytes.' : 'Nothing inside to show.';
      map.appendChild(empty);
    }
    squarify(kids, 0, 0, w, h).forEach(function (r) {
      var el = block(r[0], r[1], r[2], r[3], r[4], true);
      map.appendChild(el);
      layout(el, r[0], r[3], r[4], 1);
    });
    renderCrumbs();
    if (state.table) { renderTable(); }
    if (focus === 'crumb') {
      crumbs.querySelector('[aria-current]').focus();
    } else if (focus === 'first') {
      var first = state.table ? tableBox.querySelector('button') || crumbs.querySelector('[aria-current]') : map.querySelector('[tabindex]');
      (first || crumbs.querySelector('[aria-current]')).focus();
    }
  }

  function renderCrumbs() {
    crumbs.textContent = '';
    state.stack.forEach(function (node, i) {
      if (i > 0) { var sep = document.createElement('span'); sep.textContent = '\u203a'; crumbs.appendChild(sep); }
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = (i === 0 ? clean(node.name) : shortName(node)) + ' (' + fmt(node.v[state.compression]) + ')';
      b.title = clean(node.name);
      if (i === state.stack.length - 1) { b.setAttribute('aria-current', 'true'); }
      b.addEventListener('click', function () { state.stack = state.stack.slice(0, i + 1); render('crumb'); });
      crumbs.appendChild(b);
    });
  }

  function zoomTo(node, focus) {
    var path = [];
    for (var n = node; n; n = n.parent) { path.unshift(n); }
    state.stack = path;
    render(focus);
  }

  function zoomOut() {
    if (state.stack.length > 1) { state.stack.pop(); render('first'); }
  }

  function zoomable(node) { return !!(node.children && node.children.some(function (c) { return value(c) > 0; })); }

  function describe(node) {
    var root = state.stack[0];
    var lines = [kindName(node) + ': ' + clean(node.name)];
    var chain = [];
    for (var n = node.parent; n && n.kind !== 'view'; n = n.parent) { chain.unshift(n.kind === 'group' ? kindName(n) : clean(n.name)); }
    if (chain.length) { lines.push('in ' + chain.join(' \u203a ')); }
    lines.push('raw ' + fmt(node.v.raw) + ' \u00b7 gzip ' + fmt(node.v.gzip) + ' \u00b7 brotli ' + fmt(node.v.brotli) + (node.estimated ? ' (compressed: the file\u2019s ratio applied)' : ''));
    var share = value(root) > 0 ? (100 * value(node) / value(root)).toFixed(1) + '% of ' + clean(root.name) : '';
    var ofParent = node.parent && node.parent !== root && value(node.parent) > 0 ? ', ' + (100 * value(node) / value(node.parent)).toFixed(1) + '% of its ' + kindName(node.parent) : '';
    lines.push(share + ofParent);
    if (node.kind !== 'group' && node.kind !== 'view') { lines.push('budgets: ' + statusName(node)); }
    if (node.kind === 'file' && node.file.map) { lines.push('source map: ' + clean(node.file.map)); }
    if (data.diff && node.kind !== 'view') { lines.push(change(node)); }
    return lines.join('\n');
  }

  function cell(tr, text, numeric, header) {
    var td = document.createElement(header ? 'th' : 'td');
    if (header) { td.scope = 'row'; }
    if (typeof text === 'string') { td.textContent = text; } else { td.appendChild(text); }
    if (numeric) { td.className = 'num'; }
    tr.appendChild(td);
  }

  function renderTable() {
    var root = current();
    tableBox.textContent = '';
    var table = document.createElement('table');
    var caption = document.createElement('caption');
    caption.textContent = 'What ' + clean(root.name) + ' is made of, largest first (' + state.compression + '). Escape goes up a level.';
    table.appendChild(caption);
    var headers = ['Name', 'Kind', 'Size', 'Share', 'Raw', 'Gzip', 'Brotli', 'Budgets'];
    if (data.diff) { headers.push('Base', 'Change'); }
    var head = document.createElement('tr');
    headers.forEach(function (t, i) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t;
      if (i >= 2 && i <= 6 || i >= 8) { th.className = 'num'; }
      head.appendChild(th);
    });
    var thead = document.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = document.createElement('tbody');
    var rows = (root.children || []).slice().sort(function (a, b) { return value(b) - value(a); }).concat(data.diff && root.removedPackages ? root.removedPackages : []);
    rows.forEach(function (node) {
      var tr = document.createElement('tr');
      var name;
      if (zoomable(node)) {
        name = document.createElement('button');
        name.type = 'button';
        name.textContent = clean(node.name);
        name.addEventListener('click', function () { zoomTo(node, 'first'); });
      } else {
        name = clean(node.name);
      }
      cell(tr, name, false, true);
      var before = baseValue(node);
      [node.removed ? 'removed package' : kindName(node), node.removed ? '-' : fmt(node.v[state.compression]),
        value(root) > 0 && !node.removed ? (100 * value(node) / value(root)).toFixed(1) + '%' : '-',
        node.removed ? '-' : fmt(node.v.raw), node.removed ? '-' : fmt(node.v.gzip), node.removed ? '-' : fmt(node.v.brotli),
        node.kind === 'group' || node.removed ? '' : statusName(node)]
        .concat(data.diff ? [node.isNew ? 'new' : before == null ? '-' : fmt(before), node.isNew || before == null ? '-' : signed(value(node) - before)] : [])
        .forEach(function (text, i) { cell(tr, text, i >= 1 && i <= 5 || i >= 7, false); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    var scroll = document.createElement('div');
    scroll.className = 'scroll';
    scroll.appendChild(table);
    tableBox.appendChild(scroll);
  }

  function nodeOf(target) {
    var el = target && target.closest ? target.closest('.bb-b') : null;
    return el ? state.nodes[Number(el.getAttribute('data-i'))] : null;
  }

  map.addEventListener('mouseover', function (e) { var node = nodeOf(e.target); if (node) { tip.textContent = describe(node); } });
  map.addEventListener('focusin', function (e) { var node = nodeOf(e.target); if (node) { tip.textContent = describe(node); } });
  map.addEventListener('click', function (e) {
    var node = nodeOf(e.target);
    if (!node) { return; }
    if (zoomable(node)) { zoomTo(node); } else if (node.parent && node.parent !== current()) { zoomTo(node.parent); }
  });
  map.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' || e.key === ' ') {
      var node = nodeOf(e.target);
      if (node && zoomable(node)) { e.preventDefault(); zoomTo(node, 'first'); }
    } else if (e.key === 'Escape') {
      zoomOut();
    }
  });
  tableBox.addEventListener('keydown', function (e) { if (e.key === 'Escape') { zoomOut(); } });

  toggle.addEventListener('click', function () {
    state.table = !state.table;
    toggle.setAttribute('aria-pressed', String(state.table));
    toggle.textContent = state.table ? 'Show as a treemap' : 'Show as a table';
    map.hidden = state.table;
    tableBox.hidden = !state.table;
    render();
  });

  var compressionBox = document.getElementById('bb-compression');
  data.compressions.forEach(function (k) {
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = 'bb-compression';
    input.value = k;
    input.checked = k === state.compression;
    input.addEventListener('change', function () { state.compression = k; render(); });
    label.appendChild(input);
    label.appendChild(document.createTextNode(' ' + k));
    compressionBox.appendChild(label);
  });
  if (data.compressions.indexOf('brotli') < 0) {
    var note = document.createElement('small');
    note.textContent = 'brotli: not measured (--brotli, BundleBudgetBrotli=true)';
    compressionBox.appendChild(note);
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[name="bb-mode"]'), function (input) {
    input.addEventListener('change', function () {
      state.mode = input.value;
      document.getElementById('bb-legend').hidden = state.mode !== 'status';
      document.getElementById('bb-legend-diff').hidden = state.mode === 'status';
      render();
    });
  });

  var views = data.views.map(buildView);
  data.views.forEach(function (view, i) {
    var option = document.createElement('option');
    option.value = String(i);
    option.textContent = clean(view.name);
    select.appendChild(option);
  });
  select.addEventListener('change', function () { state.stack = [views[Number(select.value)]]; render(); });

  var resizing = 0;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(render, 100); });

  // The view a reader came for: the one with the worst verdict (a file over a budget), then the page that loads the
  // most; "All files" (the last view) when no page loads anything.
  var SEVERITY = { error: 4, warning: 3, incomplete: 2, pass: 1, none: 0 };
  function worst(view) { return Math.max.apply(null, [0].concat(data.views[view].groups.map(function (g) { return Math.max.apply(null, [0].concat(g.f.map(function (f) { return SEVERITY[f[1]] || 0; }))); }))); }
  var shown = views.length - 1;
  views.forEach(function (view, i) {
    if (i === views.length - 1 || view.v.raw === 0) { return; }
    var better = worst(i) > worst(shown) || (worst(i) === worst(shown) && (shown === views.length - 1 || view.v.raw > views[shown].v.raw));
    if (better) { shown = i; }
  });
  select.value = String(shown);
  state.stack = [views[shown]];
  render();
  document.documentElement.setAttribute('data-bb-ready', String(Math.round(performance.now())));
})();
