'use strict';
// How a logger call becomes one line of text (bizagi-compat.md §6.6).

function stringify(value) {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  } catch {
    // circular or BigInt: fall through rather than break the connector over a log line
  }
  return String(value);
}

function part(value) {
  if (value instanceof Error) return value.message;
  if (value !== null && typeof value === 'object') return stringify(value);
  return String(value);
}

// An array is its parts glued together (an empty one renders "undefined", as log4js prints the
// original's unset text); a single object is its JSON (so a lone Error is "{}", only inside an
// array does it become its message); anything else is String(value).
function render(value) {
  if (Array.isArray(value)) return value.length === 0 ? 'undefined' : value.map(part).join('');
  if (value !== null && typeof value === 'object') return stringify(value);
  return String(value);
}

// The original methods take one message. Extra arguments are not dropped: they are rendered as
// if the caller had passed all arguments as one array.
function renderArgs(args) {
  return args.length > 1 ? render(args) : render(args[0]);
}

module.exports = { render, renderArgs };
