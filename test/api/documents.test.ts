/**
 * Documents (issue 15 item 1b): stored in a local directory, or in S3-compatible storage (a
 * stand-in over real HTTP that checks every request's SigV4 signature); checked for size and
 * type; seen only by those who may see the owning object; deleted by the uploader or an admin;
 * audited.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signS3Request } from '../../server/documents/storage.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { startS3StandIn, type S3StandIn } from '../support/s3.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
const MAX = 2048;

/** Reads a binary answer whole. */
const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => cb(null, Buffer.concat(parts)));
};

interface World {
  t: TestApp;
  arrow: Client;
  north: Client;
  cm: Client;
  admin: Client;
  claimId: number;
  claimLineId: number;
  requestId: number;
  programId: number;
}

async function world(t: TestApp): Promise<World> {
  const [arrow, north, cm, admin] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.northbridge), t.as(USERS.cm), t.as(USERS.admin)]);
  const claim = (await arrow.get('/api/claims')).body.items[0] as { id: number };
  const lines = (await arrow.get(`/api/claims/${claim.id}`)).body.lines as { id: number }[];
  const request = (await arrow.get('/api/requests')).body.items[0] as { id: number };
  const program = ((await arrow.get('/api/programs')).body.items as { id: number; distributorIds: number[] }[]).find(
    (p) => p.distributorIds.length === 0,
  )!;
  return { t, arrow, north, cm, admin, claimId: claim.id, claimLineId: lines[0]!.id, requestId: request.id, programId: program.id };
}

const upload = (w: World, c: Client, owner: string, bytes: Buffer, fileName = 'invoice 7781.pdf', type = 'application/pdf') =>
  w.t.http
    .post(`/api/documents?${owner}&fileName=${encodeURIComponent(fileName)}`)
    .set('Authorization', bearerOf(c))
    .set('Content-Type', type)
    .send(bytes);

const download = (w: World, c: Client, id: number) =>
  w.t.http
    .get(`/api/documents/${id}/content`)
    .set('Authorization', bearerOf(c))
    .buffer(true)
    .parse(binary as never);

/** The behaviour every store must have, run against the app `get()` returns. */
function behavesAsADocumentStore(get: () => World) {
  let docId: number;
  it('stores a PDF on a claim and gives it back to the claim distributor, as a safe attachment', async () => {
    const w = get();
    const res = await upload(w, w.arrow, `ownerType=claim&ownerId=${w.claimId}`, PDF, '../invoice "7781".pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ownerType: 'claim',
      ownerId: w.claimId,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      fileName: 'invoice _7781_.pdf',
    });
    docId = res.body.id;
    const got = await download(w, w.arrow, docId);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="invoice _7781_.pdf"; filename*=UTF-8''invoice%20_7781_.pdf`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // the vendor sees the claim too
    expect((await download(w, w.cm, docId)).status).toBe(200);
    const list = await w.arrow.get(`/api/documents?ownerType=claim&ownerId=${w.claimId}`);
    expect(list.body.items.map((d: { id: number }) => d.id)).toEqual([docId]);
  });

  it("refuses another distributor the claim's documents (404), its list and attaching to it", async () => {
    const w = get();
    expect((await download(w, w.north, docId)).status).toBe(404);
    expect((await w.north.get(`/api/documents?ownerType=claim&ownerId=${w.claimId}`)).status).toBe(404);
    expect((await upload(w, w.north, `ownerType=claim&ownerId=${w.claimId}`, PDF)).status).toBe(404);
    expect((await upload(w, w.north, `ownerType=request&ownerId=${w.requestId}`, PDF)).status).toBe(404);
    expect((await upload(w, w.north, `ownerType=claim_line&ownerId=${w.claimLineId}`, PDF)).status).toBe(404);
  });

  it('attaches to a request and a claim line; a program agreement only by those who manage programs, seen by its distributors', async () => {
    const w = get();
    expect((await upload(w, w.arrow, `ownerType=request&ownerId=${w.requestId}`, PNG, 'quote.png', 'image/png')).body.contentType).toBe(
      'image/png',
    );
    expect(
      (await upload(w, w.arrow, `ownerType=claim_line&ownerId=${w.claimLineId}`, PNG, 'evidence.png', 'application/octet-stream')).status,
    ).toBe(201);
    expect((await upload(w, w.arrow, `ownerType=program&ownerId=${w.programId}`, PDF)).status).toBe(403);
    const agreement = await upload(w, w.cm, `ownerType=program&ownerId=${w.programId}`, PDF, 'agreement.pdf');
    expect(agreement.status).toBe(201);
    expect(agreement.body.distributorId).toBeNull();
    expect((await download(w, w.arrow, agreement.body.id)).status).toBe(200);
    expect((await download(w, w.north, agreement.body.id)).status).toBe(200);
  });

  it('refuses a file over the size cap (413) and bytes of another type (415), storing nothing', async () => {
    const w = get();
    const before = (await w.arrow.get(`/api/documents?ownerType=claim&ownerId=${w.claimId}`)).body.items.length;
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX, 0x20)]);
    expect((await upload(w, w.arrow, `ownerType=claim&ownerId=${w.claimId}`, big)).status).toBe(413);
    const exe = await upload(
      w,
      w.arrow,
      `ownerType=claim&ownerId=${w.claimId}`,
      Buffer.from('MZ\x90\x00 this is a program'),
      'invoice.pdf',
    );
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('UNSUPPORTED_DOCUMENT_TYPE');
    const zip = await upload(w, w.arrow, `ownerType=claim&ownerId=${w.claimId}`, PDF, 'a.pdf', 'application/zip');
    expect(zip.status).toBe(415);
    expect(zip.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await w.arrow.get(`/api/documents?ownerType=claim&ownerId=${w.claimId}`)).body.items.length).toBe(before);
  });

  it('lets only the uploader or an admin delete; the bytes go, the audit keeps both events', async () => {
    const w = get();
    expect((await w.cm.delete(`/api/documents/${docId}`)).status).toBe(403);
    expect((await w.north.delete(`/api/documents/${docId}`)).status).toBe(404);
    const del = await w.arrow.delete(`/api/documents/${docId}`);
    expect(del.status).toBe(200);
    expect(del.body.deleted).toBe(true);
    expect((await download(w, w.arrow, docId)).status).toBe(404);
    const audit = (await w.admin.get(`/api/audit?entityType=document&entityId=${docId}`)).body.items as { action: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['document.deleted', 'document.uploaded']);
    const other = (await upload(w, w.arrow, `ownerType=claim&ownerId=${w.claimId}`, PDF)).body.id as number;
    expect((await w.admin.delete(`/api/documents/${other}`)).status).toBe(200);
  });
}

describeDb('documents in a local directory', () => {
  const dir = join(tmpdir(), `bec_docs_${process.pid}_${Date.now()}`);
  let w: World;
  beforeAll(async () => {
    const t = await startTestApp({ env: { DOCUMENTS_DIR: dir, DOCUMENTS_MAX_BYTES: String(MAX) } });
    w = await world(t);
  });
  afterAll(async () => {
    await w.t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  behavesAsADocumentStore(() => w);

  it('keeps the bytes under DOCUMENTS_DIR by a key of its own, never the sent name', async () => {
    const res = await upload(w, w.arrow, `ownerType=claim&ownerId=${w.claimId}`, PDF, 'kept.pdf');
    expect(res.status).toBe(201);
    const files = readdirSync(join(dir, 'documents', 'claim'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.includes('kept'))).toBe(false);
    await w.arrow.delete(`/api/documents/${res.body.id}`);
    expect(readdirSync(join(dir, 'documents', 'claim')).length).toBe(files.length - 1);
    expect(existsSync(dir)).toBe(true);
  });
});

describeDb('documents in S3-compatible storage', () => {
  let s3: S3StandIn;
  let w: World;
  beforeAll(async () => {
    s3 = await startS3StandIn();
    const t = await startTestApp({
      env: {
        DOCUMENTS_MAX_BYTES: String(MAX),
        DOCUMENTS_S3_ENDPOINT: s3.endpoint,
        DOCUMENTS_S3_BUCKET: s3.bucket,
        DOCUMENTS_S3_REGION: s3.region,
        DOCUMENTS_S3_ACCESS_KEY_ID: s3.accessKeyId,
        DOCUMENTS_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      },
    });
    w = await world(t);
  });
  afterAll(async () => {
    await w.t.close();
    await s3.close();
  });

  behavesAsADocumentStore(() => w);

  it('signed every request it made (PUT, GET, DELETE) and keeps only what is not deleted', async () => {
    const methods = new Set(s3.requests.map((r) => r.method));
    expect([...methods].sort()).toEqual(['DELETE', 'GET', 'PUT']);
    expect(s3.requests.every((r) => r.signatureValid)).toBe(true);
    const listed = (await w.arrow.get(`/api/documents?ownerType=request&ownerId=${w.requestId}`)).body.items.length;
    expect(listed).toBeGreaterThan(0);
    // the request's and the line's documents and the agreement are kept; the deleted ones are gone
    expect(s3.objects.size).toBe(3);
  });

  it('the stand-in refuses a request signed with another secret (so the check above can fail)', async () => {
    const url = new URL(`${s3.endpoint}/${s3.bucket}/documents/forged`);
    const body = Buffer.from('%PDF-forged');
    const headers: Record<string, string> = signS3Request(
      { ...s3, endpoint: s3.endpoint, secretAccessKey: 'not-the-secret' },
      'PUT',
      url,
      body,
    );
    delete headers.host;
    const res = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(body) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('SignatureDoesNotMatch');
    expect(s3.objects.has('documents/forged')).toBe(false);
  });
});
