import { css } from 'lit';

export const lineDetailStyles = css`
  :host {
    display: block;
    border-top: 1px solid var(--_bec-color-border);
  }
  .detail {
    padding: var(--_bec-space-medium);
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_bec-space-large);
  }
  @media (max-width: 40rem) {
    .detail {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  h3 {
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-3);
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    box-shadow: var(--_bec-focus-ring);
  }
  .why {
    margin: 0 0 var(--_bec-space-small);
    padding-left: var(--_bec-space-medium);
  }
  .why li {
    margin-bottom: var(--_bec-space-xx-small);
  }
  dd {
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  details {
    margin-top: var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-2);
  }
  summary {
    cursor: pointer;
    color: var(--_bec-color-brand);
  }
  ul.thread,
  ul.notes {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-2);
  }
  ul.thread li,
  ul.notes li {
    padding: var(--_bec-space-xx-small) 0;
    border-bottom: 1px solid var(--_bec-color-border-weak);
  }
  section + section {
    margin-top: var(--_bec-space-medium);
  }
  .actions {
    display: flex;
    gap: var(--_bec-space-x-small);
    align-items: center;
    flex-wrap: wrap;
  }
`;
