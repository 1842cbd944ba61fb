import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }
  section {
    padding: var(--_bec-space-small) var(--_bec-space-medium);
    border-bottom: 1px solid var(--_bec-color-border-weak);
  }
  section h3 {
    display: flex;
    align-items: center;
    gap: var(--_bec-space-x-small);
    margin: 0 0 var(--_bec-space-x-small);
    font-size: var(--_bec-font-size-4);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--bec-space-s, 0.5rem);
    padding: var(--bec-space-s, 0.5rem) var(--bec-space-m, 1rem);
    color: var(--bec-color-text-weak, #444);
  }
  .section-empty {
    color: var(--_bec-color-text-weak);
    font-size: var(--_bec-font-size-2);
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.claim {
    display: grid;
    grid-template-columns: minmax(8rem, 1.2fr) minmax(8rem, 1.5fr) repeat(2, minmax(6rem, 1fr)) minmax(10rem, 1.6fr);
    gap: var(--_bec-space-x-small) var(--_bec-space-small);
    align-items: start;
    padding: var(--_bec-space-x-small) 0;
    border-top: 1px solid var(--_bec-color-border-weak);
    font-size: var(--_bec-font-size-2);
  }
  .label {
    display: block;
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
    margin: 0;
  }
  .open {
    border: 0;
    padding: 0;
    min-height: auto;
    background: none;
    text-decoration: underline;
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-x-small);
  }
  .why {
    flex-basis: 100%;
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  .row-error {
    grid-column: 1 / -1;
  }
  @container (max-width: 40rem) {
    li.claim {
      grid-template-columns: 1fr 1fr;
    }
    .actions {
      grid-column: 1 / -1;
    }
  }
`;
