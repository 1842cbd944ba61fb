import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.request {
    padding: var(--_bec-space-small) var(--_bec-space-medium);
    border-bottom: 1px solid var(--_bec-color-border-weak);
  }
  li.request[data-status='countered'] {
    box-shadow: inset 3px 0 0 var(--_bec-color-warning);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_bec-space-x-small) var(--_bec-space-small);
  }
  .head h3 {
    margin: 0;
    font-size: var(--_bec-font-size-4);
  }
  .head .value {
    margin-left: auto;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .sub {
    font-size: var(--_bec-font-size-2);
    color: var(--_bec-color-text-weak);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    margin-top: var(--_bec-space-x-small);
  }
  .counter {
    margin-top: var(--_bec-space-x-small);
    padding: var(--_bec-space-x-small) var(--_bec-space-small);
    background: var(--_bec-color-warning-bg);
    border-radius: var(--_bec-radius);
  }
  .counter blockquote {
    margin: 0 0 var(--_bec-space-x-small);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-x-small);
    margin-top: var(--_bec-space-x-small);
  }
  .comment {
    font-size: var(--_bec-font-size-2);
    margin-top: var(--_bec-space-xx-small);
  }
`;
