/**
 * A strict reader for the small documents the legacy API answers (an XML declaration, elements
 * without attributes, text): it refuses what XML 1.0 calls not well-formed, as the parsers of
 * billing integrations do, where xmlbuilder2's reader lets it pass. In a document without a DTD
 * the only entities are amp, lt, gt, quot and apos, so `&foo;` is an error (WFC: Entity
 * Declared), as are a raw `<` or `&` in text, `]]>` in text, a character XML cannot carry, a
 * closing tag that does not match, and anything after the root element. Line ends read as a
 * conforming parser reads them.
 */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  /** The element's own text, references decoded (whitespace between child elements included). */
  text: string;
}

const DECLARATION = /^<\?xml version="1\.0"(?: encoding="[A-Za-z][\w.-]*")?(?: standalone="(?:yes|no)")?\s*\?>/;
const NAME = /^[A-Za-z_][\w.-]*/;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const XML_CHAR = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;

export class XmlNotWellFormed extends Error {
  constructor(message: string, at: number) {
    super(`${message} at offset ${at}`);
    this.name = 'XmlNotWellFormed';
  }
}

/** The root element of `document`; throws XmlNotWellFormed for anything not well-formed. */
export function parseStrictXml(input: string): XmlElement {
  // Line ends are normalized before parsing (XML 1.0, 2.11): CR LF and a lone CR read as LF.
  const document = input.replace(/\r\n?/g, '\n');
  for (const char of document) if (!XML_CHAR.test(char)) throw new XmlNotWellFormed(`character U+${char.codePointAt(0)!.toString(16)} is not allowed`, document.indexOf(char));
  let at = DECLARATION.exec(document)?.[0].length ?? 0;
  const skipSpace = () => {
    while (at < document.length && /\s/.test(document[at])) at++;
  };
  const name = (): string => {
    const found = NAME.exec(document.slice(at))?.[0];
    if (!found) throw new XmlNotWellFormed('expected a name', at);
    at += found.length;
    return found;
  };
  const expect = (text: string) => {
    if (!document.startsWith(text, at)) throw new XmlNotWellFormed(`expected ${JSON.stringify(text)}`, at);
    at += text.length;
  };
  const reference = (): string => {
    const end = document.indexOf(';', at);
    const body = end === -1 ? '' : document.slice(at + 1, end);
    let decoded: string | undefined;
    if (/^#\d+$/.test(body)) decoded = String.fromCodePoint(Number(body.slice(1)));
    else if (/^#x[0-9A-Fa-f]+$/.test(body)) decoded = String.fromCodePoint(parseInt(body.slice(2), 16));
    else if (Object.hasOwn(PREDEFINED, body)) decoded = PREDEFINED[body];
    if (decoded === undefined || !XML_CHAR.test(decoded)) throw new XmlNotWellFormed(`undeclared or malformed reference &${body};`, at);
    at = end + 1;
    return decoded;
  };
  const element = (): XmlElement => {
    expect('<');
    const node: XmlElement = { name: name(), children: [], text: '' };
    skipSpace();
    if (document.startsWith('/>', at)) {
      at += 2;
      return node;
    }
    expect('>');
    for (;;) {
      if (at >= document.length) throw new XmlNotWellFormed(`<${node.name}> is not closed`, at);
      if (document.startsWith('</', at)) {
        at += 2;
        const closing = name();
        if (closing !== node.name) throw new XmlNotWellFormed(`</${closing}> closes <${node.name}>`, at);
        skipSpace();
        expect('>');
        return node;
      }
      const char = document[at];
      if (char === '<') node.children.push(element());
      else if (char === '&') node.text += reference();
      else if (document.startsWith(']]>', at)) throw new XmlNotWellFormed(']]> in text', at);
      else {
        node.text += char;
        at++;
      }
    }
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== document.length) throw new XmlNotWellFormed('content after the root element', at);
  return root;
}

/** The text of the element at this path of child names below the root (the root's own name first). */
export function xmlTextAt(root: XmlElement, path: readonly string[]): string | undefined {
  if (path[0] !== root.name) return undefined;
  let node: XmlElement | undefined = root;
  for (const name of path.slice(1)) node = node?.children.find((child) => child.name === name);
  return node?.text;
}
