/**
 * The four states of an element's data, kept apart so a failure never looks like an empty list:
 * loading, empty, error (with the problem's `detail` and a Retry) and offline (with a Retry, and
 * loaded again when the browser is back online). An element owns one `ViewStateController` per
 * load, runs its loading through `track()`, and renders `renderViewState()` where its content goes.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError } from './api.js';
import { msg } from './i18n.js';

export type ViewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'error'; detail: string; code: string; status?: number }
  | { kind: 'offline' };

/** True when the browser says it is offline. */
const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export class ViewStateController implements ReactiveController {
  state: ViewState = { kind: 'idle' };
  private last: (() => Promise<void>) | null = null;

  /**
   * `report` turns a failure into the message to show, and reports it (the element's `failed()`):
   * an empty message means there is nothing to show (a 401: the element waits for credentials).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly report: (err: unknown) => string,
  ) {
    host.addController(this);
  }

  private readonly onOnline = () => {
    if (this.state.kind === 'offline') void this.retry();
  };

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.onOnline);
  }
  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  private set(state: ViewState) {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Runs `load` as the element's loading: loading while it runs, then ready, error or offline. */
  async track(load: () => Promise<void>): Promise<void> {
    this.last = load;
    this.set({ kind: 'loading' });
    try {
      await load();
      this.set({ kind: 'ready' });
    } catch (err) {
      this.set(this.stateFor(err));
    }
  }

  /** Runs the last load again (the Retry button). */
  retry(): Promise<void> {
    return this.last ? this.track(this.last) : Promise.resolve();
  }

  private stateFor(err: unknown): ViewState {
    const message = this.report(err);
    if (!message) return { kind: 'idle' };
    // fetch rejects with a TypeError when no answer came at all: offline if the browser says so.
    const unreachable = !(err instanceof ApiError) || err.status === 0;
    if (unreachable && browserOffline()) return { kind: 'offline' };
    if (err instanceof ApiError && err.status !== 0)
      return { kind: 'error', detail: err.detail || err.code, code: err.code, status: err.status };
    return { kind: 'error', detail: message, code: 'NETWORK_ERROR' };
  }

  get loading(): boolean {
    return this.state.kind === 'loading';
  }
}

/**
 * What to show instead of the content, or `nothing` when the content should show: loading (only
 * while there is nothing yet), error and offline (always, with Retry; content already shown
 * stays under them), empty (when loaded and `empty`, and not `waiting` for credentials).
 */
export function renderViewState(
  controller: ViewStateController,
  options: { empty: boolean; emptyText: string; locale?: string; hasContent?: boolean; waiting?: boolean },
) {
  const { state } = controller;
  const retry = html`<button type="button" part="retry" @click=${() => controller.retry()}>${msg(options.locale, 'state.retry')}</button>`;
  switch (state.kind) {
    case 'loading':
      return options.hasContent
        ? nothing
        : html`<div class="state" part="loading" role="status" aria-busy="true">${msg(options.locale, 'state.loading')}</div>`;
    case 'error':
      return html`<div class="state state-error" part="error" role="alert">
        <strong>${msg(options.locale, 'state.error')}</strong>
        <span class="state-detail"
          >${
            state.code === 'NETWORK_ERROR'
              ? msg(options.locale, 'state.reachFailed', { detail: state.detail })
              : `${state.status ? `${state.status} · ` : ''}${state.detail}`
          }</span
        >
        ${retry}
      </div>`;
    case 'offline':
      return html`<div class="state state-offline" part="offline" role="alert">
        <span>${msg(options.locale, 'state.offline')}</span>
        ${retry}
      </div>`;
    default:
      // idle: no API (data given as properties) or waiting for credentials (the waiting part says so).
      return options.empty && !options.waiting ? html`<div class="state" part="empty">${options.emptyText}</div>` : nothing;
  }
}

/** Shows the content only when the state allows it: loaded (or reloading) and not empty. */
export function showsContent(controller: ViewStateController, empty: boolean): boolean {
  const k = controller.state.kind;
  return !empty && (k === 'ready' || k === 'loading' || k === 'idle');
}

/** The look of the states; reads only the theme's tokens. */
export const stateStyles = css`
  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bec-space-small);
    padding: var(--_bec-space-large) var(--_bec-space-medium);
    color: var(--_bec-color-text-weak);
    justify-content: center;
    text-align: center;
  }
  .state-error,
  .state-offline {
    padding: var(--_bec-space-small) var(--_bec-space-medium);
    justify-content: flex-start;
    text-align: left;
  }
  .state-error {
    background: var(--_bec-color-error-bg);
    color: var(--_bec-color-error);
  }
  .state-offline {
    background: var(--_bec-color-warning-bg);
    color: var(--_bec-color-warning);
  }
  .state-detail {
    flex: 1 1 12rem;
  }
`;

// ---------------------------------------------------------------------------------------------
// An action's failure (an upload, a submission) and a one-shot load without a controller: the
// same states as plain functions, for elements that keep their own loading flag.
// ---------------------------------------------------------------------------------------------

/** A failed call as the element shows it. */
export interface Problem {
  /** The server was not reached: the browser is offline or the network failed. */
  offline: boolean;
  /** The problem's `detail` (or the error's message). */
  detail: string;
  /** The problem's code, e.g. `VALIDATION_FAILED`; `NETWORK_ERROR` when offline. */
  code: string;
  /** What failed, as the message starts: "The upload", "Loading the figures". */
  what: string;
  /** Tries again; no Retry button without it. */
  retry?: () => void;
}

/** True for a call that never reached the server (fetch's TypeError, an XHR error, or the browser offline). */
export function isOffline(err: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  if (err instanceof ApiError) return err.status === 0;
  return err instanceof TypeError;
}

/** Turns a caught error (its `detail` as `BecElement.failed()` reported it) into the problem to show. */
export function problemOf(err: unknown, detail: string, what: string, retry?: () => void): Problem {
  const offline = isOffline(err);
  return {
    offline,
    detail,
    code: offline ? 'NETWORK_ERROR' : err instanceof ApiError ? err.code : 'CLIENT_ERROR',
    what,
    retry,
  };
}

/** The loading state: a polite status line. */
export function renderLoading(text: string) {
  return html`<div class="state" part="loading" role="status" aria-busy="true">${text}</div>`;
}

/** The empty state: nothing to show, said as such (not an error). */
export function renderEmpty(text: string) {
  return html`<div class="state" part="empty">${text}</div>`;
}

/** The error or offline state, with Retry, in the locale's language. */
export function renderProblem(problem: Problem | null, locale?: string) {
  if (!problem) return nothing;
  const retry = problem.retry ? html`<button type="button" @click=${problem.retry}>${msg(locale, 'state.retry')}</button>` : nothing;
  return problem.offline
    ? html`<div class="alert" part="offline" role="alert" data-state="offline">
        <strong>${msg(locale, 'state.offlineTitle')}</strong> ${msg(locale, 'state.offlineWhat', { what: problem.what })} ${retry}
      </div>`
    : html`<div class="alert" part="error" role="alert" data-state="error">
        <strong>${msg(locale, 'state.failed', { what: problem.what })}</strong> ${problem.detail || problem.code} ${retry}
      </div>`;
}
