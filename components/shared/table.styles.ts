import { css } from 'lit';

/** The one table look (SLDS's data table: small caps headers, hairline rows), for every element with a table. */
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
`;
