/** The base of every BEC element: theme, locale, currency, the page's API client, and waiting for credentials. */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, apiFor, credentialEvents, type BecApi, type CredentialsChange } from './api.js';
import { becEvent, type BecEventDetails, type BecEventName } from './events.js';

export class BecElement extends LitElement {
  /**
   * Base URL of the BEC API; when set the element loads and saves through it ("" = same origin).
   * Setting it again, even to the same value, loads again.
   */
  @property({ attribute: 'api-base', hasChanged: () => true }) apiBase: string | null = null;
  /** BCP 47 locale for numbers, money and dates; the browser's when empty. */
  @property() locale = '';
  /** ISO 4217 currency used when the data carries none. */
  @property() currency = 'USD';
  /**
   * Colour theme. Unset: the page's `color-scheme` decides (light unless the page declares dark,
   * or `light dark` and the user prefers dark); `auto`: the user's `prefers-color-scheme`.
   */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** The API answered 401: no session or token yet. The element loads when credentials arrive. */
  @state() protected waitingForCredentials = false;

  protected get api(): BecApi | null {
    return this.apiBase === null ? null : apiFor(this.apiBase);
  }

  /** Loads the element's data through `api` (elements with server data override it). */
  async load(): Promise<void> {}

  private readonly onCredentials = (e: Event) => {
    const { baseUrl } = (e as CustomEvent<CredentialsChange>).detail;
    if (this.waitingForCredentials && this.api?.baseUrl === baseUrl) this.resume();
  };

  private resume() {
    this.waitingForCredentials = false;
    void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    credentialEvents.addEventListener('beccredentials', this.onCredentials);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    credentialEvents.removeEventListener('beccredentials', this.onCredentials);
  }

  protected override update(changed: PropertyValues<this>): void {
    // A new (or the same) api-base starts a new load (each element's willUpdate): no longer waiting.
    if (changed.has('apiBase')) this.waitingForCredentials = false;
    super.update(changed);
  }

  protected emit<K extends BecEventName>(name: K, detail: BecEventDetails[K]): boolean {
    return this.dispatchEvent(becEvent(name, detail));
  }

  /**
   * Reports a failed call as a `becerror` event and returns a message for the UI. A 401 is no
   * failure to show: the element waits for credentials (`renderWaiting()`), or loads again at once
   * when the credentials changed while the call was under way.
   */
  protected failed(err: unknown): string {
    const e = err instanceof ApiError ? err : null;
    const message = e ? e.detail : err instanceof Error ? err.message : String(err);
    this.emit('becerror', { code: e?.code ?? 'CLIENT_ERROR', message, status: e?.status });
    if (e?.status === 401 && this.api) {
      if (e.credentialsVersion !== this.api.credentialsVersion) queueMicrotask(() => this.resume());
      else this.waitingForCredentials = true;
      return '';
    }
    return message;
  }

  /** The waiting state, for each element's template. */
  protected renderWaiting() {
    return this.waitingForCredentials ? html`<div class="waiting" part="waiting" role="status">Waiting for sign-in…</div>` : nothing;
  }
}
