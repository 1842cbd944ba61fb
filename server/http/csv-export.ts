/**
 * How every CSV route answers (core/csv.ts writes the file): the dialect is asked for with
 * `?delimiter=` and `?decimal=`, and what is not asked for follows the request's Accept-Language
 * (German or French Excel reads `;` and decimal commas); an explicit parameter always wins.
 */
import type { Request, Response } from 'express';
import {
  CSV_DECIMAL_NAMES,
  CSV_DELIMITER_NAMES,
  csvDialectForAcceptLanguage,
  resolveCsvDialect,
  type CsvDecimalName,
  type CsvDelimiterName,
  type CsvDialect,
} from '../../core/csv.js';
import { z } from './openapi.js';

/** The dialect's query parameters, spread into a CSV route's query schema. */
export const csvDialectQuery = {
  delimiter: z.enum(CSV_DELIMITER_NAMES).optional().openapi({
    description:
      "the CSV's separator: comma, semicolon or tab. Default: the list separator of Excel in the request's Accept-Language (semicolon for de, fr, es, it, nl, pt, pl, ru, tr, the Nordic languages...; comma otherwise)",
  }),
  decimal: z.enum(CSV_DECIMAL_NAMES).optional().openapi({
    description:
      "the decimal mark of amounts, prices, rates and ratios in the CSV: point or comma (text cells are never changed). Default: the Accept-Language's (comma where Excel's is; point with delimiter=comma)",
  }),
};

export interface CsvDialectAsked {
  delimiter?: CsvDelimiterName | undefined;
  decimal?: CsvDecimalName | undefined;
}

/** The dialect of a request: the parameters given, the rest from Accept-Language. */
export function csvDialectOf(req: Request, asked: CsvDialectAsked): CsvDialect {
  return resolveCsvDialect(asked, csvDialectForAcceptLanguage(req.get('Accept-Language')));
}

/**
 * Answers a CSV file in the request's dialect, as an attachment named `fileName`. When a part of
 * the dialect came from Accept-Language the answer says so in `Vary`, so that no cache serves a
 * German reader's file to an English one.
 */
export async function sendCsv(
  req: Request,
  res: Response,
  asked: CsvDialectAsked,
  fileName: string,
  write: (dialect: CsvDialect) => string | Promise<string>,
): Promise<void> {
  const text = await write(csvDialectOf(req, asked));
  if (asked.delimiter === undefined || asked.decimal === undefined) res.vary('Accept-Language');
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${fileName}"`).send(text);
}
