import getAsyncGeneratorFunction from './index.js';

export default getAsyncGeneratorFunction;

export { getAsyncGeneratorFunction as 'module.exports' };
