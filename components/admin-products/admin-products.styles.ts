import { css } from 'lit';
import admin from './admin.styles.js';

export default [
  admin,
  css`
    td.num {
      white-space: nowrap;
    }
  `,
];
