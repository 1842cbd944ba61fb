import { css } from 'lit';

export const claimFormStyles = css`
  form {
    padding: var(--_bec-space-medium);
  }
  fieldset.whole {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  fieldset.line {
    border: 1px solid var(--_bec-color-border-weak);
    border-radius: var(--_bec-radius);
    margin: 0 0 var(--_bec-space-small);
    padding: var(--_bec-space-x-small) var(--_bec-space-small) 0;
    min-width: 0;
  }
  fieldset.line legend {
    display: flex;
    align-items: center;
    gap: var(--_bec-space-x-small);
    font-weight: 700;
    padding: 0 var(--_bec-space-xx-small);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0 var(--_bec-space-small);
  }
  .field .req {
    color: var(--_bec-color-error);
  }
  .verdict {
    font-size: var(--_bec-font-size-2);
    margin: 0 0 var(--_bec-space-x-small);
    color: var(--_bec-color-warning, var(--_bec-color-error));
  }
  .line-actions {
    display: flex;
    justify-content: flex-end;
    margin-bottom: var(--_bec-space-x-small);
  }
  .hint {
    font-size: var(--_bec-font-size-1);
    margin: 0 0 var(--_bec-space-x-small);
  }
  .memo {
    max-width: 20rem;
  }
  .summary {
    margin: var(--_bec-space-x-small) 0;
    color: var(--_bec-color-text-weak);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-x-small);
    align-items: center;
    margin-top: var(--_bec-space-small);
  }
  .state {
    padding: var(--_bec-space-x-small) 0;
    color: var(--_bec-color-text-weak);
  }
  .alert button {
    margin-left: var(--_bec-space-x-small);
  }
  .alert a {
    color: inherit;
    font-weight: 700;
  }
`;
