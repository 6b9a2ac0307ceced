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
  var KEY = { raw: 'r', gzip: 'g', brotli: 'b' };
  var diffByFile = {};
  (data.diff ? data.diff.files : []).forEach(function (d) { diffByFile[d.i] = d; });

  var state = {
    compression: data.compressions.indexOf(data.compression) >= 0 ? data.compression : 'raw',
    mode: 'status',
    table: false,
    stack: [],
    nodes: []
  };

  function sum(list, f) { var s = 0; for (var i = 0; i < list.length; i++) { s += f(list[i]); } return s; }

  function sizesOf(file) { return { raw: file.r, gzip: file.g == null ? file.r : file.g, brotli: file.b == null ? file.r : file.b }; }

  // A package's and a module's compressed sizes are their raw bytes at the file's own ratio: only the whole file is compressed.
  function scaled(raw, fileSizes, mapped) {
    var v = { raw: raw };
    ['gzip', 'brotli'].forEach(function (k) { v[k] = mapped > 0 ? Math.round(raw * fileSizes[k] / mapped) : 0; });
    return v;
  }

  function fileNode(entry) {
    var file = data.files[entry[0]];
    var sizes = sizesOf(file);
    var node = { name: file.p, kind: 'file', status: entry[1], v: sizes, file: file, children: null };
    var d = diffByFile[entry[0]];
    node.base = d ? sizesOf(d) : null;
    node.isNew = !d && !!data.diff;
    if (file.pk) {
      var mapped = sum(file.pk, function (p) { return p[1]; });
      var baseMapped = d && d.pk ? sum(Object.keys(d.pk), function (k) { return d.pk[k]; }) : 0;
      node.children = file.pk.map(function (p) {
        var pkg = { name: p[0], kind: 'package', status: entry[1], v: scaled(p[1], sizes, mapped), estimated: true, parent: node };
        if (d && d.pk) {
          var before = Object.prototype.hasOwnProperty.call(d.pk, p[0]) ? d.pk[p[0]] : null;
          pkg.base = before == null ? null : scaled(before, node.base, baseMapped);
          pkg.isNew = before == null;
        }
        pkg.children = p[2].length > 1 || (p[2].length === 1 && p[2][0][0] !== p[0]) ? p[2].map(function (m) {
          return { name: m[0], kind: 'module', status: entry[1], v: scaled(m[1], sizes, mapped), estimated: true, parent: pkg, children: null };
        }) : null;
        return pkg;
      });
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

  // Sums sizes (and base sizes) up the tree; a container's base is known only when every child's is.
  function total(node) {
    if (!node.children) { return; }
    node.children.forEach(total);
    if (node.kind === 'view' || node.kind === 'group') {
      node.v = {};
      KINDS.forEach(function (k) { node.v[k] = sum(node.children, function (c) { return c.v[k]; }); });
    }
    node.children.sort(function (a, b) { return b.v.raw - a.v.raw || (a.name < b.name ? -1 : 1); });
  }

  function fmt(bytes) {
    if (bytes < 1000) { return bytes + ' B'; }
    if (bytes < 1e6) { return (bytes / 1000).toFixed(1) + ' kB'; }
    return (bytes / 1e6).toFixed(2) + ' MB';
  }

  function signed(delta) { return (delta > 0 ? '+' : delta < 0 ? '-' : '\u00b1') + fmt(Math.abs(delta)); }

  function value(node) { return node.v[state.compression]; }

  function shortName(node) {
    if (node.kind === 'module' || node.kind === 'file') { var i = node.name.lastIndexOf('/'); return i >= 0 && i < node.name.length - 1 ? node.name.slice(i + 1) : node.name; }
    return node.name;
  }

  function kindName(node) {
    return { view: 'view', group: node.name === 'initial' ? 'first load' : node.name === 'lazy' ? 'loaded later' : 'type', file: 'file', package: 'package', module: 'module' }[node.kind];
  }

  function diffClass(node) {
    if (node.kind === 'view' || node.kind === 'group') { return null; }
    if (node.kind === 'module') { return diffClass(node.parent); } // the base report has packages, not modules
    if (node.isNew) { return 'd-new'; }
    if (!node.base) { return 'd-unknown'; }
    var delta = value(node) - node.base[state.compression];
    if (delta === 0) { return 'd-same'; }
    return delta > 0 ? 'd-up' : 'd-down';
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
      var before = measured.base[state.compression];
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
      el.setAttribute('aria-label', kindName(node) + ' ' + node.name + ', ' + fmt(value(node)) + ' ' + state.compression);
    }
    if (w > 34 && h > 15) {
      var label = document.createElement('span');
      label.className = 'lbl';
      label.textContent = shortName(node) + ' ' + fmt(value(node));
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

  function render() {
    var root = current();
    state.nodes = [];
    map.textContent = '';
    var w = map.clientWidth, h = map.clientHeight;
    var kids = root.children ? root.children.filter(function (c) { return value(c) > 0; }) : [];
    if (kids.length === 0) {
      var empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = root.children && root.children.length ? 'Everything here is 0 bytes.' : 'Nothing to show: no file here has a source map to break it down.';
      map.appendChild(empty);
    }
    squarify(kids, 0, 0, w, h).forEach(function (r) {
      var el = block(r[0], r[1], r[2], r[3], r[4], true);
      map.appendChild(el);
      layout(el, r[0], r[3], r[4], 1);
    });
    renderCrumbs();
    if (state.table) { renderTable(); }
  }

  function renderCrumbs() {
    crumbs.textContent = '';
    state.stack.forEach(function (node, i) {
      if (i > 0) { var sep = document.createElement('span'); sep.textContent = '\u203a'; crumbs.appendChild(sep); }
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = (i === 0 ? node.name : shortName(node)) + ' (' + fmt(value(node)) + ')';
      b.title = node.name;
      if (i === state.stack.length - 1) { b.setAttribute('aria-current', 'true'); }
      b.addEventListener('click', function () { state.stack = state.stack.slice(0, i + 1); render(); });
      crumbs.appendChild(b);
    });
  }

  function zoomTo(node) {
    var path = [];
    for (var n = node; n; n = n.parent) { path.unshift(n); }
    state.stack = path;
    render();
  }

  function zoomable(node) { return !!(node.children && node.children.some(function (c) { return value(c) > 0; })); }

  function describe(node) {
    var root = state.stack[0];
    var lines = [kindName(node) + ': ' + node.name];
    var chain = [];
    for (var n = node.parent; n && n.kind !== 'view'; n = n.parent) { chain.unshift(n.kind === 'group' ? kindName(n) : n.name); }
    if (chain.length) { lines.push('in ' + chain.join(' \u203a ')); }
    lines.push('raw ' + fmt(node.v.raw) + ' \u00b7 gzip ' + fmt(node.v.gzip) + ' \u00b7 brotli ' + fmt(node.v.brotli) + (node.estimated ? ' (compressed: the file\u2019s ratio applied)' : ''));
    var share = value(root) > 0 ? (100 * value(node) / value(root)).toFixed(1) + '% of ' + root.name : '';
    var ofParent = node.parent && node.parent !== root && value(node.parent) > 0 ? ', ' + (100 * value(node) / value(node.parent)).toFixed(1) + '% of its ' + kindName(node.parent) : '';
    lines.push(share + ofParent);
    if (node.status && node.kind !== 'group') { lines.push('budgets: ' + (node.status === 'none' ? 'no budget counts it' : node.status)); }
    if (data.diff && node.kind !== 'module' && node.kind !== 'view' && node.kind !== 'group') {
      if (node.isNew) { lines.push('new since the base'); }
      else if (node.base) { lines.push('base ' + fmt(node.base[state.compression]) + ', change ' + signed(value(node) - node.base[state.compression])); }
      else { lines.push('not in the base report\u2019s source maps'); }
    }
    return lines.join('\n');
  }

  function renderTable() {
    var root = current();
    tableBox.textContent = '';
    var table = document.createElement('table');
    var caption = document.createElement('caption');
    caption.textContent = 'What ' + root.name + ' is made of, largest first (' + state.compression + ')';
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
    (root.children || []).slice().sort(function (a, b) { return value(b) - value(a); }).forEach(function (node) {
      var tr = document.createElement('tr');
      var name = document.createElement('td');
      if (zoomable(node)) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = node.name;
        b.addEventListener('click', function () { zoomTo(node); });
        name.appendChild(b);
      } else {
        name.textContent = node.name;
      }
      tr.appendChild(name);
      var cells = [kindName(node), fmt(value(node)), value(root) > 0 ? (100 * value(node) / value(root)).toFixed(1) + '%' : '-',
        fmt(node.v.raw), fmt(node.v.gzip), fmt(node.v.brotli), node.kind === 'group' ? '' : (node.status || 'none')];
      if (data.diff) {
        var hasBase = node.base && !node.isNew;
        cells.push(node.isNew ? 'new' : hasBase ? fmt(node.base[state.compression]) : '-', hasBase ? signed(value(node) - node.base[state.compression]) : '-');
      }
      cells.forEach(function (text, i) {
        var td = document.createElement('td');
        td.textContent = text;
        if (i >= 1 && i <= 5 || i >= 7) { td.className = 'num'; }
        tr.appendChild(td);
      });
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
      if (node && zoomable(node)) { e.preventDefault(); zoomTo(node); var first = map.querySelector('[tabindex]'); if (first) { first.focus(); } }
    } else if (e.key === 'Escape' && state.stack.length > 1) {
      state.stack.pop(); render();
    }
  });

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
    option.textContent = view.name;
    select.appendChild(option);
  });
  select.addEventListener('change', function () { state.stack = [views[Number(select.value)]]; render(); });

  var resizing = 0;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(render, 100); });

  // The page that loads the most is the one a reader came for; "All files" when there are no pages.
  var largest = 0;
  views.forEach(function (view, i) { if (i < views.length - 1 && view.v.raw > views[largest].v.raw) { largest = i; } });
  select.value = String(largest);
  state.stack = [views[largest]];
  render();
  document.documentElement.setAttribute('data-bb-ready', String(Math.round(performance.now())));
})();
