import getAsyncFunction = require('.');

export default getAsyncFunction;