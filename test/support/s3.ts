/**
 * A small S3 stand-in over real HTTP, for the document storage tests: path-style PUT, GET and
 * DELETE of objects kept in memory, each request's AWS Signature Version 4 checked as S3 checks
 * it (credential scope, signed headers, the payload's SHA-256, the signature itself), written here
 * from the specification rather than from the server's signer. A request whose signature does not
 * match is answered 403 SignatureDoesNotMatch, as S3 does.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3StandIn {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** objects by key (without the bucket) */
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** every request, with whether its signature held */
  requests: { method: string; path: string; signatureValid: boolean }[];
  close(): Promise<void>;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Why the request's signature fails, or null when it holds. */
function signatureProblem(
  req: IncomingMessage,
  body: Buffer,
  s: { accessKeyId: string; secretAccessKey: string; region: string },
): string | null {
  const m = AUTH.exec(String(req.headers.authorization ?? ''));
  if (!m) return 'no AWS4-HMAC-SHA256 Authorization header';
  const [, keyId, day, region, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  if (keyId !== s.accessKeyId) return 'unknown access key';
  if (region !== s.region) return 'wrong region in the credential scope';
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day)) return 'x-amz-date is not the credential day';
  const when = Date.UTC(
    +amzDate.slice(0, 4),
    +amzDate.slice(4, 6) - 1,
    +amzDate.slice(6, 8),
    +amzDate.slice(9, 11),
    +amzDate.slice(11, 13),
    +amzDate.slice(13, 15),
  );
  if (Math.abs(Date.now() - when) > 15 * 60_000) return 'request time too skewed';
  const bodyHash = createHash('sha256').update(body).digest('hex');
  if (req.headers['x-amz-content-sha256'] !== bodyHash) return 'x-amz-content-sha256 is not the SHA-256 of the body';
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!names.includes(required)) return `${required} is not signed`;
  const headerLines = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const path = (req.url ?? '/').split('?')[0]!;
  const canonicalRequest = `${req.method}\n${path}\n\n${headerLines}\n${signedHeaders}\n${bodyHash}`;
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  let key: Buffer = Buffer.from(`AWS4${s.secretAccessKey}`);
  for (const part of [day, region, 's3', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  return expected === signature ? null : 'signature does not match';
}

export async function startS3StandIn(
  opts: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<S3StandIn> {
  const s = {
    bucket: opts.bucket ?? 'bec-documents',
    region: opts.region ?? 'eu-central-1',
    accessKeyId: opts.accessKeyId ?? 'AKIATESTSTANDIN',
    secretAccessKey: opts.secretAccessKey ?? 'stand-in-secret-key',
  };
  const objects: S3StandIn['objects'] = new Map();
  const requests: S3StandIn['requests'] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0]!;
      const problem = signatureProblem(req, body, s);
      requests.push({ method: req.method ?? '', path, signatureValid: problem === null });
      const xml = (status: number, code: string, message: string) =>
        res
          .writeHead(status, { 'content-type': 'application/xml' })
          .end(`<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
      if (problem) return xml(403, 'SignatureDoesNotMatch', problem);
      const prefix = `/${s.bucket}/`;
      if (!path.startsWith(prefix)) return xml(404, 'NoSuchBucket', 'no such bucket');
      const key = decodeURIComponent(path.slice(prefix.length));
      if (req.method === 'PUT') {
        objects.set(key, { body, contentType: req.headers['content-type'] });
        return res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
      }
      if (req.method === 'GET') {
        const o = objects.get(key);
        if (!o) return xml(404, 'NoSuchKey', 'no such key');
        return res.writeHead(200, { 'content-type': o.contentType ?? 'application/octet-stream' }).end(o.body);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return res.writeHead(204).end();
      }
      xml(405, 'MethodNotAllowed', 'method not allowed');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...s,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
