import { css } from 'lit';
import admin from '../admin-products/admin.styles.js';

export default [
  admin,
  css`
    [part='tabs'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_bec-space-x-small);
      padding: var(--_bec-space-small) var(--_bec-space-medium) 0;
    }
    [part='tabs'] button[aria-pressed='true'] {
      border-color: var(--_bec-color-brand);
      box-shadow: inset 0 -2px 0 var(--_bec-color-brand);
    }
    p.confirm {
      font-weight: 700;
    }
  `,
];
