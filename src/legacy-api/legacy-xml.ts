import { LEGACY_ERRORS, type LegacyErrorKind } from './legacy-error.js';

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

// Characters XML 1.0 cannot carry at all, even escaped: dropped, or the document would be
// unreadable for the client.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Elements in order: a name with its text (none: self-closed) or with elements of its own. */
type Fields = ReadonlyArray<readonly [string, string | null | Fields]>;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
// Every ampersand is escaped, also one that looks like the start of a reference: a value is
// text, never markup. `&foo;` left as it was names an entity no document declares, and the
// client's parser would refuse the whole answer (after the update it reports had committed).
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A document `<root>` holding these elements, pretty-printed like the Kolmisoft examples.
 * Written as a string: every answer is one of these, and building a DOM for a few elements cost
 * more than the rest of the request's own work. The layout is xmlbuilder2's (a unit test holds
 * it to that): `&`, `<` and `>` escaped, characters XML cannot carry dropped, an empty element
 * self-closed. Unlike xmlbuilder2, an `&` that begins something like `&name;` is escaped too.
 */
export function documentOf(root: string, fields: Fields): string {
  return DECLARATION + element(root, fields, '');
}

function element(name: string, value: string | null | Fields, indent: string): string {
  if (typeof value === 'object' && value !== null) {
    return `\n${indent}<${name}>${value.map(([child, inner]) => element(child, inner, `${indent}  `)).join('')}\n${indent}</${name}>`;
  }
  const text = value ? escapeText(value.replace(NOT_XML_CHAR, '')) : '';
  return text ? `\n${indent}<${name}>${text}</${name}>` : `\n${indent}<${name}/>`;
}

export function renderError(kind: LegacyErrorKind): string {
  const { root, message } = LEGACY_ERRORS[kind];
  return documentOf(root, [['error', message]]);
}

/** `<page><balance>12.34</balance>[<currency>EUR</currency>]</page>` */
export function renderBalance(balance: string, currency?: string): string {
  const fields: Array<readonly [string, string]> = [['balance', balance]];
  if (currency !== undefined) fields.push(['currency', currency]);
  return documentOf('page', fields);
}

/**
 * `<page><page><status>User balance updated</status><user><username/><id/><balance/></user></page></page>`:
 * nested twice, because the real server opens a `page` inside its `page` there and integrators
 * parse exactly that shape.
 */
export function renderBalanceUpdated(user: { username: string | null; id: string; balance: string }): string {
  const userFields: Fields = [['username', user.username], ['id', user.id], ['balance', user.balance]];
  return documentOf('page', [['page', [['status', 'User balance updated'], ['user', userFields]]]]);
}
