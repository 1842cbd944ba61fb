import { css } from 'lit';

/** The rebate program builder: a form in sections, the tiers as rows, the what-if beside it. */
export const rebateBuilderStyles = css`
  form,
  .what-if {
    padding: 0 var(--_bec-space-medium) var(--_bec-space-medium);
    display: grid;
    gap: var(--_bec-space-small);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-small);
    align-items: end;
  }
  .field {
    display: grid;
    gap: 2px;
  }
  fieldset {
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius);
    padding: var(--_bec-space-small);
  }
  .problems {
    color: var(--_bec-color-error, #ba0517);
    margin: 0;
  }
  .answer {
    font-size: var(--_bec-font-size-3);
    font-weight: 600;
  }
`;
