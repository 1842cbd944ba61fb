import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-small);
    align-items: flex-end;
    padding: var(--_bec-space-small) var(--_bec-space-medium);
  }
  form .field {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .columns {
    padding: 0 var(--_bec-space-medium);
    font-size: var(--_bec-font-size-1);
  }
  [part='summary'],
  [part='errors'] {
    margin: var(--_bec-space-small) var(--_bec-space-medium);
  }
  .table-wrap {
    overflow-x: auto;
    padding: 0 var(--_bec-space-medium) var(--_bec-space-small);
  }
`;
