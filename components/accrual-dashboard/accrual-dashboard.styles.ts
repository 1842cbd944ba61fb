import { css } from 'lit';

export const dashboardStyles = css`
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_bec-space-small);
    margin-bottom: var(--_bec-space-small);
  }
  .kpi {
    padding: var(--_bec-space-small) var(--_bec-space-medium);
    background: var(--_bec-color-background);
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius-card);
    box-shadow: var(--_bec-shadow-card);
    color: var(--_bec-color-text);
  }
  .kpi .label {
    margin: 0;
  }
  .kpi ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .kpi .amount {
    display: block;
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_bec-color-text);
    text-align: left;
    font-size: var(--_bec-font-size-9);
    font-weight: 300;
    line-height: 1.25;
    font-variant-numeric: tabular-nums;
  }
  .kpi .amount:hover:not(:disabled) {
    background: none;
    color: var(--_bec-color-brand);
  }
  .kpi ul.multi .amount {
    font-size: var(--_bec-font-size-7);
  }
  .kpi small {
    color: var(--_bec-color-text-weak);
  }
  .currency-picker {
    display: flex;
    align-items: center;
    gap: var(--_bec-space-x-small);
    margin-bottom: var(--_bec-space-small);
  }
  .currency-picker .label {
    margin: 0 var(--_bec-space-x-small) 0 0;
  }
  .currency-picker .group {
    display: inline-flex;
  }
  .currency-picker .group button {
    border-radius: 0;
    margin-left: -1px;
  }
  .currency-picker .group button:first-child {
    border-radius: var(--_bec-radius) 0 0 var(--_bec-radius);
    margin-left: 0;
  }
  .currency-picker .group button:last-child {
    border-radius: 0 var(--_bec-radius) var(--_bec-radius) 0;
  }
  .currency-picker button[aria-pressed='true'] {
    background: var(--_bec-color-brand);
    border-color: var(--_bec-color-brand);
    color: var(--_bec-color-brand-contrast);
    position: relative;
  }
  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
    gap: var(--_bec-space-small);
  }
  .panel-body {
    padding: var(--_bec-space-small) var(--_bec-space-medium);
  }
  .chart {
    width: 100%;
    height: auto;
    display: block;
    overflow: visible;
  }
  .chart .bar:focus-visible {
    outline: none;
    stroke: var(--_bec-color-text);
    stroke-width: 2px;
  }
  .chart .grid {
    stroke: var(--_bec-color-border-weak);
  }
  .chart .tick {
    fill: var(--_bec-color-text-weak);
    font-size: 11px;
  }
  .chart .bar {
    cursor: pointer;
  }
  .chart .bar:hover {
    opacity: 0.8;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bec-space-medium);
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
  }
  .legend i {
    display: inline-block;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
    margin-right: 0.25rem;
    vertical-align: -1px;
  }
  .toggle {
    min-height: 1.5rem;
    font-size: var(--_bec-font-size-1);
  }
  .alert button {
    margin-left: var(--_bec-space-x-small);
  }
  .empty {
    color: var(--_bec-color-text-weak);
    padding: var(--_bec-space-large);
    text-align: center;
  }
`;
