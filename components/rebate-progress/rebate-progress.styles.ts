import { css } from 'lit';

/** The rebate progress cards: one per program, a bar to the next threshold. */
export const rebateProgressStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0 var(--_bec-space-medium) var(--_bec-space-medium);
    display: grid;
    gap: var(--_bec-space-medium);
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  }
  li {
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius);
    padding: var(--_bec-space-medium);
  }
  h3 {
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-3);
  }
  .period,
  .figures {
    color: var(--_bec-color-text-weak);
    font-size: var(--_bec-font-size-1);
  }
  .rebate {
    font-size: var(--_bec-font-size-4);
    font-weight: 700;
  }
  progress {
    width: 100%;
    accent-color: var(--_bec-color-brand);
  }
  .message {
    font-weight: 600;
  }
`;
