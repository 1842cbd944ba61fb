import { css } from 'lit';

/** The grid's own look: its toolbar, the virtualized body and its states (the table itself: shared/table.styles). */
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
  /* The grid is the one scroller (and the one tab stop): the body scrolls under a sticky header, and sideways on a phone. */
  .scroller {
    overflow: auto;
    overscroll-behavior: contain;
    scroll-padding-top: var(--_bec-row-height);
    outline: none;
  }
  .head-group {
    position: sticky;
    top: 0;
    z-index: 1;
    min-width: var(--_min-width, 100%);
  }
  .body {
    position: relative;
    min-width: var(--_min-width, 100%);
    contain: size layout paint;
  }
  .table:focus-visible {
    box-shadow: inset var(--_bec-focus-ring);
  }
  .spacer {
    position: relative;
  }
  .body .row {
    position: absolute;
    left: 0;
    right: 0;
    cursor: pointer;
  }
  .row.group {
    background: var(--_bec-color-background-alt);
    font-weight: 700;
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
  .state {
    padding: var(--_bec-space-large);
    text-align: center;
  }
  .state p {
    margin: 0 0 var(--_bec-space-small);
  }
  .state[data-state='error'],
  .state[data-state='offline'] {
    border: 1px solid var(--_bec-color-border);
    border-left: 4px solid var(--_bec-color-error, #ba0517);
    text-align: left;
    margin: var(--_bec-space-small) var(--_bec-space-medium);
  }
  .state[data-state='offline'] {
    border-left-color: var(--_bec-color-warning, #dd7a01);
  }
  .state strong {
    display: block;
    margin-bottom: var(--_bec-space-xx-small);
  }
  @media (max-width: 40rem) {
    .toolbar .field,
    .toolbar .search {
      min-width: 0;
      flex: 1 1 100%;
    }
  }
`;
