import { css } from 'lit';

/** The analytics table's own look: the toolbar, the base-currency columns set apart, the missing-rate note. */
export const channelAnalyticsStyles = css`
  section {
    padding: 0 var(--_bec-space-medium) var(--_bec-space-medium);
    overflow-x: auto;
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  .base {
    background: var(--_bec-color-surface-alt, transparent);
  }
  th.base-start,
  td.base-start {
    border-left: 2px solid var(--_bec-color-border);
  }
  .rate-date,
  .missing {
    display: block;
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  .missing {
    white-space: normal;
    text-align: left;
  }
  a[part='download'] {
    align-self: end;
    color: var(--_bec-color-brand);
  }
`;
