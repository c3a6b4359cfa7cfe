'use strict';
// Text cleaning the validator applies to globals and data (bizagi-compat.md §3.2, §5.2, §6.5).
//
// How "delete control characters from the raw JSON text" meets JSON escapes:
// * The raw-text pass deletes the real characters \b \f \n \r \t \v (U+0008, U+000C, U+000A,
//   U+000D, U+0009, U+000B) wherever they are: between tokens (pretty-printed JSON still
//   parses, JSON never needs them as separators) and inside string literals (a raw tab inside
//   "a<TAB>b" is deleted, so the text parses and the value is "ab").
// * A JSON escape such as \n is two characters (backslash, n) in the raw text, so it survives
//   that pass; JSON.parse turns it into a real newline, and the per-value pass deletes it.
//   Either way the control character is gone from the value.
// * The per-value pass runs before unescape(), so a %0A in a value decodes to a newline that
//   stays.

const CONTROL_CHARS = /[\b\f\n\r\t\v]/g;

class RejectedValue extends Error {}

function removeControlChars(text) {
  return text.replace(CONTROL_CHARS, '');
}

// One string value: control characters deleted, then %XX / %uXXXX decoded with unescape().
// A value starting with "%7B" (URL-encoded "{") sends the original into a broken decoder that
// throws; the caller turns RejectedValue into the same "must be a valid JSON" outcome.
function cleanValue(value) {
  const text = removeControlChars(value);
  if (text.startsWith('%7B')) throw new RejectedValue('value starts with %7B');
  return unescape(text);
}

// Every string leaf of a parsed data object; keys are left as they are.
function cleanDeep(value) {
  if (typeof value === 'string') return cleanValue(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) value[key] = cleanDeep(value[key]);
  }
  return value;
}

module.exports = { removeControlChars, cleanValue, cleanDeep, RejectedValue };
