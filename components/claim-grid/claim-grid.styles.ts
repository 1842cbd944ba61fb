import { css } from 'lit';

export const gridStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_bec-space-x-small);
    padding: var(--_bec-space-small) var(--_bec-space-medium);
    border-bottom: 1px solid var(--_bec-color-border-weak);
  }
  .toolbar .grow {
    flex: 1;
  }
  .toolbar .field {
    margin: 0;
    min-width: 9rem;
  }
  .toolbar .search {
    min-width: 14rem;
  }
  .title {
    font-size: var(--_bec-font-size-5);
    font-weight: 700;
    margin: 0;
  }
  .summary {
    font-size: var(--_bec-font-size-2);
    color: var(--_bec-color-text-weak);
  }
  .table {
    position: relative;
    overflow-x: auto;
  }
  .head,
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    min-width: var(--_min-width, 100%);
  }
  .head {
    background: var(--_bec-color-background-alt);
    border-bottom: 1px solid var(--_bec-color-border);
    font-size: var(--_bec-font-size-1);
    font-weight: 700;
    text-transform: uppercase;
    color: var(--_bec-color-text-weak);
    height: var(--_bec-row-height);
  }
  .head button {
    all: unset;
    cursor: pointer;
    display: block;
    width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .head button:focus-visible {
    box-shadow: var(--_bec-focus-ring);
  }
  .head .num button {
    text-align: right;
  }
  .viewport {
    position: relative;
    overflow-y: auto;
    height: var(--bec-grid-height, 24rem);
    contain: strict;
    outline: none;
  }
  .table:focus-visible {
    box-shadow: inset var(--_bec-focus-ring);
  }
  .spacer {
    position: relative;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    height: var(--_bec-row-height);
    border-bottom: 1px solid var(--_bec-color-border-weak);
    font-size: var(--_bec-font-size-2);
    cursor: default;
    background: var(--_bec-color-background);
  }
  .row:hover {
    background: var(--_bec-color-background-row-hover);
  }
  .row[aria-selected='true'] {
    background: var(--_bec-color-background-selected);
  }
  .row.active {
    box-shadow: inset 3px 0 0 var(--_bec-color-brand);
  }
  .row.group {
    background: var(--_bec-color-background-alt);
    font-weight: 700;
    cursor: pointer;
  }
  .cell {
    padding: 0 var(--_bec-space-x-small);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .cell input[type='checkbox'] {
    width: auto;
    min-height: 0;
  }
  .why {
    min-height: 1.5rem;
    padding: 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-1);
  }
  .empty {
    padding: var(--_bec-space-large);
    text-align: center;
    color: var(--_bec-color-text-weak);
  }
  .foot {
    display: flex;
    gap: var(--_bec-space-medium);
    justify-content: flex-end;
    padding: var(--_bec-space-x-small) var(--_bec-space-medium);
    border-top: 1px solid var(--_bec-color-border);
    font-size: var(--_bec-font-size-2);
    background: var(--_bec-color-background-alt);
  }
  .detail {
    border-top: 1px solid var(--_bec-color-border);
    padding: var(--_bec-space-medium);
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_bec-space-large);
  }
  .detail h3 {
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-3);
  }
  .detail dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem var(--_bec-space-small);
    margin: 0;
    font-size: var(--_bec-font-size-2);
  }
  .detail dt {
    color: var(--_bec-color-text-weak);
  }
  .detail dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .detail details {
    margin-top: var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-2);
  }
  .detail summary {
    cursor: pointer;
    color: var(--_bec-color-brand);
  }
  .notes ul {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-2);
  }
  .notes li {
    padding: var(--_bec-space-xx-small) 0;
    border-bottom: 1px solid var(--_bec-color-border-weak);
  }
  .actions {
    display: flex;
    gap: var(--_bec-space-x-small);
    align-items: center;
    flex-wrap: wrap;
  }
`;
