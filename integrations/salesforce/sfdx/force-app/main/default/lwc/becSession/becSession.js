/**
 * One place for what every BEC panel on a Lightning page needs: the bec-* bundle loaded once from
 * the static resource, and one sign-in per page through the Apex embed exchange
 * (BecEmbedController.embedToken: BEC issues a short-lived token for this Salesforce user, mapped by
 * federation id or e-mail, read-only unless the user holds the BEC_Embedded_Write permission).
 */
import { loadScript } from 'lightning/platformResourceLoader';
import BEC_BUNDLE from '@salesforce/resourceUrl/bec';
import embedToken from '@salesforce/apex/BecEmbedController.embedToken';

let signedIn = null;

/** The bundle's API (`window.BEC`: apiFor, configureApi, ...), after loadScript defined every bec-* element. */
export async function loadBec(component) {
  await loadScript(component, BEC_BUNDLE);
  return window.BEC;
}

/**
 * Signs the page's BEC client in (once per page; again after `reset()`, e.g. when the access
 * token expired). Resolves to `{ apiBase, scopes }`: the BEC origin the named credential points at.
 */
export function signIn(bec) {
  if (!signedIn) {
    signedIn = (async () => {
      const issued = await embedToken();
      await bec.apiFor(issued.apiBase).signInWithEmbedToken(issued.token);
      return { apiBase: issued.apiBase, scopes: issued.scopes };
    })();
    // A failed sign-in is not remembered: the next panel tries again.
    signedIn.catch(() => {
      signedIn = null;
    });
  }
  return signedIn;
}

/** Forgets the sign-in: the next `signIn` asks Apex for a new embed token. */
export function reset() {
  signedIn = null;
  renewing = null;
}

let renewing = null;

/**
 * Signs in again after BEC answered 401 (the access token expired or was revoked). The elements
 * of every panel fail together: they share one renewal, not one Apex call each.
 */
export function renew(bec) {
  if (!renewing) {
    signedIn = null;
    renewing = signIn(bec).finally(() => {
      renewing = null;
    });
  }
  return renewing;
}

/** The words of an error from Apex (AuraHandledException), loadScript or BEC. */
export function reasonOf(error) {
  return error?.body?.message ?? error?.message ?? String(error);
}
