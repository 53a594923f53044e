/**
 * RFC 4180 records of a CSV text, strictly: CRLF between records (and after the last), a field
 * quoted when it holds a quote, comma or line break, its quotes doubled. Anything else throws,
 * so a test reading a file this way also proves the file is well formed.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('CSV: a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        field += text[i];
      }
      i++;
    } else {
      while (i < text.length && !',\r\n'.includes(text[i])) {
        if (text[i] === '"') throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    throw new Error(`CSV: expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  if (record.length > 0) throw new Error('CSV: the last record has no CRLF');
  return records;
}
