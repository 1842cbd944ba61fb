/**
 * Elements dist/bec.js defines on first use: their code is a chunk of its own (`import()`), not
 * part of bec.js's first load, and the tag still works on any page that imported bec.js. The
 * chunk loads as soon as such an element is in the document (already there when bec.js runs, or
 * added later: parsed, `appendChild`, `innerHTML`), and the element upgrades: attributes and
 * properties set before keep their values (Lit takes them over). Methods (`load()`, `decide()`)
 * exist once the element is defined: `await customElements.whenDefined(tag)` first.
 *
 * The document's tree is watched, not the host page's own shadow roots: a page that puts one of
 * these elements inside a shadow root of its own calls `loadElement(tag)` first. dist/bec-admin.js
 * defines them at once (the vendor console), and so does the Salesforce static resource.
 */
const ON_DEMAND = {
  // The approver's queue: only the vendor's channel managers see it (the console, a CRM record page).
  'bec-approval-queue': () => import('./approval-queue/approval-queue.js'),
  // Channel analytics: the vendor's (the accrual dashboard's Analytics section imports it too).
  'bec-channel-analytics': () => import('./channel-analytics/channel-analytics.js'),
} as const;

/** The tags dist/bec.js defines on first use. */
export type OnDemandTag = keyof typeof ON_DEMAND;
export const ON_DEMAND_TAGS = Object.keys(ON_DEMAND) as OnDemandTag[];

const loading = new Map<OnDemandTag, Promise<CustomElementConstructor>>();

/**
 * Loads an on-demand element's code and resolves to its class once the tag is defined (at once
 * when it already is). A failed load (the network) is tried again on the next call or use.
 */
export function loadElement(tag: OnDemandTag): Promise<CustomElementConstructor> {
  let done = loading.get(tag);
  if (!done) {
    done = ON_DEMAND[tag]().then(() => customElements.whenDefined(tag));
    done.catch(() => loading.delete(tag));
    loading.set(tag, done);
  }
  return done;
}

/** Loads every on-demand element used in `root` (the document watches itself; a host calls it for a shadow root of its own). */
export function defineUsedElements(root: ParentNode): void {
  for (const tag of ON_DEMAND_TAGS)
    if (!loading.has(tag) && !customElements.get(tag) && ((root as Element).localName === tag || root.querySelector(tag)))
      void loadElement(tag).catch(() => undefined);
}

/** Watches the document for the first use of each on-demand tag; stops once all are loading. */
function watchDocument(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const waiting = () => ON_DEMAND_TAGS.some((tag) => !loading.has(tag) && !customElements.get(tag));
  defineUsedElements(document);
  if (!waiting()) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) defineUsedElements(node);
    if (!waiting()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

watchDocument();
