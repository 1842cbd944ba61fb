/**
 * The upload preflight's messages in English and French: its verdict sentences, duplicate rows and
 * the POS parser's row problems. Loaded with the preflight chunk (preflight.ts), so dist/bec.js does
 * not carry them; they join shared/i18n.ts's catalogs when this module loads.
 */
import type { PosErrorCode } from '../../core/pos/index.js';
import { addMessages, msg, type MessageKey } from '../shared/i18n.js';

const en = {
  'preflight.rejected': 'Would be rejected: {why}',
  'preflight.partial': 'Partly accepted ({count} units): {why}',
  'preflight.duplicate': 'Duplicate of row {row} (invoice {invoice} line {line}).',
  'preflight.value': 'The value',
  'preflight.summaryProblem': 'Checked {name}: {problem}',
  // English reads the parser's own sentence (core/pos, the server's words too): `{message}`.
  'pos.MISSING_REQUIRED_FIELD': '{message}',
  'pos.INVALID_DATE': '{message}',
  'pos.INVALID_NUMBER': '{message}',
  'pos.INVALID_QUANTITY': '{message}',
  'pos.INVALID_FLAG': '{message}',
  'pos.CURRENCY_MISMATCH': '{message}',
  'pos.NEGATIVE_AMOUNT': '{message}',
  'pos.RETURN_FLAG_CONFLICT': '{message}',
  'pos.VALUE_TOO_LONG': '{message}',
  'pos.CONTROL_CHARACTER': '{message}',
  'pos.ROW_TOO_LONG': '{message}',
  'pos.MALFORMED_ROW': '{message}',
  'pos.MAPPING_INCOMPLETE': '{message}',
  'pos.MAPPING_AMBIGUOUS': '{message}',
  'pos.DECIMAL_MARK_AMBIGUOUS': '{message}',
  'pos.DATE_ORDER_AMBIGUOUS': '{message}',
  'pos.ENCODING_INVALID': '{message}',
  'pos.UNSUPPORTED_FILE': '{message}',
  'pos.EMPTY_FILE': '{message}',
} satisfies Record<`pos.${PosErrorCode}` | `preflight.${string}`, string>;

const fr: Record<keyof typeof en, string> = {
  'preflight.rejected': 'Serait rejetée : {why}',
  'preflight.partial': 'Acceptée en partie ({count} unités) : {why}',
  'preflight.duplicate': 'Doublon de la ligne {row} du fichier (facture {invoice}, ligne {line}).',
  'preflight.value': 'La valeur',
  'preflight.summaryProblem': '{name} vérifié : {problem}',
  'pos.MISSING_REQUIRED_FIELD': 'Valeur vide ou manquante : la ligne en a besoin.',
  'pos.INVALID_DATE': '{value} n’est pas une date lisible.',
  'pos.INVALID_NUMBER': '{value} n’est pas un nombre lisible.',
  'pos.INVALID_QUANTITY': '{value} n’est pas une quantité : un nombre entier non nul (négatif pour un retour).',
  'pos.INVALID_FLAG': '{value} n’est ni oui ni non.',
  'pos.CURRENCY_MISMATCH': '{value} est dans une autre devise que celle du fichier : les montants ne sont pas convertis.',
  'pos.NEGATIVE_AMOUNT':
    '{value} est négatif : les montants d’une vente ne sont jamais inférieurs à zéro (un retour a une quantité négative ou son indicateur de retour).',
  'pos.RETURN_FLAG_CONFLICT': 'L’indicateur de retour dit une vente, mais la quantité est négative (un retour) : corrigez l’un des deux.',
  'pos.VALUE_TOO_LONG': 'La valeur est trop longue.',
  'pos.CONTROL_CHARACTER': 'La valeur contient un caractère de contrôle : le fichier n’est pas du texte à cet endroit.',
  'pos.ROW_TOO_LONG': 'La ligne est trop longue.',
  'pos.MALFORMED_ROW': 'La ligne n’a pas autant de cellules que l’en-tête : une valeur contient sans doute le séparateur sans guillemets.',
  'pos.MAPPING_INCOMPLETE': 'Cette colonne manque à l’en-tête du fichier.',
  'pos.MAPPING_AMBIGUOUS': 'Plusieurs colonnes du fichier peuvent être ce champ : choisissez-la dans la correspondance des colonnes.',
  'pos.DECIMAL_MARK_AMBIGUOUS':
    'Le séparateur décimal du fichier est ambigu : choisissez le point ou la virgule dans les options du fichier.',
  'pos.DATE_ORDER_AMBIGUOUS': 'L’ordre des dates du fichier est ambigu : choisissez jour/mois ou mois/jour dans les options du fichier.',
  'pos.ENCODING_INVALID': 'Le fichier ne se lit pas dans son encodage (UTF-8, Windows-1252 ou UTF-16).',
  'pos.UNSUPPORTED_FILE': 'Ce fichier n’est pas un CSV (un fichier compressé ou un classeur Excel) : enregistrez-le au format CSV (UTF-8).',
  'pos.EMPTY_FILE': 'Le fichier est vide : il n’a pas de ligne d’en-tête.',
};

export type PreflightMessageKey = keyof typeof en;

addMessages({ en, fr });

/** A parser problem in the reader's language: the parser's sentence in English, the catalog's elsewhere ("« 31.02.2026 » n’est pas une date lisible."). */
export function posProblemText(e: { code: PosErrorCode; value: string | null; message: string }, locale?: string): string {
  const key = `pos.${e.code}` as MessageKey;
  if (!(key in en)) return e.message;
  const value = e.value ? `« ${e.value} »` : msg(locale, 'preflight.value');
  return msg(locale, key, { value, message: e.message });
}
