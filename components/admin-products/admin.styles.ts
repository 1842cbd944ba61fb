import { css } from 'lit';

/** The look the admin elements share (bec-admin-products, bec-admin-accounts): inline forms, tables, panels. */
export default css`
  :host {
    display: block;
    container-type: inline-size;
  }
  form.inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-small);
    align-items: flex-end;
    padding: var(--_bec-space-small) var(--_bec-space-medium);
  }
  form.inline .field {
    flex: 1 1 9rem;
    min-width: 0;
  }
  .table-wrap {
    overflow-x: auto;
    padding: 0 var(--_bec-space-medium) var(--_bec-space-small);
  }
  td.actions {
    white-space: nowrap;
    text-align: right;
  }
  tr[aria-current='true'] {
    background: var(--_bec-color-background-selected);
  }
  section.panel {
    border-top: 1px solid var(--_bec-color-border);
  }
  section.panel h3,
  section.panel p.confirm {
    margin: var(--_bec-space-small) var(--_bec-space-medium) 0;
    font-size: var(--_bec-font-size-4);
  }
  .alert {
    margin: var(--_bec-space-x-small) var(--_bec-space-medium);
  }
  bec-admin-bulk-load {
    margin-top: var(--_bec-space-medium);
  }
  @container (max-width: 30rem) {
    .hide-narrow {
      display: none;
    }
    td.actions {
      white-space: normal;
    }
  }
`;
