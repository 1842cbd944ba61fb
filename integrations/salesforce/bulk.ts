/**
 * Bulk API 2.0 query jobs over plain HTTP through the jsforce connection (its session, refreshed
 * on INVALID_SESSION_ID): create a job, poll it until JobComplete, then read its CSV results page
 * by page, each page naming the next in its Sforce-Locator header ('null' after the last).
 * jsforce's own bulk2.query() joins every page into one stream and hides the locator, so a run
 * could neither store page by page nor resume a job it did not finish; this keeps both.
 */
import type { SalesforceConnection } from './connection.js';
import { sleep } from './retry.js';

export interface BulkJobInfo {
  id: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  numberRecordsProcessed?: number;
  errorMessage?: string;
}

const jobsPath = (conn: SalesforceConnection) => `/services/data/v${conn.version}/jobs/query`;

/** Creates a queryAll job (records in the recycle bin arrive with IsDeleted = true). */
export async function createQueryJob(conn: SalesforceConnection, soql: string): Promise<BulkJobInfo> {
  return conn.request<BulkJobInfo>({
    method: 'POST',
    url: jobsPath(conn),
    body: JSON.stringify({ operation: 'queryAll', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }),
    headers: { 'Content-Type': 'application/json' },
  });
}

export async function jobInfo(conn: SalesforceConnection, id: string): Promise<BulkJobInfo> {
  return conn.request<BulkJobInfo>(`${jobsPath(conn)}/${id}`);
}

export class BulkJobError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'BulkJobError';
  }
}

/** Polls until the job is complete; `call` wraps each poll (limits, retries). */
export async function waitForJob(
  conn: SalesforceConnection,
  id: string,
  options: { pollIntervalMs: number; pollTimeoutMs: number },
  call: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<BulkJobInfo> {
  const deadline = Date.now() + options.pollTimeoutMs;
  for (;;) {
    const info = await call(() => jobInfo(conn, id));
    if (info.state === 'JobComplete') return info;
    if (info.state === 'Failed' || info.state === 'Aborted') {
      throw new BulkJobError(
        'BULK_JOB_FAILED',
        `Bulk API 2.0 query job ${id} ${info.state.toLowerCase()}${info.errorMessage ? `: ${info.errorMessage}` : ''}`,
      );
    }
    if (Date.now() > deadline) {
      throw new BulkJobError(
        'BULK_JOB_TIMEOUT',
        `Bulk API 2.0 query job ${id} is still ${info.state} after ${options.pollTimeoutMs} ms; the next run reads it`,
      );
    }
    await sleep(options.pollIntervalMs);
  }
}

export interface ResultPage {
  records: Record<string, string | null>[];
  /** The locator of the next page, or null after the last. */
  next: string | null;
}

/**
 * One page of results. Sent with the connection's current session; a 401 asks jsforce to renew
 * it (through a cheap job-info call, which refreshes on INVALID_SESSION_ID) and tries once more.
 */
export async function resultPage(conn: SalesforceConnection, id: string, locator: string | null, maxRecords: number): Promise<ResultPage> {
  const query = new URLSearchParams({ maxRecords: String(maxRecords), ...(locator ? { locator } : {}) });
  const url = `${conn.instanceUrl}${jobsPath(conn)}/${id}/results?${query}`;
  const get = () => fetch(url, { headers: { Authorization: `Bearer ${conn.accessToken}`, Accept: 'text/csv' } });
  let res = await get();
  if (res.status === 401) {
    await res.body?.cancel();
    const token = conn.accessToken;
    await jobInfo(conn, id);
    if (conn.accessToken === token) throw new BulkJobError('INVALID_SESSION_ID', 'Session expired or invalid');
    res = await get();
  }
  const text = await res.text();
  if (!res.ok) {
    let error = { errorCode: `ERROR_HTTP_${res.status}`, message: text.slice(0, 200) };
    try {
      const parsed = JSON.parse(text) as { errorCode: string; message: string }[];
      if (parsed[0]?.errorCode) error = parsed[0];
    } catch {
      /* not JSON: keep the status */
    }
    throw new BulkJobError(error.errorCode, error.message);
  }
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  const records = rows.map((cells) =>
    Object.fromEntries(header.map((h, i) => [h, cells[i] === '' || cells[i] === undefined ? null : cells[i]])),
  );
  const next = res.headers.get('sforce-locator');
  return { records, next: next && next !== 'null' ? next : null };
}

/** RFC 4180 CSV (quoted cells, doubled quotes, line breaks inside quotes); a trailing line break ends no row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
