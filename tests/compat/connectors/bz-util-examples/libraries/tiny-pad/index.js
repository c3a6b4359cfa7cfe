module.exports = function pad(text, width) { return (new Array(width + 1).join(' ') + text).slice(-width); };
module.exports.kind = 'library';
