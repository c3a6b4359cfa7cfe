'use strict';

var hasSymbols = require('has-symbols');

/** @type {import('.')} */
module.exports = function hasToStringTag() {
	return hasSymbols() && typeof Symbol.toStringTag === 'symbol';
};
