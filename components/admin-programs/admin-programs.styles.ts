import { css } from 'lit';

/** The program builder's own look: the list, the form grid and the versions (the table itself: shared/table.styles). */
export const adminProgramsStyles = css`
  .list {
    overflow-x: auto;
    padding: 0 var(--_bec-space-medium);
  }
  .list td.actions {
    text-align: right;
  }
  .list td.actions button {
    margin: 0.125rem 0;
  }
  .list tr[aria-current='true'] td {
    background: var(--_bec-color-background-alt);
  }
  form {
    padding: var(--_bec-space-medium);
    border-top: 1px solid var(--_bec-color-border-weak);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: 0 var(--_bec-space-medium);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_bec-space-small);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    margin-bottom: var(--_bec-space-x-small);
  }
  input,
  select {
    width: 100%;
    box-sizing: border-box;
  }
  .hint {
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-small);
    justify-content: flex-end;
  }
  .errors ul {
    margin: 0;
    padding-left: var(--_bec-space-large);
  }
  .versions {
    padding: var(--_bec-space-medium);
    border-top: 1px solid var(--_bec-color-border-weak);
  }
  .versions ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .versions li {
    padding: var(--_bec-space-x-small) 0;
    border-bottom: 1px solid var(--_bec-color-border-weak);
    overflow-wrap: anywhere;
  }
`;
