/**
 * The states every element shows the same way (issue 14 item 4): loading, empty, error and
 * offline are distinct. An error shows the problem's `detail` and a Retry button; offline (the
 * browser says so, or the call never reached the server) says that, and also offers Retry.
 */
import { html, nothing } from 'lit';
import { ApiError } from './api.js';

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

/** The error or offline state, with Retry. */
export function renderProblem(problem: Problem | null) {
  if (!problem) return nothing;
  const retry = problem.retry ? html`<button type="button" @click=${problem.retry}>Retry</button>` : nothing;
  return problem.offline
    ? html`<div class="alert" part="offline" role="alert" data-state="offline">
        <strong>You are offline.</strong> ${problem.what} could not reach the server; nothing was lost. ${retry}
      </div>`
    : html`<div class="alert" part="error" role="alert" data-state="error">
        <strong>${problem.what} failed:</strong> ${problem.detail || problem.code} ${retry}
      </div>`;
}
