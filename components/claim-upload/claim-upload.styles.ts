import { css } from 'lit';

export const uploadStyles = css`
  .body {
    padding: var(--_bec-space-medium);
  }
  .drop {
    border: 2px dashed var(--_bec-color-border);
    border-radius: var(--_bec-radius);
    padding: var(--_bec-space-large);
    text-align: center;
    background: var(--_bec-color-background-alt);
  }
  .drop.over {
    border-color: var(--_bec-color-brand);
    background: var(--_bec-color-background-selected);
  }
  .drop input[type='file'] {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .drop label.button {
    display: inline-flex;
    align-items: center;
    min-height: 2rem;
    padding: 0 var(--_bec-space-medium);
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius);
    background: var(--_bec-color-background);
    color: var(--_bec-color-brand);
    font-size: var(--_bec-font-size-3);
    cursor: pointer;
    margin: var(--_bec-space-x-small) 0 0;
  }
  .drop input[type='file']:focus-visible + label.button {
    box-shadow: var(--_bec-focus-ring);
  }
  .hint {
    font-size: var(--_bec-font-size-1);
    margin-top: var(--_bec-space-x-small);
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-small) var(--_bec-space-large);
    margin: var(--_bec-space-medium) 0 var(--_bec-space-x-small);
  }
  .stat strong {
    display: block;
    font-size: var(--_bec-font-size-7);
  }
  .stat.ready strong {
    color: var(--_bec-color-success);
  }
  .stat.rules strong {
    color: var(--_bec-color-warning, var(--_bec-color-error));
  }
  .stat.problems strong {
    color: var(--_bec-color-error);
  }
  .bar {
    height: 0.5rem;
    border-radius: 1rem;
    background: var(--_bec-color-border-weak);
    overflow: hidden;
    margin: var(--_bec-space-x-small) 0;
  }
  .bar > div {
    height: 100%;
    background: var(--_bec-color-brand);
    transition: width 0.2s;
  }
  .scroll {
    max-height: 16rem;
    overflow: auto;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--_bec-focus-ring);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-x-small);
    margin-top: var(--_bec-space-small);
    align-items: center;
  }
  .created {
    margin: var(--_bec-space-x-small) 0 0;
    padding-left: var(--_bec-space-large);
  }
  .created a {
    color: var(--_bec-color-brand);
    font-weight: 600;
  }
  .state {
    padding: var(--_bec-space-x-small) 0;
    color: var(--_bec-color-text-weak);
  }
  .alert button {
    margin-left: var(--_bec-space-x-small);
  }
`;
