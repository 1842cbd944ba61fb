import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bec-space-x-small) var(--_bec-space-small);
    padding: var(--_bec-space-x-small) 0;
  }
  .summary {
    font-weight: 700;
    margin-right: auto;
  }
  .why {
    flex-basis: 100%;
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  .alert {
    flex-basis: 100%;
  }
`;
