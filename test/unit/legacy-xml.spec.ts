import { describe, expect, it } from '@jest/globals';
import { create } from 'xmlbuilder2';
import { documentOf, renderBalance, renderBalanceUpdated, renderError } from '../../src/legacy-api/legacy-xml.js';
import { parseStrictXml, xmlTextAt, XmlNotWellFormed } from '../support/strict-xml.js';

/** What the legacy API wrote with xmlbuilder2 before its flat documents became strings. */
function reference(root: string, fields: ReadonlyArray<readonly [string, string | null]>): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const parent = doc.ele(root);
  // eslint-disable-next-line no-control-regex
  const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
  for (const [name, value] of fields) {
    const element = parent.ele(name);
    if (value) element.txt(value.replace(notXmlChar, ''));
  }
  return doc.end({ prettyPrint: true });
}

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** What a conforming parser reads back from a value: characters XML cannot carry dropped, line ends normalized. */
const readBack = (value: string) => value.replace(NOT_XML_CHAR, '').replace(/\r\n?/g, '\n');
/** Values xmlbuilder2 writes as they are, taking them for references it need not escape. */
const LOOKS_LIKE_A_REFERENCE = /&(?:[A-Za-z]+|#\d+);/;

describe('legacy XML documents', () => {
  const values = ['12.34', '0.00', '-1.5', '', 'EUR', 'a&b<c>d"e\'f', ']]>', '\u0001', 'x\u0000y\uFFFEz\uD800', 'tab\there\r\nnew', 'ünïcödé 😀', '&amp;', '&#123;', '&x;', '&#x1F;', '&;', 'a & b;', 'x&foo;<b>', '&lt;', '&#38;&#x26;'];

  it('are byte for byte what xmlbuilder2 writes, for every value it escapes fully', () => {
    const plain = values.filter((value) => !LOOKS_LIKE_A_REFERENCE.test(value));
    for (const a of plain) {
      expect(documentOf('page', [['balance', a]])).toBe(reference('page', [['balance', a]]));
      for (const b of plain) expect(documentOf('page', [['balance', a], ['currency', b]])).toBe(reference('page', [['balance', a], ['currency', b]]));
    }
    expect(documentOf('page', [['error', null]])).toBe(reference('page', [['error', null]]));
  });

  it('are well-formed for every value, which a strict parser reads back exactly', () => {
    for (const a of values) {
      for (const b of values) {
        const root = parseStrictXml(documentOf('page', [['balance', a], ['currency', b]]));
        expect([xmlTextAt(root, ['page', 'balance']), xmlTextAt(root, ['page', 'currency'])]).toEqual([readBack(a), readBack(b)]);
      }
    }
  });

  it('escape every ampersand, also one that begins something like a reference', () => {
    expect(documentOf('page', [['username', 'x&foo;<b>']])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <username>x&amp;foo;&lt;b&gt;</username>\n</page>');
    expect(documentOf('page', [['username', '&amp;&#38;']])).toContain('<username>&amp;amp;&amp;#38;</username>');
  });

  it('render balances and errors in the Kolmisoft shape', () => {
    expect(renderBalance('12.34')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <balance>12.34</balance>\n</page>');
    expect(renderBalance('1.00', 'EUR')).toBe(reference('page', [['balance', '1.00'], ['currency', 'EUR']]));
    expect(renderError('bad_hash')).toContain('<error>');
  });

  it('nest the balance update two pages deep, byte for byte what xmlbuilder2 writes', () => {
    for (const username of ['alice', null, 'a&b<c>']) {
      const doc = create({ version: '1.0', encoding: 'UTF-8' });
      const inner = doc.ele('page').ele('page');
      inner.ele('status').txt('User balance updated');
      const user = inner.ele('user');
      if (username) user.ele('username').txt(username);
      else user.ele('username');
      user.ele('id').txt('u-1');
      user.ele('balance').txt('6.50');
      expect(renderBalanceUpdated({ username, id: 'u-1', balance: '6.50' })).toBe(doc.end({ prettyPrint: true }));
    }
  });

  it('nest a username that looks like a reference so that it reads back exactly', () => {
    const root = parseStrictXml(renderBalanceUpdated({ username: 'x&foo;<b>', id: 'u-&#1;', balance: '6.50' }));
    expect(xmlTextAt(root, ['page', 'page', 'user', 'username'])).toBe('x&foo;<b>');
    expect(xmlTextAt(root, ['page', 'page', 'user', 'id'])).toBe('u-&#1;');
  });
});

/** The legacy tests' strict reader refuses what a conforming XML parser refuses. */
describe('parseStrictXml', () => {
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <user>${body}</user>\n</page>`;

  it('reads text with the predefined entities and character references decoded', () => {
    const root = parseStrictXml(doc('a&amp;b&lt;c&gt;d&quot;e&apos;f&#38;&#x26;"\'>'));
    expect(xmlTextAt(root, ['page', 'user'])).toBe(`a&b<c>d"e'f&&"'>`);
    expect(xmlTextAt(parseStrictXml('<a><b/></a>'), ['a', 'b'])).toBe('');
  });

  it.each([
    ['an undeclared entity', doc('x&foo;')],
    ['a raw ampersand', doc('a & b')],
    ['a raw less-than', doc('x<b>')],
    [']]> in text', doc(']]>')],
    ['a reference to a character XML cannot carry', doc('&#1;')],
    ['a character XML cannot carry', doc('\u0001')],
    ['a mismatched closing tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a second root', '<a/><b/>'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseStrictXml(text)).toThrow(XmlNotWellFormed);
  });
});
