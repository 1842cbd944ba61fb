/**
 * The one theme file: every colour, radius, space and font the components use is a CSS custom
 * property defined here. Defaults follow Salesforce Lightning Design System (SLDS) values so the
 * components look native on a Lightning page. A host page restyles them by setting the same
 * properties on the element or an ancestor rule (`bec-claim-grid { --bec-color-brand: ... }`),
 * or switches to the dark theme with `theme="dark"`.
 */
import { css } from 'lit';

export const themeTokens = css`
  :host {
    --bec-color-brand: #0176d3;
    --bec-color-brand-dark: #014486;
    --bec-color-brand-contrast: #ffffff;
    --bec-color-text: #181818;
    --bec-color-text-weak: #444444;
    --bec-color-text-placeholder: #747474;
    --bec-color-background: #ffffff;
    --bec-color-background-alt: #f3f3f3;
    --bec-color-background-row-hover: #f3f3f3;
    --bec-color-background-selected: #eef4ff;
    --bec-color-border: #c9c9c9;
    --bec-color-border-weak: #e5e5e5;
    --bec-color-success: #194e31;
    --bec-color-success-bg: #cdefc4;
    --bec-color-warning: #8c4b02;
    --bec-color-warning-bg: #fedfd0;
    --bec-color-error: #ba0517;
    --bec-color-error-bg: #fddde3;
    --bec-color-info-bg: #d8e6fe;
    --bec-color-chart-1: #0176d3;
    --bec-color-chart-2: #06a59a;
    --bec-color-chart-3: #9050e9;
    --bec-color-chart-4: #fe9339;
    --bec-color-chart-5: #e3066a;
    --bec-focus-ring: 0 0 3px #0176d3;
    --bec-font-family: -apple-system, 'Salesforce Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    --bec-font-size-1: 0.75rem;
    --bec-font-size-2: 0.8125rem;
    --bec-font-size-3: 0.875rem;
    --bec-font-size-5: 1rem;
    --bec-font-size-7: 1.25rem;
    --bec-font-size-9: 1.75rem;
    --bec-radius: 0.25rem;
    --bec-radius-card: 0.25rem;
    --bec-space-xx-small: 0.25rem;
    --bec-space-x-small: 0.5rem;
    --bec-space-small: 0.75rem;
    --bec-space-medium: 1rem;
    --bec-space-large: 1.5rem;
    --bec-shadow-card: 0 2px 2px 0 rgba(0, 0, 0, 0.1);
    --bec-row-height: 2rem;
    display: block;
    font-family: var(--bec-font-family);
    font-size: var(--bec-font-size-3);
    color: var(--bec-color-text);
    line-height: 1.5;
  }
  :host([theme='dark']) {
    --bec-color-brand: #1b96ff;
    --bec-color-brand-dark: #78b0fd;
    --bec-color-brand-contrast: #03234d;
    --bec-color-text: #f3f3f3;
    --bec-color-text-weak: #c9c9c9;
    --bec-color-text-placeholder: #aeaeae;
    --bec-color-background: #1a1b1e;
    --bec-color-background-alt: #242529;
    --bec-color-background-row-hover: #2d2f34;
    --bec-color-background-selected: #0b2a4d;
    --bec-color-border: #5c5c5c;
    --bec-color-border-weak: #3e3e3e;
    --bec-color-success: #91db8b;
    --bec-color-success-bg: #194e31;
    --bec-color-warning: #ffba90;
    --bec-color-warning-bg: #5f3e02;
    --bec-color-error: #feb8ab;
    --bec-color-error-bg: #740000;
    --bec-color-info-bg: #0b2a4d;
    --bec-focus-ring: 0 0 3px #78b0fd;
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** Buttons, inputs, badges and cards shared by every component; reads only the tokens above. */
export const controls = css`
  .card {
    background: var(--bec-color-background);
    border: 1px solid var(--bec-color-border);
    border-radius: var(--bec-radius-card);
    box-shadow: var(--bec-shadow-card);
  }
  .card-header {
    display: flex;
    align-items: center;
    gap: var(--bec-space-small);
    padding: var(--bec-space-small) var(--bec-space-medium);
    border-bottom: 1px solid var(--bec-color-border-weak);
  }
  .card-header h2,
  .card-header h3 {
    margin: 0;
    font-size: var(--bec-font-size-5);
    font-weight: 700;
    flex: 1;
  }
  button {
    font: inherit;
    font-size: var(--bec-font-size-3);
    min-height: 2rem;
    padding: 0 var(--bec-space-medium);
    border-radius: var(--bec-radius);
    border: 1px solid var(--bec-color-border);
    background: var(--bec-color-background);
    color: var(--bec-color-brand);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--bec-color-background-alt);
  }
  button.brand {
    background: var(--bec-color-brand);
    border-color: var(--bec-color-brand);
    color: var(--bec-color-brand-contrast);
  }
  button.brand:hover:not(:disabled) {
    background: var(--bec-color-brand-dark);
  }
  button.destructive {
    color: var(--bec-color-error);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: none;
    box-shadow: var(--bec-focus-ring);
    border-color: var(--bec-color-brand);
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: var(--bec-font-size-3);
    color: var(--bec-color-text);
    background: var(--bec-color-background);
    border: 1px solid var(--bec-color-border);
    border-radius: var(--bec-radius);
    min-height: 2rem;
    padding: 0 var(--bec-space-small);
    width: 100%;
  }
  textarea {
    padding: var(--bec-space-x-small) var(--bec-space-small);
    min-height: 4rem;
  }
  label,
  .label {
    display: block;
    font-size: var(--bec-font-size-1);
    color: var(--bec-color-text-weak);
    margin-bottom: 0.125rem;
  }
  .field {
    margin-bottom: var(--bec-space-small);
  }
  .field[data-invalid] input,
  .field[data-invalid] select,
  .field[data-invalid] textarea,
  input[aria-invalid='true'] {
    border-color: var(--bec-color-error);
    box-shadow: inset 0 0 0 1px var(--bec-color-error);
  }
  .field-error {
    color: var(--bec-color-error);
    font-size: var(--bec-font-size-1);
    margin-top: 0.125rem;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--bec-space-x-small);
    border-radius: 1rem;
    font-size: var(--bec-font-size-1);
    font-weight: 600;
    line-height: 1.25rem;
    background: var(--bec-color-background-alt);
    color: var(--bec-color-text);
    white-space: nowrap;
  }
  .badge[data-tone='success'] {
    background: var(--bec-color-success-bg);
    color: var(--bec-color-success);
  }
  .badge[data-tone='warning'] {
    background: var(--bec-color-warning-bg);
    color: var(--bec-color-warning);
  }
  .badge[data-tone='error'] {
    background: var(--bec-color-error-bg);
    color: var(--bec-color-error);
  }
  .badge[data-tone='info'] {
    background: var(--bec-color-info-bg);
    color: var(--bec-color-brand-dark);
  }
  .alert {
    padding: var(--bec-space-x-small) var(--bec-space-medium);
    border-radius: var(--bec-radius);
    background: var(--bec-color-error-bg);
    color: var(--bec-color-error);
    margin: var(--bec-space-x-small) 0;
  }
  .alert[data-tone='success'] {
    background: var(--bec-color-success-bg);
    color: var(--bec-color-success);
  }
  .muted {
    color: var(--bec-color-text-weak);
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    border: 0;
  }
`;

/** Maps a domain status or verdict to a badge tone. */
export function toneOf(status: string): 'success' | 'warning' | 'error' | 'info' | 'neutral' {
  switch (status) {
    case 'accepted':
    case 'approved':
    case 'authorized':
    case 'paid':
      return 'success';
    case 'partial':
    case 'adjusted':
    case 'countered':
      return 'warning';
    case 'rejected':
    case 'declined':
      return 'error';
    case 'submitted':
    case 'pending':
      return 'info';
    default:
      return 'neutral';
  }
}
