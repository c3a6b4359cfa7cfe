var bizagiUtil = require('bz-util');
var REQUIRED = bizagiUtil.REQUIRED;
var RESPONSE = bizagiUtil.getResponse;

function toOutput(issue) {
  return { number: issue.number, url: issue.html_url, created: issue.created_at, locked: issue.locked, labels: issue.labels.map(function (l) { return l.name; }), assignee: issue.assignee };
}

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  var Client = REQUIRED('tiny-rest').Client;
  var client = new Client();
  var input = data.inputs.input;
  LOG.info(['create-issue ', input.title]);
  var args = { data: { title: input.title, body: input.body, labels: input.labels, assignee: input.assignee.login }, headers: { Authorization: globals.authdata.authorizationheader } };
  client.post(globals.systemproperties.baseurl + '/issues', args, function (body, response) {
    if (response.statusCode !== 201) {
      return callback(RESPONSE(null, { error: 'CREATE_FAILED', message: bizagiUtil.error('GLB.RESPONSE_ERROR', [response.statusCode, body]), status: response.statusCode }, response.statusCode));
    }
    callback(RESPONSE(toOutput(body), null, 200));
  });
}
exports.invoke = invoke;
