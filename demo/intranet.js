import { startDemo } from '/demo.js';

await startDemo('finance@voltaic.example');
