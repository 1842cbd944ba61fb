import { css } from 'lit';

/** The approval queue's own look; tables come from the shared table style. */
export default css`
  :host {
    container-type: inline-size;
  }
  .confirm {
    margin-top: var(--_bec-space-small);
    padding: var(--_bec-space-small);
    border: 1px solid var(--_bec-color-brand);
    border-radius: var(--_bec-radius);
    background: var(--_bec-color-info-bg);
  }
  .confirm p {
    margin: 0 0 var(--_bec-space-x-small);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 20rem) minmax(0, 1fr) minmax(14rem, 20rem);
    min-height: var(--bec-queue-min-height, 20rem);
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border-right: 1px solid var(--_bec-color-border-weak);
    overflow-y: auto;
    max-height: var(--bec-queue-height, 32rem);
    outline: none;
  }
  [role='listbox']:focus-visible {
    box-shadow: inset var(--_bec-focus-ring);
  }
  [role='option'] {
    padding: var(--_bec-space-x-small) var(--_bec-space-medium);
    border-bottom: 1px solid var(--_bec-color-border-weak);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_bec-color-background-selected);
    box-shadow: inset 3px 0 0 var(--_bec-color-brand);
  }
  .item-top {
    display: flex;
    justify-content: space-between;
    font-weight: 700;
  }
  .item-sub {
    font-size: var(--_bec-font-size-2);
    color: var(--_bec-color-text-weak);
  }
  .detail,
  .context {
    padding: var(--_bec-space-medium);
  }
  .context {
    border-left: 1px solid var(--_bec-color-border-weak);
    background: var(--_bec-color-background-alt);
  }
  h3 {
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-5);
  }
  h4 {
    margin: var(--_bec-space-medium) 0 var(--_bec-space-xx-small);
    font-size: var(--_bec-font-size-2);
    text-transform: uppercase;
    color: var(--_bec-color-text-weak);
  }
  /* A figure or a part number never breaks inside ("40,0 / 00"); the lines become cards on a phone instead. */
  td:first-child,
  .num {
    white-space: nowrap;
  }
  /* A line's flag and the book cost it compares with wrap under the price. */
  .flag,
  [part='flag'] {
    white-space: normal;
  }
  .flag {
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  td input {
    min-height: 1.75rem;
    width: 7rem;
  }
  .kpi {
    font-size: var(--_bec-font-size-7);
    font-weight: 700;
  }
  .actions {
    display: flex;
    gap: var(--_bec-space-x-small);
    margin-top: var(--_bec-space-x-small);
    flex-wrap: wrap;
  }
  kbd {
    font-family: inherit;
    font-size: var(--_bec-font-size-1);
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius);
    padding: 0 0.25rem;
  }
  .empty {
    padding: var(--_bec-space-large);
    color: var(--_bec-color-text-weak);
    text-align: center;
  }
  .flags {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-2);
  }
  .flags li {
    margin-bottom: var(--_bec-space-xx-small);
  }
  @container (max-width: 64rem) {
    .layout {
      grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    }
    .context {
      grid-column: 1 / -1;
      border-left: 0;
      border-top: 1px solid var(--_bec-color-border-weak);
    }
  }
  @container (max-width: 36rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    [role='listbox'] {
      border-right: 0;
      max-height: 12rem;
    }
  }
`;
