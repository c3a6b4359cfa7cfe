'use strict';
// validator (bizagi-compat.md §6.5): checks whose failures are getResponse objects.
const { getResponse } = require('./response');
const { error } = require('./error');
const { removeControlChars, cleanValue, cleanDeep } = require('./clean');

// The iz library's required(): present means not undefined, null or ''. 0 and false count.
function isPresent(value) {
  return value !== undefined && value !== null && value !== '';
}

function requiredParameters(parameters) {
  for (const name of Object.keys(parameters || {})) {
    if (!isPresent(parameters[name])) {
      return getResponse(null, null, -400, error('VAL.REQUIRED_PARAM', [name]));
    }
  }
  return undefined;
}

function invalidJson(name) {
  return getResponse(null, null, -200, error('VAL.PARAM_TYPE', [name, 'JSON']));
}

// Raw-text pass then JSON.parse; undefined when the text is not a string or not JSON.
function parseCleaned(text) {
  if (typeof text !== 'string') return undefined;
  try {
    return { value: JSON.parse(removeControlChars(text)) };
  } catch {
    return undefined;
  }
}

const GLOBALS_KEYS = ['authdata', 'systemproperties', 'projectname'];
const STRING_MAPS = ['authdata', 'systemproperties'];

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isValidGlobalsJson(globalsString) {
  const parsed = parseCleaned(globalsString);
  if (!parsed || parsed.value === null || typeof parsed.value !== 'object') return invalidJson('globals');
  const globals = parsed.value;

  // "Exists" means present and not null; an empty projectname passes here and is caught by LOG
  // when logging is on.
  for (const key of GLOBALS_KEYS) {
    if (globals[key] === undefined || globals[key] === null) {
      return getResponse(null, null, -200, error('VAL.REQUIRED_ELEMENT', ['globals.' + key, 'globals']));
    }
  }

  try {
    for (const key of STRING_MAPS) {
      const map = globals[key];
      if (!isPlainObject(map)) return invalidJson('globals');
      for (const name of Object.keys(map)) {
        // Parameters from the editor tabs are always text; anything else invalidates globals.
        if (typeof map[name] !== 'string') return invalidJson('globals');
        map[name] = cleanValue(map[name]);
      }
    }
  } catch {
    return invalidJson('globals'); // a %7B value
  }
  return getResponse(globals, null, 200);
}

// data arrives as {<name>: jsonString}; the first key names the parameter in messages.
function isValidDataJson(data) {
  const name = Object.keys(data || {})[0];
  const parsed = parseCleaned(name === undefined ? undefined : data[name]);
  if (!parsed) return invalidJson(name);
  let value;
  try {
    value = cleanDeep(parsed.value);
  } catch {
    return invalidJson(name); // a %7B value
  }
  return getResponse(value, null, 200);
}

module.exports = { requiredParameters, isValidGlobalsJson, isValidDataJson };
