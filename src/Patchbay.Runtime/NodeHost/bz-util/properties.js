'use strict';
// The subset of Java .properties that Bizagi's config.properties uses: key=value or key:value
// or key value, # and ! comment lines, backslash line continuation and escapes (\t \n \r \f
// \uXXXX, any other \x is x, so write C:\\Bizagi for C:\Bizagi). Unlike Java, trailing
// whitespace is dropped from values: a stray space after "port=16541" is never intended.

function logicalLines(text) {
  const lines = [];
  let pending = null;
  for (const physical of text.split(/\r\n|\n|\r/)) {
    const line = pending === null ? physical : pending + physical.replace(/^[ \t\f]+/, '');
    const trailing = /\\+$/.exec(line);
    if (trailing && trailing[0].length % 2 === 1) {
      pending = line.slice(0, -1); // odd backslashes: the last one continues the line
    } else {
      lines.push(line);
      pending = null;
    }
  }
  if (pending !== null) lines.push(pending);
  return lines;
}

function unescapeJava(text) {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, seq) => {
    if (seq.length === 5) return String.fromCharCode(parseInt(seq.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[seq] ?? seq;
  });
}

function parseProperties(text) {
  const result = {};
  for (const raw of logicalLines(text)) {
    const line = raw.replace(/^[ \t\f]+/, '').replace(/[ \t\f]+$/, '');
    if (line === '' || line[0] === '#' || line[0] === '!') continue;
    // Key ends at the first unescaped '=', ':' or whitespace.
    const match = /^((?:\\.|[^\\=: \t\f])*)[ \t\f]*[=:]?[ \t\f]*(.*)$/.exec(line);
    result[unescapeJava(match[1])] = unescapeJava(match[2]);
  }
  return result;
}

module.exports = { parseProperties };
