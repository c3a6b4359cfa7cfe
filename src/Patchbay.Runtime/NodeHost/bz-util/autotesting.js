'use strict';
// Bizagi's automated-certification mode: on when all three data files exist in the shared
// autotesting folder. Checked on every call, as the original does, so it can change at run time.
const fs = require('node:fs');
const path = require('node:path');
const context = require('./context');

const FILES = ['inputData.json', 'outputData.json', 'errorData.json'];

function filePath(name) {
  return path.join(context.autotestingRoot, name);
}

function isAutotestingEnable() {
  if (!context.autotestingRoot) return false;
  return FILES.every((name) => fs.existsSync(filePath(name)));
}

// Like the original, these throw when the file is missing or not JSON.
function read(name) {
  return JSON.parse(fs.readFileSync(filePath(name), 'utf8'));
}

module.exports = {
  isAutotestingEnable,
  getInputData: () => read('inputData.json'),
  getOutputData: () => read('outputData.json'),
  getErrorData: () => read('errorData.json'),
};
