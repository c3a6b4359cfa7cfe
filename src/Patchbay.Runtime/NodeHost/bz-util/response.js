'use strict';
// getResponse: the envelope every action hands to its callback (bizagi-compat.md §6.1).
// The steps and their quirks are deliberate: connectors and Studio mappings depend on them.
const autotesting = require('./autotesting');

function hasKeys(value) {
  // Object.keys accepts primitives (a string has index keys) but not null.
  return value !== null && value !== undefined && Object.keys(value).length > 0;
}

function getResponse(response, error, connectorStatusCode, errorMessage) {
  let success = true;

  if (response) {
    if (typeof response !== 'object') {
      try {
        response = JSON.parse(response);
      } catch {
        response = {};
        // The original builds the text after reassigning, hence "[object Object]".
        errorMessage = 'The response must be a valid JSON: ' + response;
        success = false;
      }
    }
  } else {
    response = {};
  }

  if (error) {
    if (typeof error !== 'object') {
      try {
        error = JSON.parse(error);
      } catch {
        error = {};
        errorMessage = 'The error must be a valid JSON: ' + error;
        success = false;
      }
    }
    // An Error instance has no own enumerable keys: it neither fails the call nor survives
    // serialisation (it becomes {}). Kept as the original does.
    if (hasKeys(error)) success = false;
  } else {
    error = {};
  }

  // null counts as falsy here (not as an object to stringify).
  if (errorMessage) {
    errorMessage = typeof errorMessage === 'object' ? JSON.stringify(errorMessage) : errorMessage.toString();
  } else {
    errorMessage = hasKeys(error) ? JSON.stringify(error) : '';
  }
  if (errorMessage) success = false;

  // The code is not checked against success: (x, null, 400) stays success:true, code 400.
  if (!connectorStatusCode) connectorStatusCode = success ? 200 : -200;

  return {
    response: { outputs: { output: response, error } },
    success,
    connectorstatuscode: connectorStatusCode,
    errormessage: errorMessage,
    autotestingenabled: autotesting.isAutotestingEnable(),
  };
}

module.exports = { getResponse };
