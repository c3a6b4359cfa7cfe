import type getGeneratorFunction = require('./index.d.ts');

export default getGeneratorFunction;