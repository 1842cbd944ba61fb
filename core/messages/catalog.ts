/**
 * The message catalog: one sentence builder per reason code, in English and French. Figures
 * arrive formatted (Intl, in the reader's locale and the line's currency); a catalog only words them.
 */
export type MessageLocale = 'en' | 'fr';

export interface Catalog {
  authNotFound(authorization: string): string;
  authExpired(shipDateChecked: boolean, date: string, validFrom: string, validTo: string): string;
  authCancelled(shipDateChecked: boolean, date: string, authorization: string, cancelledFrom: string): string;
  authNotForDistributor(authorization: string): string;
  authClosedLost(shipDateChecked: boolean, date: string, closedLostOn: string, authorization: string): string;
  partMismatch(part: string, authorization: string, authorizedPart: string | null): string;
  endCustomerMismatch(claimed: string, authorized: string): string;
  quantityExceeds(claimed: string, remaining: string, accepted: string, approved: string): string;
  costBelowAuthorized(claimedCost: string, authorizedCost: string): string;
  resaleAboveMaximum(resale: string, maximum: string): string;
  bookNotAboveAuthorized(bookCost: string, authorizedCost: string): string;
  priceAboveAuthorized(claimedCost: string, authorizedCost: string): string;
  amountOverClaimed(claimed: string, computed: string): string;
  duplicateLine(invoice: string, invoiceLine: string, otherLine: string | null): string;
  alreadyClaimed(invoice: string, invoiceLine: string): string;
  missingFields(fields: string[]): string;
  noPosMatch(invoice: string, invoiceLine: string): string;
  /** FILING_WINDOW_CLOSED: the invoice date, the last day a claim could be submitted and the window in days */
  filingWindowClosed(invoiceDate: string, deadline: string, days: string): string;
  adjusted(approved: string, claimed: string, reason: string | null): string;
  unknownReason(code: string): string;
  verdictOnly(verdict: string, approved: string, claimed: string): string;
  /** A field's name in words ("invoiceDate" → "the invoice date"). */
  fieldName(field: string): string;
  /** Labels of the detail panel and the dispute form. */
  ui: {
    why: string;
    details: string;
    adjustmentReason: string;
    dispute: string;
    disputeComment: string;
    resubmit: string;
    accept: string;
    reject: string;
    decisionComment: string;
    thread: string;
  };
}

const EN_FIELDS: Record<string, string> = {
  authorizationNumber: 'the authorization number',
  invoiceNumber: 'the invoice number',
  invoiceLine: 'the invoice line',
  invoiceDate: 'the invoice date',
  shipDate: 'the ship date',
  quantity: 'the quantity',
  bookCost: 'the book cost',
  authorizedCost: 'the debit cost',
  resalePrice: 'the resale price',
  claimedAmount: 'the claimed amount',
  endCustomerName: 'the end customer',
  vendorPartNumber: 'the part number',
};
const FR_FIELDS: Record<string, string> = {
  authorizationNumber: "le numéro d'autorisation",
  invoiceNumber: 'le numéro de facture',
  invoiceLine: 'la ligne de facture',
  invoiceDate: 'la date de facture',
  shipDate: "la date d'expédition",
  quantity: 'la quantité',
  bookCost: 'le coût catalogue',
  authorizedCost: 'le coût de débit',
  resalePrice: 'le prix de revente',
  claimedAmount: 'le montant réclamé',
  endCustomerName: 'le client final',
  vendorPartNumber: 'la référence',
};

const en: Catalog = {
  authNotFound: (a) => `Authorization ${a} does not exist.`,
  authExpired: (ship, d, from, to) =>
    `The ${ship ? 'ship' : 'invoice'} date ${d} is outside the authorization's validity (${from} to ${to}).`,
  authNotForDistributor: (a) => `Authorization ${a} was not issued to your company.`,
  authCancelled: (ship, d, a, from) =>
    `Authorization ${a} was cancelled from ${from}: the ${ship ? 'ship' : 'invoice'} date ${d} is no longer covered.`,
  authClosedLost: (ship, d, lost, a) =>
    `The ${ship ? 'ship' : 'invoice'} date ${d} is after ${lost}, when the opportunity of authorization ${a} was lost; earlier sales stay valid.`,
  partMismatch: (p, a, ap) => `Part ${p} is not on authorization ${a}${ap ? ` (it authorizes ${ap})` : ''}.`,
  endCustomerMismatch: (c, a) => `You sold to ${c}; the authorization is for ${a}.`,
  quantityExceeds: (q, left, acc, appr) => `You claimed ${q} units; ${left} of the ${appr} approved remained, so ${acc} were accepted.`,
  costBelowAuthorized: (cc, ac) => `You claimed ${cc} a unit; the authorized cost is ${ac}.`,
  resaleAboveMaximum: (r, m) => `You resold at ${r} a unit; the authorization allows at most ${m}.`,
  bookNotAboveAuthorized: (b, a) => `Your book cost ${b} is not above the authorized cost ${a}, so there is nothing to recover.`,
  priceAboveAuthorized: (cc, ac) => `The price does not fit the authorization: you claimed ${cc} a unit; the authorized cost is ${ac}.`,
  amountOverClaimed: (c, k) => `You claimed ${c}; the authorization gives ${k}, so the credit was cut to ${k}.`,
  duplicateLine: (i, l, o) => `Invoice ${i} line ${l} appears twice in this claim${o ? ` (also line ${o})` : ''}.`,
  alreadyClaimed: (i, l) => `Invoice ${i} line ${l} was already claimed in another claim or program.`,
  missingFields: (f) => (f.length ? `Missing or invalid: ${f.join(', ')}.` : 'A required field is missing or invalid.'),
  noPosMatch: (i, l) => `No point-of-sale line matches invoice ${i} line ${l}.`,
  filingWindowClosed: (inv, end, days) => `Invoiced ${inv}; the window to claim it closed ${end} (${days} days).`,
  adjusted: (a, c, r) => `Finance adjusted the credit to ${a} (you claimed ${c})${r ? `: “${r}”` : ''}.`,
  unknownReason: (code) => `Reason ${code}.`,
  verdictOnly: (v, a, c) =>
    v === 'accepted' ? `Accepted: ${a} of the ${c} claimed.` : v === 'pending' ? 'Not yet validated.' : `${v}: ${a} of the ${c} claimed.`,
  fieldName: (f) => EN_FIELDS[f] ?? f,
  ui: {
    why: 'Why',
    details: 'Details',
    adjustmentReason: "Finance's reason",
    dispute: 'Dispute this line',
    disputeComment: 'Your comment',
    resubmit: 'Dispute and resubmit',
    accept: 'Accept dispute',
    reject: 'Reject dispute',
    decisionComment: 'Comment on the decision',
    thread: 'Dispute thread',
  },
};

const fr: Catalog = {
  authNotFound: (a) => `L'autorisation ${a} n'existe pas.`,
  authExpired: (ship, d, from, to) =>
    `La date ${ship ? "d'expédition" : 'de facture'} ${d} est hors de la validité de l'autorisation (du ${from} au ${to}).`,
  authNotForDistributor: (a) => `L'autorisation ${a} n'a pas été accordée à votre société.`,
  authCancelled: (ship, d, a, from) =>
    `L'autorisation ${a} est annulée depuis le ${from} : la date ${ship ? "d'expédition" : 'de facture'} ${d} n'est plus couverte.`,
  authClosedLost: (ship, d, lost, a) =>
    `La date ${ship ? "d'expédition" : 'de facture'} ${d} est postérieure au ${lost}, date à laquelle l'opportunité de l'autorisation ${a} a été perdue ; les ventes antérieures restent valables.`,
  partMismatch: (p, a, ap) => `La référence ${p} ne figure pas sur l'autorisation ${a}${ap ? ` (elle autorise ${ap})` : ''}.`,
  endCustomerMismatch: (c, a) => `Vous avez vendu à ${c} ; l'autorisation est pour ${a}.`,
  quantityExceeds: (q, left, acc, appr) =>
    `Vous avez réclamé ${q} unités ; il en restait ${left} sur les ${appr} approuvées, ${acc} ont donc été acceptées.`,
  costBelowAuthorized: (cc, ac) => `Vous avez réclamé ${cc} l'unité ; le coût autorisé est de ${ac}.`,
  resaleAboveMaximum: (r, m) => `Vous avez revendu à ${r} l'unité ; l'autorisation permet au plus ${m}.`,
  bookNotAboveAuthorized: (b, a) => `Votre coût catalogue ${b} n'est pas supérieur au coût autorisé ${a} : il n'y a rien à récupérer.`,
  priceAboveAuthorized: (cc, ac) =>
    `Le prix ne respecte pas l'autorisation : vous avez réclamé ${cc} l'unité ; le coût autorisé est de ${ac}.`,
  amountOverClaimed: (c, k) => `Vous avez réclamé ${c} ; l'autorisation donne ${k}, le crédit a donc été ramené à ${k}.`,
  duplicateLine: (i, l, o) => `La facture ${i} ligne ${l} figure deux fois dans cette demande${o ? ` (aussi ligne ${o})` : ''}.`,
  alreadyClaimed: (i, l) => `La facture ${i} ligne ${l} a déjà été réclamée dans une autre demande ou un autre programme.`,
  missingFields: (f) => (f.length ? `Manquant ou invalide : ${f.join(', ')}.` : 'Un champ obligatoire manque ou est invalide.'),
  noPosMatch: (i, l) => `Aucune ligne de vente ne correspond à la facture ${i} ligne ${l}.`,
  filingWindowClosed: (inv, end, days) => `Facturée le ${inv} ; le délai pour la réclamer a expiré le ${end} (${days} jours).`,
  adjusted: (a, c, r) => `La finance a ajusté le crédit à ${a} (vous aviez réclamé ${c})${r ? ` : « ${r} »` : ''}.`,
  unknownReason: (code) => `Motif ${code}.`,
  verdictOnly: (v, a, c) =>
    v === 'accepted' ? `Acceptée : ${a} sur ${c} réclamés.` : v === 'pending' ? 'Pas encore validée.' : `${v} : ${a} sur ${c} réclamés.`,
  fieldName: (f) => FR_FIELDS[f] ?? f,
  ui: {
    why: 'Pourquoi',
    details: 'Détails',
    adjustmentReason: 'Motif de la finance',
    dispute: 'Contester cette ligne',
    disputeComment: 'Votre commentaire',
    resubmit: 'Contester et soumettre à nouveau',
    accept: 'Accepter la contestation',
    reject: 'Rejeter la contestation',
    decisionComment: 'Commentaire sur la décision',
    thread: 'Fil de la contestation',
  },
};

export const CATALOGS: Record<MessageLocale, Catalog> = { en, fr };
