import { describe, expect, it } from '@jest/globals';
import { create } from 'xmlbuilder2';
import { documentOf, renderBalance, renderBalanceUpdated, renderError } from '../../src/legacy-api/legacy-xml.js';

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

describe('legacy XML documents', () => {
  const values = ['12.34', '0.00', '-1.5', '', 'EUR', 'a&b<c>d"e\'f', ']]>', '\u0001', 'x\u0000y\uFFFEz\uD800', 'tab\there\r\nnew', 'ünïcödé 😀', '&amp;', '&#123;', '&x;', '&#x1F;', '&;', 'a & b;'];

  it('are byte for byte what xmlbuilder2 writes', () => {
    for (const a of values) {
      expect(documentOf('page', [['balance', a]])).toBe(reference('page', [['balance', a]]));
      for (const b of values) expect(documentOf('page', [['balance', a], ['currency', b]])).toBe(reference('page', [['balance', a], ['currency', b]]));
    }
    expect(documentOf('page', [['error', null]])).toBe(reference('page', [['error', null]]));
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
});
