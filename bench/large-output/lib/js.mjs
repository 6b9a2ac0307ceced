// The JavaScript of the output: generated app sources (a main entry, routes loaded with dynamic import(), widgets
// that routes load lazily) that import real pieces of real libraries, bundled by esbuild with code splitting into
// ES-module chunks with source maps.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { rng, word } from './random.mjs';

// How many generated modules there are; esbuild's code splitting turns them (with the shared library code) into
// the chunks. These two numbers are what sets the chunk count.
export const ROUTES = 120;
export const WIDGETS = 61;

// Loaders of three's addons that the model-viewer widget imports (with the libraries they use: fflate, utif,
// chevrotain, ktx-parse, zstddec).
const VIEWER_LOADERS = ['GLTFLoader', 'FBXLoader', 'EXRLoader', 'VRMLLoader', 'SVGLoader', 'LDrawLoader', '3MFLoader',
  'KTX2Loader', 'TIFFLoader', 'TDSLoader', 'OBJLoader', 'PLYLoader', 'VTKLoader', 'LWOLoader', 'PCDLoader'];

const sorted = (list) => [...new Set(list)].sort();

/** The library pieces the generated modules can import, read from the installed packages (fixed by the lockfile). */
async function libraryPools(root) {
  const nm = join(root, 'node_modules');
  const keys = async (spec, filter = () => true) =>
    sorted(Object.keys(await import(spec)).filter((k) => k !== 'default' && !k.startsWith('__') && /^[A-Za-z_$][\w$]*$/.test(k) && filter(k)));
  const three = await keys('three', (k) => /^[A-Z][a-z]/.test(k)); // classes and functions, not the constants
  const addonDirs = ['animation', 'controls', 'csm', 'curves', 'effects', 'environments', 'exporters', 'geometries',
    'helpers', 'interactive', 'lines', 'loaders', 'math', 'misc', 'modifiers', 'objects', 'physics', 'postprocessing',
    'shaders', 'textures', 'utils'];
  const threeAddons = [];
  for (const dir of addonDirs) {
    for (const file of readdirSync(join(nm, 'three/examples/jsm', dir)).sort()) {
      if (!file.endsWith('.js')) continue;
      const text = readFileSync(join(nm, 'three/examples/jsm', dir, file), 'utf8');
      // The WebGPU/TSL addons pull in the separate WebGPU build of three; the WebGL app here does not use it.
      if (/from '(three\/(webgpu|tsl)|three\/addons\/tsl)/.test(text) || /\bawait import\(|^await /m.test(text)) continue;
      threeAddons.push(`three/addons/${dir}/${file}`);
    }
  }
  return {
    three,
    threeAddons,
    chart: await keys('chart.js'),
    d3: await keys('d3'),
    rxjs: await keys('rxjs'),
    lodashEs: await keys('lodash-es'),
    dateFns: await keys('date-fns', (k) => /^[a-z]/.test(k)),
    dateFnsLocales: await keys('date-fns/locale'),
    momentLocales: sorted(readdirSync(join(nm, 'moment/dist/locale')).filter((f) => f.endsWith('.js'))).map((f) => f.slice(0, -3)),
    vue: ['createApp', 'h', 'ref', 'reactive', 'computed', 'watch', 'watchEffect', 'onMounted', 'onUnmounted',
      'defineComponent', 'nextTick', 'Transition', 'TransitionGroup', 'KeepAlive', 'Teleport', 'Suspense', 'provide',
      'inject', 'toRefs', 'shallowRef', 'markRaw', 'vShow', 'vModelText', 'vModelCheckbox', 'vModelSelect',
      'withDirectives', 'createVNode', 'Fragment', 'normalizeClass', 'normalizeStyle', 'defineAsyncComponent',
      'createStaticVNode', 'withModifiers', 'withKeys', 'useCssVars', 'customRef', 'effectScope'],
    react: ['useState', 'useEffect', 'useMemo', 'useCallback', 'useRef', 'useReducer', 'useContext', 'createContext',
      'memo', 'forwardRef', 'Suspense', 'lazy', 'startTransition', 'useTransition', 'useDeferredValue', 'useId',
      'Fragment', 'StrictMode'],
  };
}

/**
 * Names of each library grouped into fixed "feature sets" (as an app's modules tend to import the same handful of
 * things together); modules pick whole sets, which keeps the number of distinct sharing patterns, and so of chunks,
 * in check.
 */
function featureSets(pools) {
  const r = rng('feature-sets');
  const groups = (list, count, min, max) => Array.from({ length: count }, () => r.sample(list, r.int(min, max)));
  return {
    three: groups(pools.three, 14, 6, 24),
    threeAddons: groups(pools.threeAddons, 60, 1, 3),
    chart: groups(pools.chart, 8, 4, 10),
    d3: groups(pools.d3, 14, 6, 20),
    rxjs: groups(pools.rxjs, 10, 4, 12),
    lodashEs: groups(pools.lodashEs, 16, 4, 16),
    dateFns: groups(pools.dateFns, 14, 3, 10),
    vue: groups(pools.vue, 6, 4, 10),
    react: groups(pools.react, 6, 3, 8),
  };
}

const ident = (prefix, i) => `${prefix}${i.toString(36)}`;

/** Import lines and the local names they bind, for one generated module. */
function pickImports(r, sets, pools, locales) {
  const lines = [];
  const locals = [];
  let n = 0;
  const named = (spec, names) => {
    const parts = names.map((name) => {
      const local = ident('$', n++);
      locals.push(local);
      return `${name} as ${local}`;
    });
    lines.push(`import { ${parts.join(', ')} } from ${JSON.stringify(spec)};`);
  };
  const libs = r.sample(['three', 'three', 'threeAddons', 'chart', 'd3', 'rxjs', 'lodashEs', 'lodashEs', 'dateFns', 'moment'], r.int(2, 4));
  for (const lib of new Set(libs)) {
    switch (lib) {
      case 'three': named('three', r.pick(sets.three)); break;
      case 'threeAddons':
        for (const spec of r.pick(sets.threeAddons)) {
          const local = ident('$', n++);
          locals.push(local);
          lines.push(`import * as ${local} from ${JSON.stringify(spec)};`);
        }
        break;
      case 'chart': named('chart.js', r.pick(sets.chart)); break;
      case 'd3': named('d3', r.pick(sets.d3)); break;
      case 'rxjs': named('rxjs', r.pick(sets.rxjs)); break;
      case 'lodashEs': named('lodash-es', r.pick(sets.lodashEs)); break;
      case 'dateFns': named('date-fns', r.pick(sets.dateFns)); break;
      case 'moment': {
        const local = ident('$', n++);
        locals.push(local);
        lines.push(`import ${local} from "moment";`);
        break;
      }
      default: break;
    }
  }
  // Every locale of moment and of date-fns is imported by some module (assigned round-robin in `locales`).
  for (const loc of locales.moment) lines.push(`import "moment/dist/locale/${loc}.js";`);
  if (locales.dateFns.length) named('date-fns/locale', locales.dateFns);
  return { lines, locals };
}

/** Generated, module-specific code: a data table and a few functions over it, all different from module to module. */
function body(r, id, locals, framework) {
  const rows = Array.from({ length: r.int(8, 70) }, (_, i) => ({
    id: `${id}-${i}`,
    label: `${word(r)} ${word(r)}`,
    value: Math.round(r() * 1e6) / 100,
    tags: r.sample(['new', 'sale', 'eu', 'us', 'apac', 'b2b', 'b2c', 'beta', 'pro', 'free'], r.int(0, 3)),
  }));
  const k = r.int(2, 9);
  const weight = (r() * 3 + 0.5).toFixed(3);
  const view = framework === 'vue'
    ? `export function view(vue) {
  const { h, ref } = vue;
  const selected = ref(null);
  return () => h("section", { class: ${JSON.stringify(`page page-${id}`)} }, rows.slice(0, ${k * 4}).map((row) =>
    h("article", { key: row.id, class: { active: selected.value === row.id }, onClick: () => (selected.value = row.id) },
      [h("h3", row.label), h("p", formatValue(row.value)), ...row.tags.map((t) => h("span", { class: "tag" }, t))])));
}`
    : `export function view(React) {
  return function Page(props) {
    const [filter, setFilter] = React.useState(props.filter ?? "");
    const visible = React.useMemo(() => rows.filter((row) => !filter || row.tags.includes(filter)), [filter]);
    return React.createElement("section", { className: ${JSON.stringify(`page page-${id}`)} },
      React.createElement("input", { value: filter, onChange: (e) => setFilter(e.target.value) }),
      visible.slice(0, ${k * 4}).map((row) => React.createElement("article", { key: row.id },
        React.createElement("h3", null, row.label), React.createElement("p", null, formatValue(row.value)))));
  };
}`;
  return `const rows = ${JSON.stringify(rows)};
const WEIGHT = ${weight};
function formatValue(v) {
  return (v * WEIGHT).toFixed(${r.int(0, 3)}) + ${JSON.stringify(r.pick([' €', ' $', ' kg', ' pts', '%', ' ms', '']))};
}
export function summarize(filter) {
  let total = 0, count = 0, best = null;
  for (const row of rows) {
    if (filter && !row.tags.includes(filter)) continue;
    total += row.value * WEIGHT;
    count++;
    if (!best || row.value > best.value) best = row;
  }
  return { id: ${JSON.stringify(id)}, total, count, best: best && best.label, mean: count ? total / count : 0 };
}
export function bucket(size = ${k}) {
  const out = new Map();
  rows.forEach((row, i) => {
    const key = ${JSON.stringify(`${id}:`)} + Math.floor(i / size);
    out.set(key, (out.get(key) ?? 0) + row.value);
  });
  return out;
}
export const uses = [${locals.join(', ')}];
${view}
`;
}

/** Writes the generated sources into `srcDir`; returns the entry point. */
async function writeSources(root, srcDir) {
  const pools = await libraryPools(root);
  const sets = featureSets(pools);
  rmSync(srcDir, { recursive: true, force: true });
  mkdirSync(join(srcDir, 'routes'), { recursive: true });
  mkdirSync(join(srcDir, 'widgets'), { recursive: true });

  const r = rng('app');
  const routeNames = Array.from({ length: ROUTES }, (_, i) => `${word(r, 2, 3)}-${i + 1}`);
  const widgetNames = Array.from({ length: WIDGETS }, (_, i) => `${word(r, 2, 3)}-panel-${i + 1}`);
  const modules = [...routeNames.map((n) => ({ kind: 'route', name: n })), ...widgetNames.map((n) => ({ kind: 'widget', name: n }))];

  // Spread every moment and date-fns locale over the modules, so that all of them end up in some chunk.
  for (const m of modules) m.locales = { moment: [], dateFns: [] };
  const lr = rng('locales');
  pools.momentLocales.forEach((loc, i) => {
    modules[(i * 7) % modules.length].locales.moment.push(loc);
    if (lr() < 0.3) lr.pick(modules).locales.moment.push(loc);
  });
  pools.dateFnsLocales.forEach((loc, i) => {
    modules[(i * 11 + 3) % modules.length].locales.dateFns.push(loc);
  });
  for (const m of modules) m.locales.moment = sorted(m.locales.moment);

  for (const m of modules) {
    const mr = rng(`module:${m.name}`);
    const framework = mr() < 0.6 ? 'react' : 'vue';
    const { lines, locals } = pickImports(mr, sets, pools, m.locales);
    if (m === modules[ROUTES]) {
      // The first widget is a 3D model viewer: it loads the big real loaders of three's addons.
      for (const loader of VIEWER_LOADERS) {
        const local = `$v${locals.length}`;
        locals.push(local);
        lines.push(`import * as ${local} from "three/addons/loaders/${loader}.js";`);
      }
    }
    if (m.kind === 'route' && mr() < 0.03) {
      // A few modules import all of lodash (as real apps do by mistake).
      lines.push('import _ from "lodash";');
      locals.push('_');
    }
    const lazy = [];
    if (m.kind === 'route') {
      for (const w of mr.sample(widgetNames, mr.int(1, 3))) lazy.push(`${JSON.stringify(w)}: () => import("../widgets/${w}.js")`);
      if (mr() < 0.3) {
        const other = mr.pick(routeNames);
        if (other !== m.name) lazy.push(`${JSON.stringify(other)}: () => import("./${other}.js")`);
      }
    } else if (mr() < 0.25) {
      const other = mr.pick(widgetNames);
      if (other !== m.name) lazy.push(`${JSON.stringify(other)}: () => import("./${other}.js")`);
    }
    const text = `${lines.join('\n')}\n\n${body(mr, m.name, locals, framework)}export const framework = ${JSON.stringify(framework)};\nexport const lazy = {${lazy.join(', ')}};\n`;
    writeFileSync(join(srcDir, m.kind === 'route' ? 'routes' : 'widgets', `${m.name}.js`), text);
  }

  writeFileSync(join(srcDir, 'shell.js'), `import { createElement, StrictMode, Suspense, useState, useEffect } from "react";
import { createRoot } from "react-dom/client";
import * as React from "react";
import * as Vue from "vue";
import { format, formatDistanceToNow, parseISO } from "date-fns";
import { debounce, throttle, groupBy, sortBy } from "lodash-es";
import { BehaviorSubject, fromEvent, map, distinctUntilChanged } from "rxjs";

export const route$ = new BehaviorSubject(location.hash.slice(1) || ${JSON.stringify(routeNames[0])});
fromEvent(window, "hashchange").pipe(map(() => location.hash.slice(1)), distinctUntilChanged()).subscribe(route$);
export const helpers = { format, formatDistanceToNow, parseISO, debounce, throttle, groupBy, sortBy };

function Shell({ page }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => { const t = setInterval(() => setNow(new Date()), 60000); return () => clearInterval(t); }, []);
  return createElement("div", { className: "shell" },
    createElement("header", null, createElement("time", null, format(now, "PPpp"))),
    createElement(Suspense, { fallback: "…" }, page ? createElement(page) : null));
}

export function mount(el) {
  const root = createRoot(el);
  let vueApp = null;
  return async function show(mod) {
    if (vueApp) { vueApp.unmount(); vueApp = null; }
    if (mod.framework === "vue") {
      root.render(createElement(StrictMode, null, createElement(Shell, { page: null })));
      vueApp = Vue.createApp({ setup: () => mod.view(Vue) });
      vueApp.mount(el.querySelector(".shell") ?? el);
    } else {
      root.render(createElement(StrictMode, null, createElement(Shell, { page: mod.view(React) })));
    }
  };
}
`);
  writeFileSync(join(srcDir, 'main.js'), `import { mount, route$ } from "./shell.js";

const routes = {
${routeNames.map((n) => `  ${JSON.stringify(n)}: () => import("./routes/${n}.js"),`).join('\n')}
};

const show = mount(document.getElementById("app"));
route$.subscribe(async (name) => {
  const load = routes[name] ?? routes[${JSON.stringify(routeNames[0])}];
  show(await load());
});
`);
  return join(srcDir, 'main.js');
}

/** Generates the sources and bundles them into `<outDir>/assets`; returns the esbuild metafile. */
export async function buildJs(root, srcDir, outDir) {
  const entry = await writeSources(root, srcDir);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: entry },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    entryNames: 'assets/[name]-[hash]',
    chunkNames: 'assets/chunk-[hash]',
    mainFields: ['browser', 'module', 'jsnext:main', 'main'],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'warning',
    metafile: true,
    write: true,
  });
  return result.metafile;
}
