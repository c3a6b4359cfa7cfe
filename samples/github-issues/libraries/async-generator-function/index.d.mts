import getAsyncGeneratorFunction = require('.');

export default getAsyncGeneratorFunction;