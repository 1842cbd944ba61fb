import { css } from 'lit';

/** The request form's own look: its field grid, the lines table's columns and the summary (the table itself: shared/table.styles). */
export const requestFormStyles = css`
  form {
    padding: var(--_bec-space-medium);
    container-type: inline-size;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0 var(--_bec-space-medium);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: var(--_bec-space-small) 0;
    min-width: 0;
  }
  fieldset.whole {
    margin: 0;
  }
  legend {
    font-weight: 700;
    margin-bottom: var(--_bec-space-x-small);
  }
  td {
    vertical-align: top;
  }
  th:first-child {
    width: 45%;
  }
  th:last-child {
    width: 2.5rem;
  }
  .summary {
    display: flex;
    align-items: center;
    gap: var(--_bec-space-medium);
    justify-content: flex-end;
    border-top: 1px solid var(--_bec-color-border-weak);
    padding-top: var(--_bec-space-small);
    margin-top: var(--_bec-space-small);
  }
  .errors ul {
    margin: 0;
    padding-left: var(--_bec-space-large);
  }
  .hint {
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
`;
