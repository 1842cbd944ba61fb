/**
 * The one theme file: every colour, radius, space and font the components use is a design token
 * defined once in `TOKENS`. A host page themes the components from any ancestor (`body`, a
 * wrapper, the element itself) by setting the public `--bec-*` property; on a Lightning page the
 * SLDS global styling hooks (`--slds-g-*`) are used where no `--bec-*` is set; otherwise the
 * built-in values (SLDS's own) apply. So each token is read, never redeclared, on `:host`:
 * `--_bec-x: var(--bec-x, var(--slds-g-..., default))`, and the styles read only `--_bec-x`.
 *
 * Light or dark: with no `theme` the element follows the page's `color-scheme` (light unless the
 * page declares `dark`, or `light dark` while the user prefers dark), `theme="auto"` follows the
 * user's `prefers-color-scheme`, `theme="light"` / `theme="dark"` force one. In dark, the built-in
 * dark values are used, not the SLDS hooks (a Lightning org's hooks are its light theme's).
 */
import { css, unsafeCSS } from 'lit';

interface Token {
  /** `--bec-<name>` (public) and `--_bec-<name>` (what the styles read). */
  name: string;
  /** The SLDS global styling hook used when no `--bec-*` is set. */
  slds?: string;
  light: string;
  /** The dark theme's value, when it differs. */
  dark?: string;
  /** The value for both schemes when it is not a plain colour (`light-dark()` takes colours only). */
  both?: string;
}

export const TOKENS: readonly Token[] = [
  { name: 'color-brand', slds: 'color-accent-1', light: '#0176d3', dark: '#1b96ff' },
  { name: 'color-brand-dark', slds: 'color-accent-2', light: '#014486', dark: '#78b0fd' },
  { name: 'color-brand-contrast', slds: 'color-on-accent-1', light: '#ffffff', dark: '#03234d' },
  { name: 'color-text', slds: 'color-on-surface-2', light: '#181818', dark: '#f3f3f3' },
  { name: 'color-text-weak', slds: 'color-on-surface-1', light: '#444444', dark: '#c9c9c9' },
  { name: 'color-text-placeholder', light: '#747474', dark: '#aeaeae' },
  { name: 'color-background', slds: 'color-surface-1', light: '#ffffff', dark: '#1a1b1e' },
  { name: 'color-background-alt', slds: 'color-surface-2', light: '#f3f3f3', dark: '#242529' },
  { name: 'color-background-row-hover', slds: 'color-surface-container-2', light: '#f3f3f3', dark: '#2d2f34' },
  { name: 'color-background-selected', slds: 'color-accent-container-1', light: '#eef4ff', dark: '#0b2a4d' },
  { name: 'color-border', slds: 'color-border-1', light: '#c9c9c9', dark: '#5c5c5c' },
  { name: 'color-border-weak', slds: 'color-border-2', light: '#e5e5e5', dark: '#3e3e3e' },
  { name: 'color-success', slds: 'color-success-1', light: '#194e31', dark: '#91db8b' },
  { name: 'color-success-bg', slds: 'color-success-container-1', light: '#cdefc4', dark: '#194e31' },
  { name: 'color-warning', slds: 'color-warning-1', light: '#8c4b02', dark: '#ffba90' },
  { name: 'color-warning-bg', slds: 'color-warning-container-1', light: '#fedfd0', dark: '#5f3e02' },
  { name: 'color-error', slds: 'color-error-1', light: '#ba0517', dark: '#feb8ab' },
  { name: 'color-error-bg', slds: 'color-error-container-1', light: '#fddde3', dark: '#740000' },
  { name: 'color-info-bg', slds: 'color-info-container-1', light: '#d8e6fe', dark: '#0b2a4d' },
  { name: 'color-chart-1', light: '#0176d3' },
  { name: 'color-chart-2', light: '#06a59a' },
  { name: 'color-chart-3', light: '#9050e9' },
  { name: 'color-chart-4', light: '#fe9339' },
  { name: 'color-chart-5', light: '#e3066a' },
  { name: 'focus-ring', light: '0 0 3px #0176d3', dark: '0 0 3px #78b0fd', both: '0 0 3px light-dark(#0176d3, #78b0fd)' },
  { name: 'font-family', light: "-apple-system, 'Salesforce Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
  { name: 'font-size-1', light: '0.75rem' },
  { name: 'font-size-2', light: '0.8125rem' },
  { name: 'font-size-3', light: '0.875rem' },
  { name: 'font-size-5', light: '1rem' },
  { name: 'font-size-7', light: '1.25rem' },
  { name: 'font-size-9', light: '1.75rem' },
  { name: 'radius', slds: 'radius-border-2', light: '0.25rem' },
  { name: 'radius-card', slds: 'radius-border-2', light: '0.25rem' },
  { name: 'space-xx-small', slds: 'spacing-1', light: '0.25rem' },
  { name: 'space-x-small', slds: 'spacing-2', light: '0.5rem' },
  { name: 'space-small', slds: 'spacing-3', light: '0.75rem' },
  { name: 'space-medium', slds: 'spacing-4', light: '1rem' },
  { name: 'space-large', slds: 'spacing-5', light: '1.5rem' },
  { name: 'shadow-card', slds: 'shadow-1', light: '0 2px 2px 0 rgba(0, 0, 0, 0.1)' },
  { name: 'row-height', light: '2rem' },
];

const read = (t: Token, value: string, slds = true) =>
  `--_bec-${t.name}: var(--bec-${t.name}, ${slds && t.slds ? `var(--slds-g-${t.slds}, ${value})` : value});`;
const themed = TOKENS.filter((t) => t.dark);
const rules = (list: readonly Token[], value: (t: Token) => string, slds = true) => list.map((t) => read(t, value(t), slds)).join('\n');

export const themeTokens = css`
  :host {
    ${unsafeCSS(rules(TOKENS, (t) => t.light))}
    display: block;
    font-family: var(--_bec-font-family);
    font-size: var(--_bec-font-size-3);
    color: var(--_bec-color-text);
    line-height: 1.5;
  }
  /* No theme: the page's color-scheme decides, through light-dark() where the browser has it. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      ${unsafeCSS(rules(themed, (t) => t.both ?? `light-dark(${t.light}, ${t.dark})`))}
    }
  }
  :host([theme='light']) {
    color-scheme: light;
    ${unsafeCSS(rules(themed, (t) => t.light))}
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${unsafeCSS(rules(themed, (t) => t.dark!, false))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(rules(themed, (t) => t.dark!, false))}
    }
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
    background: var(--_bec-color-background);
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius-card);
    box-shadow: var(--_bec-shadow-card);
  }
  .card-header {
    display: flex;
    align-items: center;
    gap: var(--_bec-space-small);
    padding: var(--_bec-space-small) var(--_bec-space-medium);
    border-bottom: 1px solid var(--_bec-color-border-weak);
  }
  .card-header h2,
  .card-header h3 {
    margin: 0;
    font-size: var(--_bec-font-size-5);
    font-weight: 700;
    flex: 1;
  }
  button {
    font: inherit;
    font-size: var(--_bec-font-size-3);
    min-height: 2rem;
    padding: 0 var(--_bec-space-medium);
    border-radius: var(--_bec-radius);
    border: 1px solid var(--_bec-color-border);
    background: var(--_bec-color-background);
    color: var(--_bec-color-brand);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--_bec-color-background-alt);
  }
  button.brand {
    background: var(--_bec-color-brand);
    border-color: var(--_bec-color-brand);
    color: var(--_bec-color-brand-contrast);
  }
  button.brand:hover:not(:disabled) {
    background: var(--_bec-color-brand-dark);
  }
  button.destructive {
    color: var(--_bec-color-error);
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
    box-shadow: var(--_bec-focus-ring);
    border-color: var(--_bec-color-brand);
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: var(--_bec-font-size-3);
    color: var(--_bec-color-text);
    background: var(--_bec-color-background);
    border: 1px solid var(--_bec-color-border);
    border-radius: var(--_bec-radius);
    min-height: 2rem;
    padding: 0 var(--_bec-space-small);
    width: 100%;
  }
  textarea {
    padding: var(--_bec-space-x-small) var(--_bec-space-small);
    min-height: 4rem;
  }
  label,
  .label {
    display: block;
    font-size: var(--_bec-font-size-1);
    color: var(--_bec-color-text-weak);
    margin-bottom: 0.125rem;
  }
  .field {
    margin-bottom: var(--_bec-space-small);
  }
  .field[data-invalid] input,
  .field[data-invalid] select,
  .field[data-invalid] textarea,
  input[aria-invalid='true'] {
    border-color: var(--_bec-color-error);
    box-shadow: inset 0 0 0 1px var(--_bec-color-error);
  }
  .field-error {
    color: var(--_bec-color-error);
    font-size: var(--_bec-font-size-1);
    margin-top: 0.125rem;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_bec-space-x-small);
    border-radius: 1rem;
    font-size: var(--_bec-font-size-1);
    font-weight: 600;
    line-height: 1.25rem;
    background: var(--_bec-color-background-alt);
    color: var(--_bec-color-text);
    white-space: nowrap;
  }
  .badge[data-tone='success'] {
    background: var(--_bec-color-success-bg);
    color: var(--_bec-color-success);
  }
  .badge[data-tone='warning'] {
    background: var(--_bec-color-warning-bg);
    color: var(--_bec-color-warning);
  }
  .badge[data-tone='error'] {
    background: var(--_bec-color-error-bg);
    color: var(--_bec-color-error);
  }
  .badge[data-tone='info'] {
    background: var(--_bec-color-info-bg);
    color: var(--_bec-color-brand-dark);
  }
  .alert {
    padding: var(--_bec-space-x-small) var(--_bec-space-medium);
    border-radius: var(--_bec-radius);
    background: var(--_bec-color-error-bg);
    color: var(--_bec-color-error);
    margin: var(--_bec-space-x-small) 0;
  }
  .alert[data-tone='success'] {
    background: var(--_bec-color-success-bg);
    color: var(--_bec-color-success);
  }
  .muted,
  .waiting {
    color: var(--_bec-color-text-weak);
  }
  .waiting {
    padding: var(--_bec-space-x-small) var(--_bec-space-medium);
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
