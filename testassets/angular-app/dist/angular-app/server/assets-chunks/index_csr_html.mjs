export default `<!doctype html>
<html lang="en" data-beasties-container="">
<head>
  <meta charset="utf-8">
  <title>BundleBudget Angular fixture</title>
  <base href="/">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/x-icon" href="favicon.ico">
<style>:root{--accent:#c3002f;--ink:#1f2328;--muted:#59636e;--surface:#f6f8fa}*,*:before,*:after{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,sans-serif;line-height:1.5;color:var(--ink);background:#fff}@media(prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}}</style><link rel="stylesheet" href="styles-TUBMZHBH.css" media="print" onload="this.media='all'"><noscript><link rel="stylesheet" href="styles-TUBMZHBH.css"></noscript></head>
<body ngcm="">
  <app-root></app-root>
<link rel="modulepreload" href="chunk-VS2WHN2I.js"><script src="main-EWCNKD7M.js" type="module"></script></body>
</html>
`;