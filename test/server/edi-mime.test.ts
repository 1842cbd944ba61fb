/** The e-mail intake's MIME reading, on messages built by nodemailer's own composer (as a mail client sends them). */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { addressOf, parseMessage } from '../../server/edi/mime.js';

const build = (options: ConstructorParameters<typeof MailComposer>[0]) =>
  new Promise<Buffer>((resolve, reject) => new MailComposer(options).compile().build((err, msg) => (err ? reject(err) : resolve(msg))));

describe('MIME reading for e-mail intake', () => {
  it('finds each attachment with its name and exact bytes (base64, quoted-printable, non-ASCII names)', async () => {
    const csv = 'Invoice Number;Quantity\r\nINV-1;5\r\nMünchen GmbH;7\r\n';
    const x12 = 'ISA*00*          *00*~GS*PT~';
    const binary = Buffer.from([0, 255, 13, 10, 128, 46]);
    const raw = await build({
      from: 'Ops <OPS@Arrowhead.example>',
      to: 'edi@bec.example',
      subject: 'Relevé décembre',
      text: 'the files',
      html: '<p>the files</p>',
      attachments: [
        { filename: 'pos-décembre.csv', content: csv, contentType: 'text/csv' },
        { filename: 'claim.844', content: x12, contentType: 'application/edi-x12', contentTransferEncoding: 'quoted-printable' },
        { filename: 'blob.bin', content: binary },
      ],
    });
    const msg = parseMessage(raw);
    expect(msg.headers.get('subject')).toBe('Relevé décembre');
    expect(addressOf(msg.headers.get('from'))).toBe('ops@arrowhead.example');
    expect(msg.attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      ['pos-décembre.csv', 'text/csv'],
      ['claim.844', 'application/edi-x12'],
      ['blob.bin', 'application/octet-stream'],
    ]);
    expect(msg.attachments[0]!.content.toString('utf8')).toBe(csv);
    expect(msg.attachments[1]!.content.toString('utf8')).toBe(x12);
    expect(msg.attachments[2]!.content.equals(binary)).toBe(true);
  });

  it('reads a message with no attachment as none, and a bare From address', async () => {
    const msg = parseMessage(await build({ from: 'a@b.example', to: 'c@d.example', subject: 'hi', text: 'no file' }));
    expect(msg.attachments).toEqual([]);
    expect(addressOf(msg.headers.get('from'))).toBe('a@b.example');
    expect(addressOf(undefined)).toBeNull();
  });
});
