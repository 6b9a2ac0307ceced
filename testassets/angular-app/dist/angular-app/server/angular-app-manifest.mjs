
export default {
  bootstrap: () => import('./main.server.mjs').then(m => m.default),
  inlineCriticalCss: true,
  baseHref: '/',
  locale: undefined,
  routes: [
  {
    "renderMode": 2,
    "route": "/"
  },
  {
    "renderMode": 2,
    "preload": [
      "chunk-IUFFJXD3.js"
    ],
    "route": "/about"
  }
],
  entryPointToBrowserMapping: undefined,
  assets: {
    'index.csr.html': {size: 997, hash: '189b3db2e04dd1864b437f759bf4f45a3a6723edd4c347e3fdc599a3b06b67fc', text: () => import('./assets-chunks/index_csr_html.mjs').then(m => m.default)},
    'index.server.html': {size: 1017, hash: 'a3edb0c658b806306da8e2b8469dfb8400716625b7719192c225823a796d5385', text: () => import('./assets-chunks/index_server_html.mjs').then(m => m.default)},
    'index.html': {size: 3157, hash: '3c1743fea5c8de220167f31c016ebe9a9b2e0fdbdcbfd7f8a83bd5a702a6a9d0', text: () => import('./assets-chunks/index_html.mjs').then(m => m.default)},
    'about/index.html': {size: 3137, hash: 'c6f9d335d22ea48caf59d828e52cb59e9298fd53d19c346cad202ab412ca872a', text: () => import('./assets-chunks/about_index_html.mjs').then(m => m.default)},
    'styles-TUBMZHBH.css': {size: 586, hash: 'wYJGMRlfdDA', text: () => import('./assets-chunks/styles-TUBMZHBH_css.mjs').then(m => m.default)}
  },
};
