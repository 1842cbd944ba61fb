/** What the EDI API tests share: Arrowhead as a trading partner, and reading an X12 answer as text. */
import { bearerOf, USERS, type Client, type TestApp } from './harness.js';

export const ARROWHEAD = 2;

/** Sets Arrowhead's partner settings (ISA id ARROWDIST, ours ACMESEMI, as test/core/edi/x12.ts builds files). */
export async function arrowheadPartner(t: TestApp) {
  const admin = await t.as(USERS.admin);
  const put = await t.http
    .put(`/api/edi/partners/${ARROWHEAD}`)
    .set('Authorization', bearerOf(admin))
    .send({ isaQualifier: 'ZZ', isaId: 'ARROWDIST', ourIsaQualifier: 'ZZ', ourIsaId: 'ACMESEMI' });
  if (put.status !== 200) throw new Error(`partner settings: ${put.status} ${JSON.stringify(put.body)}`);
}

/** Reads a text answer whole (supertest leaves application/edi-x12 unparsed). */
export const textBody = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (body += c));
  res.on('end', () => cb(null, body));
};

/** GETs an X12 download as the client. */
export async function downloadX12(t: TestApp, c: Client, path: string) {
  return t.http
    .get(path)
    .set('Authorization', bearerOf(c))
    .buffer(true)
    .parse(textBody as never);
}
