import { css } from 'lit';

/** The aging report's own look: the as-of control and the two tables (the tables themselves: shared/table.styles). */
export const agingReportStyles = css`
  section {
    padding: 0 var(--_bec-space-medium) var(--_bec-space-medium);
    overflow-x: auto;
  }
  h3 {
    margin: var(--_bec-space-small) 0;
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  .count {
    display: block;
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  tfoot td {
    font-weight: 700;
    border-top: 1px solid var(--_bec-color-border);
  }
`;
