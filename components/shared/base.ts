/** The base of every BEC element: theme, locale, currency and the page's API client. */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiError, apiFor, type BecApi } from './api.js';
import { becEvent, type BecEventDetails, type BecEventName } from './events.js';

export class BecElement extends LitElement {
  /** Base URL of the BEC API; when set the element loads and saves through it ("" = same origin). */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;
  /** BCP 47 locale for numbers, money and dates; the browser's when empty. */
  @property() locale = '';
  /** ISO 4217 currency used when the data carries none. */
  @property() currency = 'USD';
  /** Colour theme. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';

  protected get api(): BecApi | null {
    return this.apiBase === null ? null : apiFor(this.apiBase);
  }

  protected emit<K extends BecEventName>(name: K, detail: BecEventDetails[K]): boolean {
    return this.dispatchEvent(becEvent(name, detail));
  }

  /** Reports a failed call as a `becerror` event and returns a message for the UI. */
  protected failed(err: unknown): string {
    const e = err instanceof ApiError ? err : null;
    const message = e ? e.detail : err instanceof Error ? err.message : String(err);
    this.emit('becerror', { code: e?.code ?? 'CLIENT_ERROR', message, status: e?.status });
    return message;
  }
}
