import { css } from 'lit';

export const gridStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--bec-space-x-small);
    padding: var(--bec-space-small) var(--bec-space-medium);
    border-bottom: 1px solid var(--bec-color-border-weak);
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
    font-size: var(--bec-font-size-5);
    font-weight: 700;
    margin: 0;
  }
  .summary {
    font-size: var(--bec-font-size-2);
    color: var(--bec-color-text-weak);
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
    background: var(--bec-color-background-alt);
    border-bottom: 1px solid var(--bec-color-border);
    font-size: var(--bec-font-size-1);
    font-weight: 700;
    text-transform: uppercase;
    color: var(--bec-color-text-weak);
    height: var(--bec-row-height);
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
    box-shadow: var(--bec-focus-ring);
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
    box-shadow: inset var(--bec-focus-ring);
  }
  .spacer {
    position: relative;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    height: var(--bec-row-height);
    border-bottom: 1px solid var(--bec-color-border-weak);
    font-size: var(--bec-font-size-2);
    cursor: default;
    background: var(--bec-color-background);
  }
  .row:hover {
    background: var(--bec-color-background-row-hover);
  }
  .row[aria-selected='true'] {
    background: var(--bec-color-background-selected);
  }
  .row.active {
    box-shadow: inset 3px 0 0 var(--bec-color-brand);
  }
  .row.group {
    background: var(--bec-color-background-alt);
    font-weight: 700;
    cursor: pointer;
  }
  .cell {
    padding: 0 var(--bec-space-x-small);
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
    padding: 0 var(--bec-space-x-small);
    font-size: var(--bec-font-size-1);
  }
  .empty {
    padding: var(--bec-space-large);
    text-align: center;
    color: var(--bec-color-text-weak);
  }
  .foot {
    display: flex;
    gap: var(--bec-space-medium);
    justify-content: flex-end;
    padding: var(--bec-space-x-small) var(--bec-space-medium);
    border-top: 1px solid var(--bec-color-border);
    font-size: var(--bec-font-size-2);
    background: var(--bec-color-background-alt);
  }
  .detail {
    border-top: 1px solid var(--bec-color-border);
    padding: var(--bec-space-medium);
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--bec-space-large);
  }
  .detail h3 {
    margin: 0 0 var(--bec-space-x-small);
    font-size: var(--bec-font-size-3);
  }
  .detail dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem var(--bec-space-small);
    margin: 0;
    font-size: var(--bec-font-size-2);
  }
  .detail dt {
    color: var(--bec-color-text-weak);
  }
  .detail dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .detail details {
    margin-top: var(--bec-space-x-small);
    font-size: var(--bec-font-size-2);
  }
  .detail summary {
    cursor: pointer;
    color: var(--bec-color-brand);
  }
  .notes ul {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--bec-space-x-small);
    font-size: var(--bec-font-size-2);
  }
  .notes li {
    padding: var(--bec-space-xx-small) 0;
    border-bottom: 1px solid var(--bec-color-border-weak);
  }
  .actions {
    display: flex;
    gap: var(--bec-space-x-small);
    align-items: center;
    flex-wrap: wrap;
  }
`;
