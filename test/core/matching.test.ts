import { AUTO_LINK, AUTO_LINK_MARGIN, EndCustomerMatcher, SUGGEST } from '../../core/matching/end-customers.js';
import { nameMatchKey } from '../../core/matching/names.js';
import { jaroWinkler, nameSimilarity, trigramSimilarity, trigrams } from '../../core/matching/similarity.js';
import { safeFileName, sniffDocumentType } from '../../core/documents/sniff.js';

describe('end customer matching keys', () => {
  it.each([
    ['ACME Robotics, Inc.', 'acmerobotics'],
    ['Acme  Robotics', 'acmerobotics'],
    ['Siemens AG', 'siemens'],
    ['Bosch GmbH & Co. KG', 'bosch'],
    ['Nestlé S.A.', 'nestle'],
    ['The Foo Company', 'foo'],
    ['Müller Ltd.', 'muller'],
  ])('reduces %s to %s', (name, key) => expect(nameMatchKey(name)).toBe(key));

  it('keeps a name that is only a legal form, and gives nothing for punctuation alone', () => {
    expect(nameMatchKey('Inc')).toBe('inc');
    expect(nameMatchKey(' .,- ')).toBe('');
  });
});

describe('similarity', () => {
  it('is 1 for equal keys only, and orders near spellings above far ones', () => {
    expect(nameSimilarity('cascaderobotics', 'cascaderobotics')).toBe(1);
    expect(nameSimilarity('cascaderobotics', 'cascaderobotcs')).toBeLessThan(1);
    expect(nameSimilarity('cascaderobotics', 'cascaderobotcs')).toBeGreaterThan(nameSimilarity('cascaderobotics', 'orionautomotive'));
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(trigramSimilarity(trigrams('abc'), trigrams('xyz'))).toBe(0);
  });
});

describe('EndCustomerMatcher', () => {
  const master = [
    { id: 1, name: 'Cascade Robotics' },
    { id: 2, name: 'Acme Industries' },
    { id: 3, name: 'Acme Industrial' },
  ];
  it('prefers the alias, then the same key, then a sure fuzzy match', () => {
    const m = new EndCustomerMatcher(master, new Map([['cascadebots', 1]]));
    expect(m.match('Cascade Bots')).toMatchObject({ method: 'alias', endCustomerId: 1, confidence: 1 });
    expect(m.match('cascade robotics llc')).toMatchObject({ method: 'exact', endCustomerId: 1 });
    const fuzzy = m.match('Cascade Robotcs')!;
    expect(fuzzy).toMatchObject({ method: 'fuzzy', endCustomerId: 1 });
    expect(fuzzy.confidence).toBeGreaterThanOrEqual(AUTO_LINK);
  });
  it('sends a spelling close to two customers to a person rather than guess', () => {
    const r = new EndCustomerMatcher(master).match('Acme Industri')!;
    expect(r.method).toBe('review');
    expect(r.endCustomerId).toBeNull();
    expect([2, 3]).toContain(r.suggestedEndCustomerId);
  });
  it('decides as scoring every master name would (the trigram index and early stop change nothing)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const words = ['alpha', 'beta', 'gamma', 'nova', 'astro', 'vertex', 'apex', 'summit', 'orion', 'helios', 'cascade', 'zenith'];
    const kinds = ['Robotics', 'Systems', 'Medical', 'Labs', 'Energy'];
    const customers = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, name: `${words[rnd(12)]} ${words[rnd(12)]} ${kinds[rnd(5)]}` }));
    const matcher = new EndCustomerMatcher(customers);
    const keys = customers.map((c) => ({ id: c.id, key: nameMatchKey(c.name) }));
    for (let n = 0; n < 300; n++) {
      const base = customers[rnd(300)]!.name;
      const spelling =
        n % 3 === 0 ? base.replace(/[aeiou]/, '') : n % 3 === 1 ? `${base.slice(0, -2)}x` : `${words[rnd(12)]}${kinds[rnd(5)]}`;
      const key = nameMatchKey(spelling);
      if (keys.some((k) => k.key === key)) continue;
      const scored = keys.map((k) => ({ id: k.id, score: nameSimilarity(key, k.key) })).sort((a, b) => b.score - a.score);
      const best = scored[0]!;
      const sure = best.score >= AUTO_LINK && best.score - (scored[1]?.score ?? 0) >= AUTO_LINK_MARGIN;
      const got = matcher.match(spelling)!;
      expect([spelling, got.method]).toEqual([spelling, sure ? 'fuzzy' : 'review']);
      if (sure) expect(got.endCustomerId).toBe(best.id);
      else if (best.score >= SUGGEST) expect(got.confidence).toBeCloseTo(best.score, 3);
      else expect(got.suggestedEndCustomerId).toBeNull();
    }
  });
  it('leaves a rejected spelling unlinked and unqueued', () => {
    expect(new EndCustomerMatcher(master, new Map(), new Set(['zenith'])).match('Zenith Ltd')).toMatchObject({
      method: 'rejected',
      endCustomerId: null,
    });
  });
});

describe('document types', () => {
  it('reads the type from the bytes, not the name', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n...'), 'x.png')?.contentType).toBe('application/pdf');
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.pdf')?.contentType).toBe('image/png');
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'a')?.contentType).toBe('image/jpeg');
    expect(sniffDocumentType(Buffer.from('a,b\n1,2\n'), 'a.csv')?.contentType).toBe('text/csv');
    expect(sniffDocumentType(Buffer.from('a,b\n1,2\n'), 'a.txt')).toBeNull();
    expect(sniffDocumentType(Buffer.from('MZ\x90\x00'), 'a.pdf')).toBeNull();
    expect(sniffDocumentType(Buffer.from('<html><script>'), 'a.csv')?.contentType).toBe('text/csv');
  });
  it('makes a file name safe for a header and a disk', () => {
    const pdf = { contentType: 'application/pdf', extension: 'pdf' } as const;
    expect(safeFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(safeFileName('in"voice\r\n.exe', pdf)).toBe('in_voice__.pdf');
    expect(safeFileName('', pdf)).toBe('document.pdf');
  });
});
