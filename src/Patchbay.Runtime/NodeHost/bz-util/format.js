'use strict';
// Message formatting for error(). The original pastes the parameters into a string of JS source
// and eval()s util.format on it. We call util.format directly, which gives the same text for
// every input the original accepts, and a single-line text where the original throws.
const util = require('node:util');

const LINE_BREAK = /\r\n|\n|\r/g;

// Parameter text as the original builds it before pasting it into the eval'd source.
function paramText(value) {
  let text;
  if (value instanceof Object) {
    // Arrays and Errors included: an Error has no enumerable own keys, so it becomes "{}".
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined; // circular or BigInt: the original would throw; we fall back below
    }
    if (text === undefined) text = String(value); // functions, toJSON returning undefined
  } else {
    text = String(value);
  }
  // Quotes and backslashes are what would break (or be interpreted inside) the eval'd
  // '...' literal; the original strips/replaces them.
  return text.replace(/["']/g, '').replace(/\\/g, '/');
}

// A raw line break inside the eval'd '...' literal is a SyntaxError in the original. We keep
// going and make each break one space, so the message stays on one line.
function singleLine(text) {
  return text.replace(LINE_BREAK, ' ');
}

// util.format semantics: missing args leave "%s"; extra args are appended, space-separated.
function formatMessage(template, params) {
  const args = params.map((p) => singleLine(paramText(p)));
  return util.format(singleLine(template), ...args);
}

module.exports = { formatMessage, paramText };
