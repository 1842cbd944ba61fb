import { css } from 'lit';

/**
 * The one table look every BEC list shares (SLDS's data table: small caps headers, hairline rows):
 * HTML tables (`table`, `th`, `td`; `table.cards` turns into cards in a container under 36rem), and the virtualized grid's `.table`: a header row, body rows
 * on one column template (`--_columns`), cells that ellipsize, an active-row mark and the empty
 * and totals rows. A component with a `.table` sets `--_columns` (and `--_min-width`) on it.
 */
export const tableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_bec-font-size-2);
  }
  th {
    text-align: left;
    font-size: var(--_bec-font-size-1);
    text-transform: uppercase;
    color: var(--_bec-color-text-weak);
    border-bottom: 1px solid var(--_bec-color-border);
    padding: var(--_bec-space-xx-small);
  }
  th.num {
    text-align: right;
  }
  td {
    padding: var(--_bec-space-xx-small);
    border-bottom: 1px solid var(--_bec-color-border-weak);
    overflow-wrap: anywhere;
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
  .head .num button {
    text-align: right;
  }
  .row {
    height: var(--_bec-row-height);
    border-bottom: 1px solid var(--_bec-color-border-weak);
    font-size: var(--_bec-font-size-2);
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
  .cell {
    padding: 0 var(--_bec-space-x-small);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .cell.active-cell {
    box-shadow: inset 0 0 0 2px var(--_bec-color-brand);
  }
  .empty {
    padding: var(--_bec-space-large);
    text-align: center;
    color: var(--_bec-color-text-weak);
  }
  /* A table of cards on a phone: each row a grid, its first cell on a line of its own, the others labelled by their data-label (the column's header). */
  @container (max-width: 36rem) {
    .cards thead {
      position: absolute;
      clip: rect(0 0 0 0);
    }
    .cards tr {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
      border-bottom: 1px solid var(--_bec-color-border-weak);
    }
    .cards td {
      border: 0;
      text-align: left;
    }
    .cards td:first-child {
      grid-column: 1 / -1;
    }
    .cards td::before {
      content: attr(data-label);
      display: block;
      font-size: var(--_bec-font-size-1);
      color: var(--_bec-color-text-weak);
    }
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
`;

/** Label and value pairs (`<dl>`): the labels in one column, the values beside them. */
export const definitionListStyles = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem var(--_bec-space-small);
    margin: 0;
    font-size: var(--_bec-font-size-2);
  }
  dt {
    color: var(--_bec-color-text-weak);
  }
  dd {
    margin: 0;
  }
`;

/**
 * An element whose width comes from the page, never from its tables: on a phone (390 px) a wide
 * table scrolls inside the element instead of widening the page. With its toolbar row above the tables.
 */
export const tableHostStyles = css`
  :host {
    display: block;
    contain: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-small);
    align-items: end;
    padding: var(--_bec-space-small) var(--_bec-space-medium);
  }
`;
