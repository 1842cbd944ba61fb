/**
 * Where document bytes live: a local directory (the default, DOCUMENTS_DIR) or an S3-compatible
 * bucket (DOCUMENTS_S3_*), spoken to over HTTP with AWS Signature Version 4 (path-style URLs, so
 * MinIO, Ceph and the like work as well as AWS). Keys are ours (random), never a user's file name.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

export interface DocumentStore {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9/_.-]+$/;
const checkKey = (key: string) => {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`not a document storage key: ${key}`);
  return key;
};

export class LocalStore implements DocumentStore {
  readonly kind = 'local' as const;
  private readonly root: string;
  constructor(dir: string) {
    this.root = resolve(dir);
  }
  private path(key: string) {
    return join(this.root, checkKey(key));
  }
  async put(key: string, bytes: Buffer) {
    const path = this.path(key);
    await mkdir(resolve(path, '..'), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx' });
  }
  get(key: string) {
    return readFile(this.path(key));
  }
  async delete(key: string) {
    await rm(this.path(key), { force: true });
  }
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding of one path segment, as SigV4 wants it. */
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The headers of a SigV4-signed S3 request (host, x-amz-date, x-amz-content-sha256,
 * Authorization) for `method url` with this body. Exported for the storage test's stand-in.
 */
export function signS3Request(settings: S3Settings, method: string, url: URL, body: Buffer, now = new Date()) {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(body);
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  const signed = Object.keys(headers).sort();
  const canonical = [method, url.pathname, '', ...signed.map((h) => `${h}:${headers[h]!.trim()}`), '', signed.join(';'), payloadHash].join(
    '\n',
  );
  const scope = `${day}/${settings.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${settings.secretAccessKey}`, day), settings.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${settings.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
  };
}

export class S3Store implements DocumentStore {
  readonly kind = 's3' as const;
  constructor(private readonly s: S3Settings) {}

  private url(key: string) {
    const base = this.s.endpoint.replace(/\/+$/, '');
    return new URL(`${base}/${encodeSegment(this.s.bucket)}/${checkKey(key).split('/').map(encodeSegment).join('/')}`);
  }

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body: Buffer = Buffer.alloc(0), contentType?: string) {
    const url = this.url(key);
    const headers: Record<string, string> = signS3Request(this.s, method, url, body);
    delete headers.host;
    if (contentType) headers['content-type'] = contentType;
    const res = await fetch(url, { method, headers, body: method === 'PUT' ? new Uint8Array(body) : undefined });
    if (method === 'DELETE' && res.status === 404) return res;
    if (!res.ok) {
      const text = (await res.text()).slice(0, 300);
      throw new AppError('DOCUMENT_STORAGE_FAILED', `the document storage answered ${res.status} to ${method}: ${text}`, 502);
    }
    return res;
  }

  async put(key: string, bytes: Buffer, contentType: string) {
    await this.send('PUT', key, bytes, contentType);
  }
  async get(key: string) {
    return Buffer.from(await (await this.send('GET', key)).arrayBuffer());
  }
  async delete(key: string) {
    await this.send('DELETE', key);
  }
}

/** The store the configuration names: S3-compatible when DOCUMENTS_S3_ENDPOINT is set, else the local directory. */
export function documentStoreFor(config: Config): DocumentStore {
  if (config.documentsS3Endpoint)
    return new S3Store({
      endpoint: config.documentsS3Endpoint,
      bucket: config.documentsS3Bucket!,
      region: config.documentsS3Region,
      accessKeyId: config.documentsS3AccessKeyId!,
      secretAccessKey: config.documentsS3SecretAccessKey!,
    });
  return new LocalStore(config.documentsDir);
}
