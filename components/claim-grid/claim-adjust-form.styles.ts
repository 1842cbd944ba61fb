import { css } from 'lit';

export const adjustFormStyles = css`
  :host {
    display: block;
  }
  h3 {
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-3);
  }
  .actions {
    display: flex;
    gap: var(--_bec-space-x-small);
    align-items: center;
    flex-wrap: wrap;
  }
`;
