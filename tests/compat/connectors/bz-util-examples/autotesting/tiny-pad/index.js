// The mock REQUIRED('tiny-pad') loads in Bizagi's autotesting mode (bizagi-compat §6.3, §6.7).
module.exports = function pad(text) { return '[mock]' + text; };
module.exports.kind = 'mock';
