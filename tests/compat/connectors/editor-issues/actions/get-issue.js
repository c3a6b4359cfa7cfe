var bizagiUtil = require('bz-util');
var REQUIRED = bizagiUtil.REQUIRED;
var RESPONSE = bizagiUtil.getResponse;
var ERROR = bizagiUtil.error;

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  var Client = REQUIRED('tiny-rest').Client;
  var number = data.inputs.input.number;
  new Client().get(globals.systemproperties.baseurl + '/issues/' + number, { headers: { Authorization: globals.authdata.authorizationheader } }, function (body, response) {
    if (response.statusCode === 404) {
      return callback(RESPONSE(null, { error: 'GIT.NOT_FOUND', message: ERROR('GIT.NOT_FOUND', [number]), status: 404 }, 404));
    }
    callback(RESPONSE(body, null, 200));
  });
}
exports.invoke = invoke;
