/** POS report parsing (browser-safe): CSV text chunks or JSON rows in, PosLines and row errors out. */
export * from './csv.js';
export * from './fields.js';
export * from './mapping.js';
export * from './parser.js';
export * from './values.js';
export * from './encoding.js';
