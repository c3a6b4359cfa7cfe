// Counts its own evaluations, to show whether a load ran the module again.
global.__evaluations = global.__evaluations || {};
global.__evaluations[__filename] = (global.__evaluations[__filename] || 0) + 1;
module.exports = { evaluations: function () { return global.__evaluations[__filename]; } };
