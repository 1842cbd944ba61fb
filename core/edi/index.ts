/** X12 EDI (browser-safe): the streaming reader, the 867/844 mappers to POS and claim lines, and the 849/845/997 writers. */
export * from './errors.js';
export * from './partner.js';
export * from './read.js';
export * from './reader.js';
export * from './reason-codes.js';
export * from './responses.js';
export * from './sale-lines.js';
export * from './tokenizer.js';
export * from './writer.js';
export * from './sample.js';
