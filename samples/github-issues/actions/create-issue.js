var bizagiUtil = require('bz-util');
var github = require('./github');
var RESPONSE = bizagiUtil.getResponse;

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  var input = data.inputs.input;
  var missing = bizagiUtil.validator.requiredParameters({ owner: input.owner, repo: input.repo, title: input.title });
  if (missing) {
    return callback(missing);
  }

  LOG.info(['[', actionName, '] creating an issue in ', input.owner, '/', input.repo]);
  github.client(globals)
    .post('/repos/' + encodeURIComponent(input.owner) + '/' + encodeURIComponent(input.repo) + '/issues',
      { title: input.title, body: input.body, labels: input.labels || [] })
    .then(function (response) { callback(RESPONSE(github.issue(response.data), null, response.status)); })
    .catch(function (error) { callback(github.failure(error)); });
}

exports.invoke = invoke;
