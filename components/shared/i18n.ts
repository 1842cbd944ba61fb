/**
 * The components' UI messages in English and French. `msg(locale, key, params)` picks the
 * language of the element's `locale` (else the browser's), falls back to English, and fills
 * `{name}` placeholders. Numbers, money and dates in `params` are formatted by the caller
 * (shared/format.ts), so the message only places them.
 */
const en = {
  'state.loading': 'Loading…',
  'state.error': 'Something went wrong',
  'state.offline': 'You are offline. What you see may be out of date.',
  'state.retry': 'Retry',
  'state.reachFailed': 'The server could not be reached ({detail}).',

  'requests.title': 'My special-price requests',
  'requests.empty': 'You have not requested a special price yet.',
  'requests.count': '{count} requests',
  'requests.requested': 'Requested',
  'requests.counter': 'Counter-offer',
  'requests.counterComment': 'Their comment',
  'requests.accept': 'Accept counter-offer',
  'requests.reject': 'Reject counter-offer',
  'requests.rejectReason': 'Why you turn it down (optional)',
  'requests.accepted': '{number}: counter-offer accepted, approved at the counter price',
  'requests.rejected': '{number}: counter-offer rejected, the request is withdrawn',
  'requests.decisionComment': 'Comment',
  'requests.part': 'Part',
  'requests.qty': 'Qty',
  'requests.value': 'Value',
  'requests.endCustomer': 'End customer',
  'requests.created': 'Sent',

  'status.pending': 'Pending',
  'status.approved': 'Approved',
  'status.declined': 'Declined',
  'status.countered': 'Countered',
  'status.withdrawn': 'Withdrawn',

  'queue.title': 'Approval queue',
  'queue.pending': '{count} pending',
  'queue.empty': 'Nothing waiting for you.',
  'queue.confirmApprove': 'Approve {number} at the requested price: {prices}?',
  'queue.confirmDiscards': 'Your counter-offer draft ({prices}) and its comment will be discarded.',
  'queue.confirm': 'Approve at the requested price',
  'queue.cancel': 'Cancel',

  'finance.title': 'Finance work queue',
  'finance.review': 'To review',
  'finance.authorize': 'To authorize',
  'finance.pay': 'To pay',
  'finance.emptyReview': 'No claim waits for review.',
  'finance.emptyAuthorize': 'No claim waits for authorization.',
  'finance.emptyPay': 'No claim waits for payment.',
  'finance.open': 'Open',
  'finance.authorizeAction': 'Authorize',
  'finance.payAction': 'Pay',
  'finance.claim': 'Claim',
  'finance.distributor': 'Distributor',
  'finance.claimed': 'Claimed',
  'finance.approved': 'Approved',
  'finance.lines': 'Lines',
  'finance.submitted': 'Submitted',
  'finance.ownAdjustment': 'You adjusted a line of this claim; another finance user must authorize it.',
  'finance.nothingApproved': 'Nothing is approved on this claim yet: review its lines first.',
  'finance.notAllowed': 'Your role may not {action} claims.',
  'finance.authorized': '{number} authorized for payment',
  'finance.paid': '{number} paid',
  'finance.needsReview': '{count} lines to check',

  'form.title': 'Request a special price',
  'form.submit': 'Submit request',
  'form.sending': 'Sending…',
  'form.sent': 'Request {number} sent for approval',
  'form.required': 'Fill in the request: at least a program, an end customer, dates and one product line',
  'form.notAmount': 'An amount such as {example}',
  'form.notQuantity': 'A whole number above 0',
  'form.noPrograms': 'No program is open to special-price requests for you.',
};
export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  'state.loading': 'Chargement…',
  'state.error': 'Une erreur est survenue',
  'state.offline': 'Vous êtes hors ligne. Ce que vous voyez peut être périmé.',
  'state.retry': 'Réessayer',
  'state.reachFailed': 'Le serveur est injoignable ({detail}).',

  'requests.title': 'Mes demandes de prix spécial',
  'requests.empty': 'Vous n’avez encore demandé aucun prix spécial.',
  'requests.count': '{count} demandes',
  'requests.requested': 'Demandé',
  'requests.counter': 'Contre-proposition',
  'requests.counterComment': 'Leur commentaire',
  'requests.accept': 'Accepter la contre-proposition',
  'requests.reject': 'Refuser la contre-proposition',
  'requests.rejectReason': 'Pourquoi vous la refusez (facultatif)',
  'requests.accepted': '{number} : contre-proposition acceptée, approuvée au prix proposé',
  'requests.rejected': '{number} : contre-proposition refusée, la demande est retirée',
  'requests.decisionComment': 'Commentaire',
  'requests.part': 'Référence',
  'requests.qty': 'Qté',
  'requests.value': 'Valeur',
  'requests.endCustomer': 'Client final',
  'requests.created': 'Envoyée',

  'status.pending': 'En attente',
  'status.approved': 'Approuvée',
  'status.declined': 'Refusée',
  'status.countered': 'Contre-proposition',
  'status.withdrawn': 'Retirée',

  'queue.title': 'File d’approbation',
  'queue.pending': '{count} en attente',
  'queue.empty': 'Rien ne vous attend.',
  'queue.confirmApprove': 'Approuver {number} au prix demandé : {prices} ?',
  'queue.confirmDiscards': 'Votre brouillon de contre-proposition ({prices}) et son commentaire seront abandonnés.',
  'queue.confirm': 'Approuver au prix demandé',
  'queue.cancel': 'Annuler',

  'finance.title': 'File de travail finance',
  'finance.review': 'À examiner',
  'finance.authorize': 'À autoriser',
  'finance.pay': 'À payer',
  'finance.emptyReview': 'Aucune réclamation à examiner.',
  'finance.emptyAuthorize': 'Aucune réclamation à autoriser.',
  'finance.emptyPay': 'Aucune réclamation à payer.',
  'finance.open': 'Ouvrir',
  'finance.authorizeAction': 'Autoriser',
  'finance.payAction': 'Payer',
  'finance.claim': 'Réclamation',
  'finance.distributor': 'Distributeur',
  'finance.claimed': 'Réclamé',
  'finance.approved': 'Approuvé',
  'finance.lines': 'Lignes',
  'finance.submitted': 'Soumise',
  'finance.ownAdjustment': 'Vous avez ajusté une ligne de cette réclamation ; un autre utilisateur finance doit l’autoriser.',
  'finance.nothingApproved': 'Rien n’est encore approuvé sur cette réclamation : examinez d’abord ses lignes.',
  'finance.notAllowed': 'Votre rôle ne permet pas de {action} les réclamations.',
  'finance.authorized': '{number} autorisée pour paiement',
  'finance.paid': '{number} payée',
  'finance.needsReview': '{count} lignes à vérifier',

  'form.title': 'Demander un prix spécial',
  'form.submit': 'Envoyer la demande',
  'form.sending': 'Envoi…',
  'form.sent': 'Demande {number} envoyée pour approbation',
  'form.required': 'Remplissez la demande : au moins un programme, un client final, des dates et une ligne de produit',
  'form.notAmount': 'Un montant tel que {example}',
  'form.notQuantity': 'Un nombre entier supérieur à 0',
  'form.noPrograms': 'Aucun programme n’est ouvert à vos demandes de prix spécial.',
};

export const MESSAGES: Record<'en' | 'fr', Record<MessageKey, string>> = { en, fr };

/** The catalog language for a BCP 47 locale ("fr-CA" → fr); English when there is no catalog for it. */
export function languageOf(locale?: string): keyof typeof MESSAGES {
  const tag = (locale || (typeof navigator !== 'undefined' ? navigator.language : '') || 'en').toLowerCase();
  const lang = tag.split('-')[0];
  return lang in MESSAGES ? (lang as keyof typeof MESSAGES) : 'en';
}

/** One message in the locale's language, its `{name}` placeholders filled from `params`. */
export function msg(locale: string | undefined, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[languageOf(locale)][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
