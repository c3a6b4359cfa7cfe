var bizagiUtil = require('bz-util');
var github = require('./github');
var RESPONSE = bizagiUtil.getResponse;

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  var input = data.inputs.input;
  var missing = bizagiUtil.validator.requiredParameters({ owner: input.owner, repo: input.repo, number: input.number });
  if (missing) {
    return callback(missing);
  }

  github.client(globals)
    .get('/repos/' + encodeURIComponent(input.owner) + '/' + encodeURIComponent(input.repo) + '/issues/' + Number(input.number))
    .then(function (response) { callback(RESPONSE(github.issue(response.data), null, response.status)); })
    .catch(function (error) { callback(github.failure(error)); });
}

exports.invoke = invoke;
