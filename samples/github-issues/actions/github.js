// Shared by the actions: an axios client for the GitHub REST API and the mapping of its errors.
var bizagiUtil = require('bz-util');
var axios = bizagiUtil.REQUIRED('axios');
var RESPONSE = bizagiUtil.getResponse;

exports.client = function (globals) {
  return axios.create({
    baseURL: globals.systemproperties.baseUrl || 'https://api.github.com',
    timeout: 30000,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: globals.authdata.authorizationheader,
      'User-Agent': 'patchbay-github-issues-sample'
    }
  });
};

exports.issue = function (data) {
  return {
    number: data.number,
    title: data.title,
    state: data.state,
    html_url: data.html_url,
    created_at: data.created_at,
    labels: (data.labels || []).map(function (l) { return typeof l === 'string' ? l : l.name; })
  };
};

exports.failure = function (error) {
  var status = error.response ? error.response.status : 500;
  var message = error.response && error.response.data && error.response.data.message ? error.response.data.message : error.message;
  var code = status === 404 ? 'GITHUB.NOT_FOUND' : 'GITHUB.REQUEST_FAILED';
  var text = bizagiUtil.error(code, [message]);
  return RESPONSE(null, { error: code, message: text, status: status }, status, text);
};
