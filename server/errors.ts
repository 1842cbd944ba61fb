/** One typed error for the whole server, turned into application/problem+json by one middleware. */
import type { ErrorRequestHandler, RequestHandler } from 'express';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details: { errors?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(message);
  }
}

/** An error's message with its driver's (Sequelize wraps them, sometimes with an empty message). */
export const errorText = (err: unknown) =>
  `${(err as Error | null)?.message ?? ''} ${(err as { parent?: { message?: string } } | null)?.parent?.message ?? ''}`;

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`, 404);
export const forbidden = (message = 'you may not do this') => new AppError('FORBIDDEN', message, 403);
export const conflict = (code: string, message: string) => new AppError(code, message, 409);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const apiNotFound: RequestHandler = (req) => {
  throw new AppError('ROUTE_NOT_FOUND', `no route for ${req.method} ${req.path}`, 404);
};

/** Never echoes a stack trace or SQL: unknown errors are logged and answered with a generic 500. */
export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  let problem: AppError;
  if (err instanceof AppError) problem = err;
  else if (err?.type === 'entity.parse.failed') problem = new AppError('MALFORMED_JSON', 'the request body is not valid JSON', 400);
  else if (err?.type === 'entity.too.large') problem = new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large', 413);
  else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported')
    problem = new AppError('UNSUPPORTED_MEDIA_TYPE', String(err.message), 415);
  else if (err?.type === 'request.aborted' || err?.type === 'request.size.invalid')
    problem = new AppError('BODY_INCOMPLETE', 'the request body ended early', 400);
  // The router could not percent-decode a path parameter (`/api/claims/%ZZ`): the caller's error.
  else if (err instanceof URIError && (err as URIError & { status?: number }).status === 400)
    problem = new AppError('MALFORMED_PATH', 'a path parameter is not valid percent-encoding', 400);
  // Any other client error a library raised reading the request (http-errors marks those it may
  // show with `expose`): a body whose Content-Encoding does not decode, above all. Its own 4xx.
  else if (Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 && err.expose === true) {
    const encoding = req.get('content-encoding');
    problem =
      encoding && !/^identity$/i.test(encoding)
        ? new AppError(
            'BODY_NOT_DECODABLE',
            `the request body does not decode as its Content-Encoding (${encoding.slice(0, 40)})`,
            err.status,
          )
        : new AppError('BAD_REQUEST', 'the request could not be read', err.status);
  } else {
    console.error(`[${req.method} ${req.originalUrl}]`, err);
    problem = new AppError('INTERNAL', 'an unexpected error occurred', 500);
  }
  // A body over the cap is not read to its end: the connection is not reused for another request.
  if (problem.status === 413) res.set('Connection', 'close');
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `https://bec.dev/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[problem.status] ?? 'Error',
      status: problem.status,
      code: problem.code,
      detail: problem.message,
      instance: req.originalUrl,
      ...problem.details,
    });
};
