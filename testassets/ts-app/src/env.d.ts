// Ambient module declaration so `import './styles.css'` type-checks.
// It is a declaration, not a module reference: the oracle skips it.
declare module '*.css';
