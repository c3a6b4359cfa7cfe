// bz-mongo passes on what a child process printed (bizagi-compat §5.1); here the text is written out.
exports.invoke = function (globals, actionName, data, authenticationType, LOG, done) {
  var stdoutString = '{"response":{"outputs":{"output":{"form":"handwritten"},"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}\n';
  done(stdoutString);
};
