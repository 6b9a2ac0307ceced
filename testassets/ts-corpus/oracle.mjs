#!/usr/bin/env node
// Oracle: lists every module reference the TypeScript compiler's parser sees in a set of files.
//
// Usage (TypeScript is NOT a dependency of this fixture; install it ad hoc in a throwaway folder):
//   mkdir /tmp/ts-oracle && cd /tmp/ts-oracle && npm i --no-save typescript@6.0.3
//   node /path/to/oracle.mjs --root <fixture root> --out <expected-imports.json> <file or dir>...
// `typescript` is resolved from the current directory first, then from this script's folder
// (or set TYPESCRIPT_DIR to the package folder).
//
// Directories are walked recursively (node_modules, dist and dot-folders are skipped) for
// .ts .tsx .mts .cts .js .jsx .mjs .cjs files. Paths in the output are relative to --root.
//
// Records: { file, line, column, module, form, bindings, typeOnly }
//   line, column: 1-based; column counted in UTF-16 code units (as TypeScript does) and pointing at
//   the START of the module specifier string literal, i.e. at its opening quote.
//   form:
//     import-default | import-namespace | import-named   ImportDeclaration with a clause; form is the first
//                                                        of default > namespace > named present
//     import-side-effect                                 ImportDeclaration without a clause
//     export-all                                         `export * from 'm'` and `export * as ns from 'm'`
//     export-named                                       `export { a } from 'm'`
//     import-equals                                      `import x = require('m')`
//     require                                            `require('m')`: callee is the identifier `require`,
//                                                        exactly one string-literal argument
//     dynamic-import                                     `import('m')` with a string literal (or
//                                                        no-substitution template literal) first argument
//     import-type                                        `import('m')` in a type position (ImportTypeNode)
//   bindings: ImportDeclaration: the kinds present, in the order default, namespace, named
//             (e.g. ["default","named"]; [] for a side-effect import);
//             export-named: ["named"]; export-all: ["namespace"] for `export * as ns`, [] for `export *`;
//             every other form: [].
//   typeOnly: ImportDeclaration: importClause.isTypeOnly, or named bindings only (no default) with at least
//             one element and every element `type`; ExportDeclaration: isTypeOnly (incl. `export type *`),
//             or a non-empty export list whose elements are all `type`; import-equals: isTypeOnly;
//             import-type: always true; require / dynamic-import: false.
// Not references: ambient module declarations (`declare module 'x' {}`) themselves (imports written inside
// their bodies are still reported), `/// <reference>` directives, import() types inside JSDoc comments,
// and anything inside ordinary comments, strings or templates.
// Files whose parse produced diagnostics are reported on stderr and excluded.

import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep, extname } from 'node:path';

function loadTypeScript() {
  const bases = [];
  if (process.env.TYPESCRIPT_DIR) bases.push(join(resolve(process.env.TYPESCRIPT_DIR), '..', 'noop.js'));
  bases.push(join(process.cwd(), 'noop.js'), import.meta.filename ?? new URL(import.meta.url).pathname);
  for (const base of bases) {
    try {
      return createRequire(base)('typescript');
    } catch {
      /* try the next base */
    }
  }
  throw new Error('typescript not found: run `npm i --no-save typescript@6.0.3` in the current folder');
}

const ts = loadTypeScript();

const KIND_BY_EXT = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};
const SKIP_DIRS = new Set(['node_modules', 'dist']);

function parseArgs(argv) {
  const args = { root: process.cwd(), out: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') args.root = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else args.inputs.push(argv[i]);
  }
  if (args.inputs.length === 0) args.inputs.push(args.root);
  args.root = resolve(args.root);
  return args;
}

function collect(path, files) {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      collect(join(path, name), files);
    }
  } else if (KIND_BY_EXT[extname(path)] !== undefined) {
    files.push(path);
  }
}

function position(sourceFile, node) {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { line: line + 1, column: character + 1 };
}

function referencesOf(sourceFile, file) {
  const out = [];
  const add = (specifier, form, bindings, typeOnly) =>
    out.push({ file, ...position(sourceFile, specifier), module: specifier.text, form, bindings, typeOnly });

  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      if (ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        if (!clause) {
          add(node.moduleSpecifier, 'import-side-effect', [], false);
        } else {
          const bindings = [];
          if (clause.name) bindings.push('default');
          if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) bindings.push('namespace');
          if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) bindings.push('named');
          const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : null;
          const typeOnly =
            clause.isTypeOnly ||
            (!clause.name && named !== null && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
          add(node.moduleSpecifier, `import-${bindings[0]}`, bindings, typeOnly);
        }
      }
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.exportClause;
        if (!clause || ts.isNamespaceExport(clause)) {
          add(node.moduleSpecifier, 'export-all', clause ? ['namespace'] : [], node.isTypeOnly);
        } else {
          const typeOnly = node.isTypeOnly || (clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
          add(node.moduleSpecifier, 'export-named', ['named'], typeOnly);
        }
      }
    } else if (ts.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        add(ref.expression, 'import-equals', [], node.isTypeOnly);
      }
    } else if (ts.isCallExpression(node)) {
      const arg = node.arguments[0];
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        if (arg && ts.isStringLiteralLike(arg)) add(arg, 'dynamic-import', [], false);
      } else if (
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require' &&
        node.arguments.length === 1 &&
        ts.isStringLiteralLike(arg)
      ) {
        add(arg, 'require', [], false);
      }
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(arg.literal, 'import-type', [], true);
    }
    // ModuleDeclaration (`declare module 'x' {}`) is not a reference, but its body is still walked.
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

function compare(a, b) {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

const args = parseArgs(process.argv.slice(2));
const files = [];
for (const input of args.inputs) collect(resolve(input), files);

const references = [];
const parsed = [];
const rejected = [];
for (const path of files) {
  const rel = relative(args.root, path).split(sep).join('/');
  const text = readFileSync(path, 'utf8');
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, KIND_BY_EXT[extname(path)]);
  if (sourceFile.parseDiagnostics.length > 0) {
    rejected.push(rel);
    for (const d of sourceFile.parseDiagnostics) {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start);
      console.error(`${rel}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    continue;
  }
  parsed.push(rel);
  references.push(...referencesOf(sourceFile, rel));
}
references.sort(compare);
parsed.sort();

const result = { typescript: ts.version, files: parsed, references };
const json = JSON.stringify(result, null, 2) + '\n';
if (args.out) writeFileSync(args.out, json);
else process.stdout.write(json);

const counts = {};
for (const r of references) counts[r.form] = (counts[r.form] ?? 0) + 1;
console.error(
  `typescript ${ts.version}: ${parsed.length} files, ${references.length} references ${JSON.stringify(counts)}` +
    (rejected.length ? `; EXCLUDED (parse errors): ${rejected.join(', ')}` : ''),
);
