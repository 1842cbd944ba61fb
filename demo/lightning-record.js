import { startDemo } from '/demo.js';

await startDemo('cm@voltaic.example');
